/**
 * "Since this article": the page's own metadata dates it, and the card and the popup list what
 * came after. An August 2025 article shows the September 2025 and June 2026 developments; a June
 * 2026 article shows none. The popup is read in both browsers; the card's closed shadow root is
 * read through Chromium's accessibility tree (Firefox's automation has none).
 */
import type { Page, SerializedAXNode } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, markPoint, settle, waitFor, type Session } from './harness';

const HOST = 'www.theguardian.com';
const AUGUST = '/fixtures/demo/microsoft-unit-8200.html'; // published 15 Aug 2025 (JSON-LD + article:published_time)
const JUNE = '/fixtures/pages/june-2026.html'; // published 5 Jun 2026 (JSON-LD @graph)

async function popupFor(session: Session, article: Page): Promise<Page> {
  // The popup opened as a tab reads the most recently used other tab.
  await article.bringToFront();
  const popup = await session.openExtensionPage('popup.html');
  await popup.waitForSelector('.story .headline', { timeout: 10_000 });
  return popup;
}

function texts(node: SerializedAXNode | null, out: string[] = []): string[] {
  if (!node) return out;
  if (node.name) out.push(node.name);
  for (const child of node.children ?? []) texts(child, out);
  return out;
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('an August 2025 article: the popup lists what came after, with the date and where it was found', async () => {
    const article = await session.open(HOST, AUGUST);
    await settle(article);
    const popup = await popupFor(session, article);
    await popup.waitForSelector('.since', { timeout: 10_000 });
    const since = await popup.$eval('.since', (el) => {
      el.querySelectorAll('details').forEach((d) => (d.open = true));
      return (el as HTMLElement).innerText;
    });
    expect(since).toContain('Since this article (15 Aug 2025)');
    expect(since).toMatch(/Published 15 Aug 2025, from the page's/);
    expect(since).toContain('ceased and disabled'); // 25 Sep 2025
    expect(since).toContain('factual findings remain the same'); // 4 Jun 2026
    expect(since).not.toContain('urgent'); // the 15 Aug review itself is not "since"
    await popup.close();
    await article.close();
  });

  it('a June 2026 article: no "since" block', async () => {
    const article = await session.open(HOST, JUNE);
    await settle(article);
    const popup = await popupFor(session, article);
    await popup.waitForSelector('.mention', { timeout: 10_000 });
    expect(await popup.$('.since')).toBeNull();
    await popup.close();
    await article.close();
  });

  it('an August 2025 page that names none of the three: no "since" block (it is not about the story)', async () => {
    const path = '/since/unrelated.html';
    session.server.route(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour works</title>
<meta property="article:published_time" content="2025-08-10T09:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour works","datePublished":"2025-08-10"}</script>
</head><body><main><article><h1>Harbour works</h1><p>${'The council approved the harbour works after a long debate. '.repeat(30)}</p></article></main></body></html>`,
    );
    const article = await session.open(HOST, path);
    await settle(article);
    const popup = await popupFor(session, article);
    await popup.waitForSelector('.mentions', { timeout: 10_000 });
    expect(await popup.$('.since')).toBeNull();
    await popup.close();
    await article.close();
  });

  it.runIf(name === 'chromium')('the card shows the developments, before the key facts, on an August 2025 article, and none on a June 2026 one', async () => {
    for (const [path, expectSince] of [[AUGUST, true], [JUNE, false]] as const) {
      const page = await session.open(HOST, path);
      await settle(page);
      const point = await markPoint(page, 'backstory-microsoft', 0);
      await page.mouse.move(point.x - 20, point.y + 40);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      let words: string[] = [];
      await waitFor(async () => {
        words = texts(await page.accessibility.snapshot({ interestingOnly: false }));
        return words.some((w) => /^key facts$/i.test(w));
      }, 8000, 'the card');
      // Headings are shown in small capitals (text-transform), which the accessibility tree keeps.
      const heading = words.find((w) => /^since this article/i.test(w));
      const keyFacts = words.findIndex((w) => /^key facts$/i.test(w));
      if (expectSince) {
        // Collapsed to one line with its count ("Since this article (15 Aug 2025), 14 developments").
        expect(heading?.toLowerCase()).toMatch(/^since this article \(15 aug 2025\)/);
        // The since block comes before the key facts.
        expect(words.indexOf(heading as string)).toBeLessThan(keyFacts);
      } else {
        expect(heading).toBeUndefined();
      }
      await page.close();
    }
  });
});

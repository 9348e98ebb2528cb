/**
 * Pages whose text holds no name at load (most pages): the scanner decides no scope and walks
 * nothing (scanner.ts `mayHoldNames`). With the built extension in Chromium and Firefox, names the
 * page writes later are still marked, however they arrive, and only where a full scan would mark them.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, readMarks, settle, waitForMarks, type MarkInfo, type Session } from './harness';
import { useSession } from './session';

const HOST = 'www.theguardian.com';

const filler = 'The committee heard more questions about the contract and the records it covered. '.repeat(20);

function shell(body: string, script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contracts, live</title></head>
<body>${body}<script>addEventListener('load', () => setTimeout(() => { ${script}; window.__done = true; }, 300));</script></body></html>`;
}

/** No name at load; the page then completes "Micro" in a paragraph with an inserted text node. */
const COMPLETED = shell(
  `<main><article><h1>Cloud contracts</h1><p>${filler}</p><p id="late">Engineers at Micro</p><p>${filler}</p></article></main>`,
  `document.getElementById('late').append(document.createTextNode('soft said the records were kept.'))`,
);

/** No name at load; the page then writes names into a related-links box, which is not the article. */
const OUTSIDE = shell(
  `<main><article><h1>Cloud contracts</h1><p>${filler}</p><p>${filler}</p></article></main>`,
  `const aside = document.createElement('aside'); aside.innerHTML = '<ul><li><a href="/x">Microsoft and Azure cloud deal</a></li></ul>'; document.querySelector('article').append(aside)`,
);

/** Names only in the navigation and footer at load; the page then appends one to the article. */
const CHROME_ONLY = shell(
  `<header><nav><a href="/">Home</a> <a href="/ms">Microsoft</a></nav></header><main><article><h1>Cloud contracts</h1><p>${filler}</p><p>${filler}</p></article></main><footer><p>© Microsoft Azure partner</p></footer>`,
  `const p = document.createElement('p'); p.textContent = 'Records of Unit 8200 were named in the filing.'; document.querySelector('article').append(p)`,
);

const texts = (marks: MarkInfo[]) => marks.flatMap((m) => m.texts.map((t) => `${m.name}:${t}`)).sort();

async function opened(session: Session, path: string, html: string): Promise<Page> {
  session.server.route(path, html);
  const page = await session.open(HOST, path);
  await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, { timeout: 30_000 });
  return page;
}

describe.each(BROWSERS)('%s', (name) => {
  const session = useSession(name);

  it('marks a name the page completes later on a page that had none', async () => {
    const page = await opened(session(), '/nameless/completed.html', COMPLETED);
    await waitForMarks(page, 1, 20_000);
    expect(texts(await settle(page, 500, 20_000))).toEqual(['backstory-microsoft:Microsoft']);
    await page.close();
  }, 90_000);

  it('leaves names the page adds outside the article unmarked', async () => {
    const page = await opened(session(), '/nameless/outside.html', OUTSIDE);
    expect(await page.evaluate(() => document.querySelector('aside a')?.textContent)).toBe('Microsoft and Azure cloud deal');
    expect(texts(await settle(page, 1000, 20_000))).toEqual([]);
    expect(await readMarks(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('marks a name appended to an article whose page had names only in its chrome', async () => {
    const page = await opened(session(), '/nameless/chrome-only.html', CHROME_ONLY);
    await waitForMarks(page, 1, 20_000);
    expect(texts(await settle(page, 500, 20_000))).toEqual(['backstory-unit-8200:Unit 8200']);
    await page.close();
  }, 90_000);
});

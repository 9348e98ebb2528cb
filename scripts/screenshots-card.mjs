#!/usr/bin/env node
/**
 * Screenshots of the card, made by the shipped build in real browsers, for the README:
 *
 *   node scripts/screenshots-card.mjs      (after `npm run build`)
 *
 * - card-chromium-light.png: a real saved page (../shared/corpus/readability/engadget.html) served
 *   as a page of a default news site, the first "Microsoft" hovered with the real mouse;
 * - card-firefox-light.png: the same in Firefox ESR, on nytimes-5.html (engadget's own script changes its address, which Firefox's WebDriver navigation rejects);
 * - card-chromium-demo.png: the bundled demo article (light), "Unit 8200" hovered;
 * - card-chromium-dark.png: the bundled demo article with a dark page style applied by this
 *   script (the card follows the page's background);
 * - card-chromium-rtl.png: an Arabic right-to-left page (test/fixtures/card-rtl.html);
 * - card-chromium-replies.png: the demo article's Unit 8200 card scrolled to the strikes allegation,
 *   with the replies that address it and Microsoft's assessment beside it;
 * - card-zoom-100.png, card-zoom-200.png, card-zoom-400.png: the demo article at 100%, 200% and 400%
 *   zoom (a 1280x1024 window: 1280x1024, 640x512 and 320x256 CSS px at 1x, 2x and 4x pixels), the card
 *   opened by the keyboard command (Alt+Shift+N), as a keyboard reader meets it;
 * - card-focus.png: the same card at 100% after Tab, Tab, Tab: focus visible on "Hide on this site";
 * - card-firefox-zoom-400.png: Firefox ESR at 400%.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { importTs } from './load-ts.mjs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const { launch, waitForMarks, markPoint, messageTab } = await importTs('test/e2e/harness.ts');

const DARK = `html, body { background: #14161a !important; color: #e6e6e6 !important; }
  .site-header, footer { background: #14161a !important; color: #bbb !important; border-color: #333 !important; }
  .site-header nav a, .standfirst, .byline, figcaption { color: #aaa !important; }`;

/**
 * Scrolls the card (inside its closed shadow root, which page scripts cannot reach) so that the fact
 * `factId` is at the top. Chromium only: CDP's DOM domain pierces closed shadow roots.
 */
async function scrollCardTo(page, factId) {
  const cdp = await page.createCDPSession();
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const find = (node) => {
    if (node.attributes?.includes('data-fact') && node.attributes[node.attributes.indexOf('data-fact') + 1] === factId) return node;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
      const hit = find(child);
      if (hit) return hit;
    }
    return null;
  };
  const target = find(root);
  if (!target) throw new Error(`no fact ${factId} in the card`);
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: target.backendNodeId });
  await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.scrollIntoView({ block: "start" }); }' });
  await cdp.detach();
}

async function shoot(session, path, highlight, file, { dark = false, index = 0, scrollTo } = {}) {
  const page = await session.open('www.theguardian.com', path);
  await page.setViewport({ width: 1180, height: 820 });
  await waitForMarks(page, 1);
  if (dark) await page.addStyleTag({ content: DARK });
  const point = await markPoint(page, highlight, index);
  await page.mouse.move(point.x - 40, point.y + 60);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  await new Promise((r) => setTimeout(r, 2000));
  if (scrollTo) {
    await scrollCardTo(page, scrollTo);
    await new Promise((r) => setTimeout(r, 300));
  }
  await page.screenshot({ path: resolve(out, file) });
  console.log(`wrote docs/screenshots/${file}`);
  await page.close();
}

/** The card opened by the "next mention" command, at `zoom` (CSS px shrink, device pixels grow). */
async function shootKeyboard(session, file, { zoom = 1, tabs = 0 } = {}) {
  const path = '/fixtures/demo/microsoft-unit-8200.html';
  const page = await session.open('www.theguardian.com', path);
  await page.setViewport({ width: Math.round(1280 / zoom), height: Math.round(1024 / zoom), deviceScaleFactor: zoom });
  await waitForMarks(page, 1);
  await new Promise((r) => setTimeout(r, 600));
  await page.evaluate(() => window.scrollTo(0, 0));
  // A background tab has no focused document, so no focus ring: bring it to the front first.
  await page.bringToFront();
  await messageTab(session, session.url('www.theguardian.com', path), { type: 'stepMention', payload: { direction: 1 } });
  for (let i = 0; i < tabs; i++) await page.keyboard.press('Tab');
  await new Promise((r) => setTimeout(r, 600));
  await page.screenshot({ path: resolve(out, file) });
  console.log(`wrote docs/screenshots/${file}`);
  await page.close();
}

for (const name of ['chromium', 'firefox']) {
  const session = await launch(name);
  try {
    await shoot(session, name === 'chromium' ? '/corpus/engadget.html' : '/corpus/nytimes-5.html', 'backstory-microsoft', `card-${name}-light.png`, { index: 0 });
    if (name === 'chromium') {
      await shoot(session, '/fixtures/demo/microsoft-unit-8200.html', 'backstory-unit-8200', 'card-chromium-demo.png');
      await shoot(session, '/fixtures/demo/microsoft-unit-8200.html', 'backstory-azure', 'card-chromium-dark.png', { dark: true });
      await shoot(session, '/fixtures/card-rtl.html', 'backstory-unit-8200', 'card-chromium-rtl.png');
      await shoot(session, '/fixtures/demo/microsoft-unit-8200.html', 'backstory-unit-8200', 'card-chromium-replies.png', { scrollTo: 'f-used-for-strikes' });
      for (const zoom of [1, 2, 4]) await shootKeyboard(session, `card-zoom-${String(zoom * 100)}.png`, { zoom });
      await shootKeyboard(session, 'card-focus.png', { tabs: 3 });
    } else {
      await shootKeyboard(session, 'card-firefox-zoom-400.png', { zoom: 4 });
    }
  } finally {
    await session.close();
  }
}

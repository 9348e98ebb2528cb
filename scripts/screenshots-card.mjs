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
 * - card-chromium-rtl.png: an Arabic right-to-left page (test/fixtures/card-rtl.html).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { importTs } from './load-ts.mjs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const { launch, waitForMarks, markPoint } = await importTs('test/e2e/harness.ts');

const DARK = `html, body { background: #14161a !important; color: #e6e6e6 !important; }
  .site-header, footer { background: #14161a !important; color: #bbb !important; border-color: #333 !important; }
  .site-header nav a, .standfirst, .byline, figcaption { color: #aaa !important; }`;

async function shoot(session, path, highlight, file, { dark = false, index = 0 } = {}) {
  const page = await session.open('www.theguardian.com', path);
  await page.setViewport({ width: 1180, height: 820 });
  await waitForMarks(page, 1);
  if (dark) await page.addStyleTag({ content: DARK });
  const point = await markPoint(page, highlight, index);
  await page.mouse.move(point.x - 40, point.y + 60);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  await new Promise((r) => setTimeout(r, 2000));
  await page.screenshot({ path: resolve(out, file) });
  console.log(`wrote docs/screenshots/${file}`);
  await page.close();
}

for (const name of ['chromium', 'firefox']) {
  const session = await launch(name);
  try {
    await shoot(session, name === 'chromium' ? '/corpus/engadget.html' : '/corpus/nytimes-5.html', 'backstory-microsoft', `card-${name}-light.png`, { index: name === 'chromium' ? 1 : 0 });
    if (name === 'chromium') {
      await shoot(session, '/fixtures/demo/microsoft-unit-8200.html', 'backstory-unit-8200', 'card-chromium-demo.png');
      await shoot(session, '/fixtures/demo/microsoft-unit-8200.html', 'backstory-azure', 'card-chromium-dark.png', { dark: true });
      await shoot(session, '/fixtures/card-rtl.html', 'backstory-unit-8200', 'card-chromium-rtl.png');
    }
  } finally {
    await session.close();
  }
}

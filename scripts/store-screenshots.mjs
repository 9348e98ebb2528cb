#!/usr/bin/env node
/**
 * The store's images, made by the shipped build (dist/chromium) in real Chromium:
 *
 *   npm run store:screenshots      (builds first)
 *
 * - store/screenshots/1-card.png     1280×800: a real saved news page (corpus engadget.html, served as
 *                                    a page of a default news site), "Microsoft" hovered, the card open;
 * - store/screenshots/2-popup.png    1280×800: the real popup (popup.html of the build, reading that
 *                                    same tab), placed under the toolbar over the page it describes;
 * - store/screenshots/3-options.png  1280×800: the real options page of the build;
 * - store/screenshots/tile-440x280.png  the promotional tile: the icon, the name and the summary.
 *
 * Only the popup's frame and the tile are composed (in a local HTML page): browser automation cannot
 * open the toolbar popup itself, so the popup page is shot at its own size and placed where the
 * toolbar would show it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importTs } from './load-ts.mjs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'store/screenshots');
mkdirSync(out, { recursive: true });
const { launch, waitForMarks, markPoint } = await importTs('test/e2e/harness.ts');

const W = 1280;
const H = 800;
const HOST = 'www.theguardian.com';
const ARTICLE = '/corpus/engadget.html';
const dataUrl = (png) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const summary = JSON.parse(readFileSync(resolve(root, 'src/shared/locales/en.json'), 'utf8')).extDescription.message;

const READING_STYLE = `
  body { max-width: 760px !important; margin: 0 auto !important; padding: 24px 40px 80px !important;
    font: 19px/1.6 Georgia, 'DejaVu Serif', serif !important; color: #1d1d1f !important; background: #fbfaf7 !important; }
  img, svg, picture, video, iframe, figure, figcaption { display: none !important; }
  h1 { font: 700 36px/1.2 system-ui, 'DejaVu Sans', sans-serif !important; margin: 0.6em 0 !important; }
  h2, h3 { font-family: system-ui, 'DejaVu Sans', sans-serif !important; }
  a { color: #1a4f8b !important; }`;

/** Scrolls the article's heading to the top and returns the centre of the first "Microsoft" mark then in view. */
function firstMarkBelowHeading() {
  const heading = document.querySelector('h1');
  if (heading) window.scrollTo(0, window.scrollY + heading.getBoundingClientRect().top - 24);
  const marks = [...(CSS.highlights.get('backstory-microsoft') ?? [])];
  for (const range of marks) {
    const rect = range.getClientRects()[0];
    if (rect && rect.top > 140 && rect.bottom < 460) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

const session = await launch('chromium');
try {
  // 1. The card on a real page.
  const article = await session.open(HOST, ARTICLE);
  await article.setViewport({ width: W, height: H });
  await waitForMarks(article, 1);
  // The corpus keeps the page's HTML, not its stylesheets; a plain reading style stands in for them.
  await article.addStyleTag({ content: READING_STYLE });
  const point = (await article.evaluate(firstMarkBelowHeading)) ?? (await markPoint(article, 'backstory-microsoft', 0));
  await article.mouse.move(point.x - 40, point.y + 60);
  await article.mouse.move(point.x, point.y, { steps: 5 });
  await sleep(2000);
  await article.screenshot({ path: resolve(out, '1-card.png') });
  console.log('wrote store/screenshots/1-card.png');

  // 2. The popup for that tab, over the page (card closed).
  await article.mouse.move(5, H - 5);
  await article.keyboard.press('Escape');
  await sleep(800);
  const background = await article.screenshot();
  await article.bringToFront();
  const popup = await session.browser.newPage();
  await popup.setViewport({ width: 360, height: 1200 });
  await popup.goto(session.extensionUrl('popup.html'), { waitUntil: 'load' });
  await popup.waitForSelector('.story .headline', { timeout: 10_000 });
  await popup.waitForSelector('.mention', { timeout: 10_000 });
  await sleep(500);
  const height = await popup.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const popupPng = await popup.screenshot({ clip: { x: 0, y: 0, width: 360, height: Math.min(height, H - 40) } });
  await popup.close();
  const frame = await session.browser.newPage();
  await frame.bringToFront();
  await frame.setViewport({ width: W, height: H });
  await frame.setContent(`<!doctype html><html><body style="margin:0;width:${W}px;height:${H}px;overflow:hidden;position:relative">
    <img src="${dataUrl(background)}" style="position:absolute;inset:0;width:${W}px;height:${H}px;filter:brightness(0.82)">
    <img src="${dataUrl(popupPng)}" style="position:absolute;top:8px;right:24px;width:360px;border-radius:8px;box-shadow:0 8px 32px rgb(0 0 0 / .45),0 0 0 1px rgb(0 0 0 / .2)">
  </body></html>`);
  await frame.screenshot({ path: resolve(out, '2-popup.png') });
  console.log('wrote store/screenshots/2-popup.png');

  // 3. The options page.
  const options = await session.browser.newPage();
  await options.setViewport({ width: W, height: H });
  await options.goto(session.extensionUrl('options.html'), { waitUntil: 'load' });
  await options.waitForSelector('fieldset input', { timeout: 10_000 });
  await sleep(500);
  await options.screenshot({ path: resolve(out, '3-options.png') });
  console.log('wrote store/screenshots/3-options.png');
  await options.close();
  // A tab in the background is not painted, so its screenshot never completes.
  await frame.bringToFront();

  // The promotional tile.
  const icon = readFileSync(resolve(root, 'dist/chromium/icons/icon-128.png'));
  await frame.setViewport({ width: 440, height: 280 });
  await frame.setContent(`<!doctype html><html><body style="margin:0;width:440px;height:280px;overflow:hidden;
      font-family:system-ui,'DejaVu Sans',sans-serif;background:#f6f3ec;color:#1f2430;display:flex;align-items:center;gap:22px;padding:0 30px;box-sizing:border-box">
    <img src="${dataUrl(icon)}" width="104" height="104" alt="">
    <div>
      <div style="font-size:38px;font-weight:700;letter-spacing:-0.5px">Backstory</div>
      <div style="font-size:15px;line-height:1.4;margin-top:8px;color:#3b3f48">${summary.replace(/Microsoft|Azure|Unit 8200/g, (name) => `<span style="white-space:nowrap;text-decoration:underline 2px rgb(217 119 6);text-underline-offset:3px;background:rgb(245 158 11 / .18)">${name}</span>`)}</div>
    </div>
  </body></html>`);
  await frame.screenshot({ path: resolve(out, 'tile-440x280.png') });
  console.log('wrote store/screenshots/tile-440x280.png');
} finally {
  await session.close();
}

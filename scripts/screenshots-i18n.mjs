#!/usr/bin/env node
/**
 * Screenshots of the story in Arabic and Hebrew (issue 15), made by the shipped build in Chromium started
 * in that UI language:
 *
 *   node scripts/screenshots-i18n.mjs      (after `npm run build`)
 *
 * - card-ar-light.png, card-ar-dark.png: an Arabic right-to-left page, "الوحدة 8200" hovered;
 * - card-he-light.png, card-he-dark.png: a Hebrew page, "מיקרוסופט" hovered;
 * - card-ar-quote.png: the Microsoft card on the Arabic page scrolled to a translated quote with its
 *   English original opened;
 * - popup-ar-story.png, popup-he-story.png: the popup (as a tab, 360 px wide) with the key facts open.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { importTs } from './load-ts.mjs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const { launch, waitForMarks, markPoint } = await importTs('test/e2e/harness.ts');

const DARK = 'html, body { background: #14161a !important; color: #e6e6e6 !important; }';
const HEAD = (lang, title) =>
  `<!doctype html><html lang="${lang}" dir="rtl"><head><meta charset="utf-8"><title>${title}</title>
  <meta property="article:published_time" content="2025-08-10T09:00:00+00:00">
  <style>body { margin: 0; font: 19px/1.7 system-ui, sans-serif; } main { max-width: 640px; margin: 40px auto; padding: 0 24px; }</style></head>`;
const PAGES = {
  ar: `${HEAD('ar', 'مقال')}<body><main><article><h1>عقود الحوسبة السحابية تحت المجهر</h1>
    <p>قال صحفيون إن الوحدة 8200 احتفظت بتسجيلات على خوادم تديرها مايكروسوفت في أوروبا، وفق التقرير.</p>
    <p>واستضافت منصة أزور السحابية البيانات في منطقة معزولة، بحسب ما نُشر.</p></article></main></body></html>`,
  he: `${HEAD('he', 'כתבה')}<body><main><article><h1>מיקרוסופט הפסיקה שירותים ליחידה במשרד הביטחון</h1>
    <p>לפי הדיווח, יחידה 8200 אחסנה הקלטות בענן אז'ור של מיקרוסופט.</p>
    <p>במיקרוסופט אמרו כי הבדיקה נמשכת.</p></article></main></body></html>`,
};

/** Runs `fn(root)` on the card's closed shadow root (Chromium: CDP pierces it). */
async function inCard(page, fn) {
  const cdp = await page.createCDPSession();
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const html = root.children?.find((n) => n.localName === 'html');
  const host = html?.children?.find((n) => n.localName !== 'head' && n.localName !== 'body' && n.shadowRoots?.length);
  const { object } = await cdp.send('DOM.resolveNode', { nodeId: host.shadowRoots[0].nodeId });
  const done = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: `function () { (${fn})(this); }` });
  if (done.exceptionDetails) throw new Error(done.exceptionDetails.exception?.description ?? done.exceptionDetails.text);
  await cdp.detach();
}

async function shootCard(session, lang, highlight, file, { dark = false, quote = false } = {}) {
  const path = `/i18n-shot/${lang}${quote ? '-late' : ''}.html`;
  session.server.route(path, quote ? PAGES[lang].replace('2025-08-10', '2026-06-30') : PAGES[lang]);
  const page = await session.open('www.theguardian.com', path);
  await page.setViewport({ width: 1180, height: 860 });
  await waitForMarks(page, 1);
  if (dark) await page.addStyleTag({ content: DARK });
  const point = await markPoint(page, highlight, 0);
  await page.mouse.move(point.x - 40, point.y + 60);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  await new Promise((r) => setTimeout(r, 2000));
  if (quote) {
    // The page is dated after the story, so the fact is among the key facts (not folded under "Since").
    await inCard(page, `(root) => { const d = root.querySelector('.block .fact[data-fact="f-ceased-services"] > details.original');
      d.open = true; d.closest('.fact').scrollIntoView({ block: 'start' }); }`);
    await new Promise((r) => setTimeout(r, 300));
  }
  await page.screenshot({ path: resolve(out, file) });
  console.log(`wrote docs/screenshots/${file}`);
  await page.close();
}

async function shootPopup(session, lang) {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 360, height: 1100 });
  await page.goto(session.extensionUrl('popup.html'), { waitUntil: 'load' });
  await page.waitForSelector('.story .headline');
  await page.evaluate(() => {
    document.querySelector('details.key-facts')?.setAttribute('open', '');
    document.querySelector('details.key-facts')?.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -260);
  });
  await new Promise((r) => setTimeout(r, 300));
  const file = `popup-${lang}-story.png`;
  await page.screenshot({ path: resolve(out, file) });
  console.log(`wrote docs/screenshots/${file}`);
  await page.close();
}

for (const [lang, highlight] of [
  ['ar', 'backstory-unit-8200'],
  ['he', 'backstory-microsoft'],
]) {
  const session = await launch('chromium', { lang });
  try {
    await shootCard(session, lang, highlight, `card-${lang}-light.png`);
    await shootCard(session, lang, highlight, `card-${lang}-dark.png`, { dark: true });
    if (lang === 'ar') await shootCard(session, lang, 'backstory-microsoft', 'card-ar-quote.png', { quote: true });
    await shootPopup(session, lang);
  } finally {
    await session.close();
  }
}

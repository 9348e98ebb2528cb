#!/usr/bin/env node
/**
 * Screenshots of the popup and the options page (light, dark, Arabic, Hebrew) into docs/screenshots/.
 *
 *   node scripts/screenshots-ui.mjs
 *
 * Renders the real view components with mock data (src/popup/mock.ts) and the real messages files,
 * bundled by esbuild into a local page and shot in Chromium through puppeteer-core. The extension
 * runtime is not involved, so the pictures show a news-page state without a network or a fixture
 * server. Set CHROMIUM_PATH if Chromium is not at /usr/bin/chromium.
 */
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots');
const work = mkdtempSync(join(tmpdir(), 'backstory-shots-'));

const shared = `
  import { h, render } from 'preact';
  import en from './src/shared/locales/en.json';
  import ar from './src/shared/locales/ar.json';
  import he from './src/shared/locales/he.json';
  import { I18n, translatorFor } from './src/popup/i18n';
  const lang = new URLSearchParams(location.search).get('lang') ?? 'en';
  const catalog = { en, ar, he }[lang] ?? en;
  const locale = { t: translatorFor(catalog), lang, dir: lang === 'ar' || lang === 'he' ? 'rtl' : 'ltr' };
  document.documentElement.lang = lang;
  document.documentElement.dir = locale.dir;
  const mount = (view) => render(h(I18n.Provider, { value: locale }, view), document.getElementById('root'));
`;

const entries = {
  popup: `${shared}
    import { Popup } from './src/popup/Popup';
    import { mockActions, mockPageInfo, mockPopupData, mockSite } from './src/popup/mock';
    import './src/popup/popup.css';
    // "quiet": a console review naming Microsoft, which the automatic mode found not about the story.
    const quiet = new URLSearchParams(location.search).get('quiet') === '1';
    const info = mockPageInfo({ firstOnly: true, published: null, counts: { microsoft: 1, azure: 0, 'unit-8200': 0 } });
    const data = quiet ? mockPopupData({ mode: 'automatic', page: { state: 'site', site: mockSite({ host: 'theverge.com', origin: 'https://www.theverge.com' }), info } }) : mockPopupData();
    mount(h(Popup, { data, actions: mockActions() }));
    const open = new URLSearchParams(location.search).get('open');
    // "key": the key facts with their replies and confirmations unfolded (popup-facts.png).
    if (open === 'key') document.querySelectorAll('details.key-facts, .key-facts details.replies').forEach((d) => (d.open = true));
    else if (open) document.querySelectorAll('details').forEach((d) => (d.open = true));
  `,
  options: `${shared}
    import { Options } from './src/options/Options';
    import { dataset } from './src/data/index';
    import './src/options/options.css';
    const settings = {
      schemaVersion: 1, mode: 'all', style: 'underline', entities: { microsoft: true, azure: true, 'unit-8200': false },
      disabledSites: ['bbc.co.uk'], addedSites: ['https://www.example-news.org'] };
    const noop = () => undefined;
    mount(h(Options, {
      data: { settings, entities: dataset.entities, dataset: { version: dataset.meta.version, asOf: dataset.meta.asOf, hash: '9a946d488613' }, status: null },
      actions: { setMode: noop, setEntity: noop, setStyle: noop, setClickOnly: noop, enableSite: noop, removeAddedSite: noop, reset: noop },
    }));
  `,
};

for (const [name, contents] of Object.entries(entries)) {
  await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'tsx', sourcefile: `${name}-shot.tsx` },
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outfile: join(work, `${name}.js`),
    define: { __CONTENT_HASH__: '"9a946d488613"' },
    logLevel: 'warning',
  });
  writeFileSync(
    join(work, `${name}.html`),
    `<!doctype html><html><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">` +
      `<link rel="stylesheet" href="${name}.css"></head><body><div id="root"></div><script src="${name}.js"></script></body></html>`,
  );
}

const shots = [
  { file: 'popup-light.png', page: 'popup', lang: 'en', scheme: 'light', width: 360 },
  { file: 'popup-dark.png', page: 'popup', lang: 'en', scheme: 'dark', width: 360 },
  { file: 'popup-ar.png', page: 'popup', lang: 'ar', scheme: 'light', width: 360 },
  { file: 'popup-he-dark.png', page: 'popup', lang: 'he', scheme: 'dark', width: 360 },
  { file: 'popup-facts.png', page: 'popup', lang: 'en', scheme: 'light', width: 360, open: 'key' },
  { file: 'popup-quiet.png', page: 'popup', lang: 'en', scheme: 'light', width: 360, quiet: true },
  { file: 'options-light.png', page: 'options', lang: 'en', scheme: 'light', width: 760 },
  { file: 'options-dark.png', page: 'options', lang: 'en', scheme: 'dark', width: 760 },
  { file: 'options-ar.png', page: 'options', lang: 'ar', scheme: 'light', width: 760 },
];

mkdirSync(out, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
});
try {
  for (const shot of shots) {
    const page = await browser.newPage();
    await page.setViewport({ width: shot.width, height: 600, deviceScaleFactor: 2 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.scheme }]);
    await page.goto(`file://${join(work, `${shot.page}.html`)}?lang=${shot.lang}${shot.open ? `&open=${shot.open}` : ''}${shot.quiet ? '&quiet=1' : ''}`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(out, shot.file), fullPage: true });
    await page.close();
    console.log(`docs/screenshots/${shot.file}`);
  }
} finally {
  await browser.close();
}

/**
 * Renders icons/icon.svg to the PNG sizes the manifest names (16, 32, 48, 96, 128), with the
 * system Chromium through puppeteer-core, so the PNGs never drift from the one source drawing.
 * Run: node scripts/icons.mjs [--chromium /path/to/chromium]
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const SIZES = [16, 32, 48, 96, 128];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--chromium');
const executablePath = flag > 0 ? process.argv[flag + 1] : '/usr/bin/chromium';

const svg = await readFile(path.join(root, 'icons/icon.svg'), 'utf8');
const browser = await puppeteer.launch({ executablePath, args: ['--no-sandbox', '--headless=new'] });
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    // The SVG is drawn at the target size (not scaled from a bitmap), so small sizes stay crisp.
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    const file = path.join(root, `icons/icon-${size}.png`);
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`wrote ${path.relative(root, file)}`);
  }
} finally {
  await browser.close();
}

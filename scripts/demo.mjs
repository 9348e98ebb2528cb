#!/usr/bin/env node
/**
 * npm start: builds Backstory and shows it working on the bundled demo article, served locally as
 * a page of www.theguardian.com (a default news site), in real Chromium with the shipped build.
 *
 * With a display it opens the browser for you to explore (close the window to stop). Without one
 * it runs headless, hovers the first marked name, waits for the card, saves a screenshot and
 * prints its path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { importTs } from './load-ts.mjs';

const root = resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [resolve(root, 'build.mjs')], { stdio: 'inherit' });
const { launch, waitForMarks, markPoint } = await importTs('test/e2e/harness.ts');

const DEMO = '/fixtures/demo/microsoft-unit-8200.html';
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');
const session = await launch('chromium', { headed });
const page = await session.open('www.theguardian.com', DEMO);
const marks = await waitForMarks(page, 3);
console.log(`Backstory marked ${marks.reduce((n, m) => n + m.texts.length, 0)} mentions: ${marks.map((m) => `${m.name} ×${m.texts.length}`).join(', ')}`);

if (headed) {
  console.log(`Opened ${session.url('www.theguardian.com', DEMO)} — hover a marked name. Close the browser to stop.`);
  await new Promise((done) => session.browser.on('disconnected', done));
  await session.close();
} else {
  await page.setViewport({ width: 1200, height: 860 });
  const point = await markPoint(page, 'backstory-unit-8200', 0);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await new Promise((r) => setTimeout(r, 900));
  const out = resolve(root, process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'dist/demo.png');
  mkdirSync(resolve(out, '..'), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`Screenshot of the card on the demo article: ${out}`);
  await session.close();
}

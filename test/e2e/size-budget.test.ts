/**
 * DESIGN.md "Performance budgets": the content script, dataset included, stays under 30 KB
 * gzipped. It is the script that runs on every article page; the card (card.js) is injected only
 * when a reader opens one. Reads the release build that `npm test` makes before vitest runs.
 * Sizes are gzip level 9, as `npm run bench` reports them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from './server';

const BUDGET_BYTES = 30 * 1024;

describe.each(['chromium', 'firefox'])('%s', (browser) => {
  it('content.js is at most 30 KB gzipped', () => {
    const file = join(ROOT, 'dist', browser, 'content.js');
    expect(existsSync(file), `${file} is missing: run "npm run build" first`).toBe(true);
    const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
    expect(gzipped, `content.js is ${(gzipped / 1024).toFixed(1)} KB gzipped`).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

/// <reference types="node" />
/**
 * `npm run check:data` (and so the build, which calls the same checkDataFile) on translation files: a
 * broken one fails naming file, item and field; a stale one passes with a warning and ships in English.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import story from '../../src/data/story.json';
import { englishItems } from '../../src/data/translation-items';
import type { Dataset } from '../../src/data/types';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'backstory-i18n-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entity = englishItems(story as unknown as Dataset)['entity/azure']!;

function run(file: unknown): { status: number | null; out: string } {
  writeFileSync(join(dir, 'ar.json'), JSON.stringify(file, null, 2));
  const r = spawnSync(process.execPath, [join(root, 'scripts/check-data.mjs'), '--i18n', dir], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run check:data on translations', { timeout: 30_000 }, () => {
  it('fails a field over its limit, naming the file, the item and the field', () => {
    const r = run({ lang: 'ar', items: { 'entity/azure': { en: entity, name: 'أزور', description: 'و'.repeat(141) } } });
    expect(r.status).toBe(1);
    expect(r.out).toContain(`${dir.split('/').pop() ?? ''}/ar.json: items["entity/azure"].description (entity/azure): is 141 characters, more than 140`);
  });

  it('passes a stale item with a warning and leaves it out', () => {
    const r = run({ lang: 'ar', items: { 'entity/azure': { en: { ...entity, description: 'An older description.' }, name: 'أزور', description: 'وصف' } } });
    expect(r.status).toBe(0);
    expect(r.out).toContain('warning: ');
    expect(r.out).toContain('items["entity/azure"] is stale (English changed: description)');
    expect(r.out).toContain('translations ar: 0/');
    expect(readFileSync(join(dir, 'ar.json'), 'utf8')).toContain('older');
  });
});

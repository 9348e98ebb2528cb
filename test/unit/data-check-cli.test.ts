/// <reference types="node" />
/**
 * `npm run check:data` as a contributor meets it (the build calls the same `checkDataFile`): a real
 * process on a broken copy of story.json, exit code and message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const story = readFileSync(join(root, 'src/data/story.json'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'backstory-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(text: string): { status: number | null; out: string } {
  const file = join(dir, 'story.json');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [join(root, 'scripts/check-data.mjs'), file], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// Each test starts Node, which bundles check.ts with ajv (about 2 s alone, more on a loaded machine).
describe('npm run check:data', { timeout: 30_000 }, () => {
  it('passes the real dataset', () => {
    const r = run(story);
    expect(r.out).toContain('ok');
    expect(r.status).toBe(0);
  });

  it('fails a schema error with the JSON path, the item id and the schema\'s message', () => {
    const data = JSON.parse(story) as { stories: { facts: { id: string; status: string }[] }[] };
    const fact = data.stories[0]!.facts[4]!;
    fact.status = 'rumoured';
    const r = run(JSON.stringify(data, null, 2));
    expect(r.status).toBe(1);
    expect(r.out).toContain(`stories[0].facts[4].status (${fact.id}): must be equal to one of the allowed values`);
    expect(r.out).toContain('→ use one of "reported", "confirmed", "denied", "disputed", "announced"');
  });

  it('fails a syntax error with its line and column', () => {
    const lines = story.split('\n');
    const i = lines.findIndex((l) => l.includes('"asOf"'));
    lines[i] = lines[i]!.replace(/,$/, '');
    const r = run(lines.join('\n'));
    expect(r.status).toBe(1);
    expect(r.out).toMatch(new RegExp(`story\\.json:${i + 2}:\\d+: not valid JSON`));
  });
});

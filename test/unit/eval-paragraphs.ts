/**
 * Every paragraph of the detection evaluation sets (test/fixtures/detection-eval), with the gold markup
 * ("[[m|Microsoft]]") removed: the texts the differential tests replay. `sets`: the sub-folders to read beside
 * the base set (default: all of them).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const BASE = join(import.meta.dirname, '../fixtures/detection-eval');

export function evalParagraphs(sets?: readonly string[]): string[] {
  const names = sets ?? readdirSync(BASE, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const out: string[] = [];
  for (const dir of [BASE, ...names.map((d) => join(BASE, d))]) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const page = JSON.parse(line) as { text: string | string[] };
        for (const t of Array.isArray(page.text) ? page.text : [page.text]) out.push(t.replace(/\[\[([mau])\|([^\]]+)\]\]/g, '$2'));
      }
    }
  }
  return out;
}

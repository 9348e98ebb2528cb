/**
 * content.js size (DESIGN: under 30 KB gzipped): esbuild writes a regex literal that has a property escape
 * outside a class (`/\p{L}/u`) as `new RegExp("\\p{L}", "u")`, every backslash doubled. The detection
 * modules write such escapes inside a class (`[\p{L}]`, the same characters), so none of their literals is
 * rewritten.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const FILES = ['edges', 'forms', 'number', 'text', 'unit-word', 'unit-evidence', 'paraphrase', 'azure', 'terms', 'cloud-terms', 'pattern', 'exclusions', 'ignorable', 'sentence', 'accepts', 'fold', 'matcher'];
/** A `new RegExp` whose only source is one string literal: what esbuild makes of a rewritten literal. */
const REWRITTEN = /new RegExp\("(?:\\.|[^"\\])*", "[a-z]*"\)/g;

describe('regex literals in src/detect', () => {
  it.each(FILES)('%s.ts: esbuild keeps every literal a literal', (name) => {
    const source = readFileSync(join(import.meta.dirname, '../../src/detect', `${name}.ts`), 'utf8');
    const { code } = transformSync(source, { loader: 'ts', target: ['chrome148', 'firefox140'] });
    expect(code.match(REWRITTEN) ?? []).toEqual([]);
  });

  it('the check sees a rewritten literal (a bare property escape)', () => {
    const { code } = transformSync('export const a = /^\\p{Lu}/u;', { loader: 'ts', target: ['chrome148', 'firefox140'] });
    expect(code.match(REWRITTEN)).toHaveLength(1);
  });
});

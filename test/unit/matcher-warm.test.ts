// @vitest-environment happy-dom
/**
 * Matcher.warm: what the first block with a name would compile in one task (the alternation of every form,
 * the other actors' names, the bare number's guards) is made step by step, each step in a scan slice of its
 * own. What must hold: warming changes no answer, a page without a name never warms (it pays nothing for
 * names it does not have), and a page with one warms before its first block is matched.
 */
import { describe, expect, it } from 'vitest';
import { evalParagraphs } from './eval-paragraphs';
import { entityAliases, otherNames } from '../../src/data/aliases';
import { compileMatcher } from '../../src/detect';
import type { Matcher } from '../../src/detect';
import { Scanner } from '../../src/content/scanner';


/** The matcher's calls, in order: `warm` steps and `find`s. */
function recording(matcher: Matcher): { matcher: Matcher; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    matcher: {
      ...matcher,
      find: (text) => (calls.push('find'), matcher.find(text)),
      warm: (step) => (calls.push(`warm ${step}`), matcher.warm(step)),
    },
  };
}

describe('Matcher.warm', () => {
  it('changes no answer: a warmed matcher finds what a cold one finds, in every evaluation paragraph', () => {
    const paragraphs = evalParagraphs();
    const cold = compileMatcher(entityAliases, otherNames);
    const warmed = compileMatcher(entityAliases, otherNames);
    let steps = 0;
    while (warmed.warm(steps)) steps++;
    expect(steps).toBeGreaterThanOrEqual(3);
    // Past the last step it does nothing and says so; once warm, a later scan has no step to run.
    expect(warmed.warm(steps + 1)).toBe(false);
    expect(warmed.warm(0)).toBe(false);
    let found = 0;
    for (const p of paragraphs) {
      const expected = cold.find(p);
      expect(warmed.find(p), p).toEqual(expected);
      expect(warmed.context(p), p).toEqual(cold.context(p));
      found += expected.length;
    }
    expect(found).toBeGreaterThan(300);
  });

  it('a page without a name never warms; a page with one warms before its first block is matched', async () => {
    const base = compileMatcher(entityAliases, otherNames);
    document.body.innerHTML = '<main><article><h1>Cloud contracts</h1><p>The committee heard more questions.</p></article></main>';
    const nameless = recording(base);
    await new Scanner(document, nameless.matcher, 0).scanAll(new AbortController().signal);
    expect(nameless.calls).toEqual([]);

    document.body.innerHTML = '<main><article><h1>Cloud contracts</h1><p>Microsoft said the Azure contract was reviewed.</p></article></main>';
    const named = recording(base);
    const scanner = new Scanner(document, named.matcher, 0);
    await scanner.scanAll(new AbortController().signal);
    expect(scanner.list().map((m) => m.range.toString())).toEqual(['Microsoft', 'Azure']);
    const firstFind = named.calls.indexOf('find');
    expect(firstFind).toBeGreaterThan(0);
    expect(named.calls.slice(0, firstFind)).toEqual(['warm 0', 'warm 1', 'warm 2', 'warm 3']);
    // A second scan of the page finds the matcher warm.
    named.calls.length = 0;
    await scanner.scanAll(new AbortController().signal);
    expect(named.calls.slice(0, named.calls.indexOf('find'))).toEqual(['warm 0']);
  });
});

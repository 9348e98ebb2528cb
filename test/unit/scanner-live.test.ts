// @vitest-environment happy-dom
/**
 * A page that edits itself while a full scan is still under way (the scan yields between slices):
 * every name is marked exactly once. Found on wikipedia in Firefox: a paragraph appended during the
 * scan was marked by the rescan and again when the walk reached it.
 */
import { describe, expect, it } from 'vitest';
import { entityAliases, otherNames } from '../../src/data/aliases';
import { compileMatcher } from '../../src/detect';
import { Scanner } from '../../src/content/scanner';

const matcher = compileMatcher(entityAliases, otherNames);

function positions(scanner: Scanner): string[] {
  return scanner.list().map((m) => `${(m.range.startContainer.parentElement as Element).id}:${m.range.startOffset}`);
}

describe('Scanner during a page edit', () => {
  it('marks a paragraph appended mid-scan once, and one edited behind the walk once', async () => {
    document.body.innerHTML = `<article>${Array.from({ length: 200 }, (_, i) => `<p id="p${i}">Item ${i}: Microsoft said so.</p>`).join('')}</article>`;
    const article = document.querySelector('article') as Element;
    // A zero slice: the scan yields every 64 nodes, so the edits below land between its slices.
    const scanner = new Scanner(document, matcher, 0);
    // scanAll runs its first slice synchronously, then yields: the page edits right then.
    const done = scanner.scanAll(new AbortController().signal);
    expect(scanner.list().length).toBeLessThan(100);
    const added = document.createElement('p');
    added.id = 'late';
    added.textContent = 'Late: Microsoft and Unit 8200.';
    article.append(added);
    const first = document.getElementById('p0') as Element;
    first.textContent = 'Item 0: Microsoft, rewritten.';
    expect(scanner.rescan([first], [added], true)).toBe(true);
    await done;
    const marks = positions(scanner);
    expect(new Set(marks).size).toBe(marks.length);
    expect(marks.filter((m) => m.startsWith('late:'))).toHaveLength(2);
    expect(marks.filter((m) => m.startsWith('p0:'))).toHaveLength(1);
    expect(marks).toHaveLength(202);
  }, 30_000);
});

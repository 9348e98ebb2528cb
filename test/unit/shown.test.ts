// @vitest-environment happy-dom
/**
 * The incremental path from the scanner to the marks: the scanner's reported changes, the selection of
 * shown mentions (against `visibleMentions` over the whole list, after every step), the visible index
 * and the topic read. The painter itself needs the Highlight API: see test/e2e/hostile-card.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { entityAliases, otherNames } from '../../src/data/aliases';
import type { EntityId } from '../../src/data/types';
import { compileMatcher } from '../../src/detect';
import { visibleMentions, type PaintOptions } from '../../src/content/highlights';
import type { MarkChange, Mention } from '../../src/content/mention';
import { Scanner } from '../../src/content/scanner';
import { ShownMarks, ShownSelection } from '../../src/content/shown';
import { TopicReader } from '../../src/content/topic';
import { articleAboutStory } from '../../src/content/topic-text';
import { VisibleIndex } from '../../src/content/visible-index';
import type { Mode } from '../../src/shared/settings';

const matcher = compileMatcher(entityAliases, otherNames);
const IDS: EntityId[] = ['microsoft', 'azure', 'unit-8200'];

/** Follows a scanner's changes the way index.ts does, keeping the set they describe. */
function follow(scanner: Scanner): { set: Set<Mention>; changes: MarkChange[] } {
  const set = new Set<Mention>();
  const changes: MarkChange[] = [];
  scanner.onChange((change) => {
    changes.push(change);
    if (change.reset) {
      set.clear();
      for (const m of scanner.list()) set.add(m);
      return;
    }
    for (const m of change.added) {
      expect(set.has(m), 'added twice').toBe(false);
      set.add(m);
    }
    for (const m of change.dropped) expect(set.delete(m), 'dropped but never added').toBe(true);
  }, new AbortController().signal);
  return { set, changes };
}

/** The same mentions by identity (Ranges compare equal field by field). */
const same = (set: ReadonlySet<Mention>, list: readonly Mention[]) => set.size === list.length && list.every((m) => set.has(m));

describe('the scanner reports what it added and dropped', () => {
  it('through a scan with edits between its slices, appends, edits and removals', async () => {
    document.body.innerHTML = `<article>${Array.from({ length: 120 }, (_, i) => `<p id="p${i}">Item ${i}: Microsoft and Azure said so.</p>`).join('')}</article>`;
    const article = document.querySelector('article') as Element;
    const scanner = new Scanner(document, matcher, 0);
    const seen = follow(scanner);
    const done = scanner.scanAll(new AbortController().signal);
    const late = document.createElement('p');
    late.textContent = 'Late: Unit 8200 and Microsoft.';
    article.append(late);
    const first = document.getElementById('p0') as Element;
    first.textContent = 'Item 0: Azure only now.';
    scanner.rescan([first], [late], true);
    expect(scanner.list().every((m) => seen.set.has(m))).toBe(true);
    await done;
    expect(same(seen.set, scanner.list())).toBe(true);
    expect(scanner.list()).toHaveLength(241);

    // After the scan: only deltas, no reset.
    seen.changes.length = 0;
    const appended = document.createElement('p');
    appended.textContent = 'Appended: Microsoft.';
    article.append(appended);
    scanner.rescan([], [appended], false);
    ((document.getElementById('p5') as Element).firstChild as Text).data = 'Item 5: nothing here.';
    scanner.rescan([document.getElementById('p5') as Element], [], false);
    (document.getElementById('p7') as Element).remove();
    scanner.rescan([], [], true);
    expect(seen.changes.every((c) => !c.reset)).toBe(true);
    expect(seen.changes.map((c) => [c.added.length, c.dropped.length])).toEqual([
      [1, 0],
      [0, 2],
      [0, 2],
    ]);
    expect(same(seen.set, scanner.list())).toBe(true);
    scanner.clear();
    expect(seen.changes.at(-1)?.reset).toBe(true);
    expect(seen.set.size).toBe(0);
  }, 30_000);
});

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A page of `n` one-word paragraphs, each a mention of a pseudo-random name, in document order. */
function page(n: number, seed: number): Mention[] {
  const rand = prng(seed);
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>w${i}</p>`).join('');
  return [...document.querySelectorAll('p')].map((p) => {
    const range = document.createRange();
    range.selectNodeContents(p.firstChild as Text);
    return { entityId: IDS[Math.floor(rand() * 3)] as EntityId, range };
  });
}

describe('ShownSelection', () => {
  const modes: Mode[] = ['automatic', 'all', 'first', 'off'];

  it('matches visibleMentions over the whole list after every change, in every mode', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const universe = page(60, seed);
      const rand = prng(seed * 7919);
      const selection = new ShownSelection();
      const shown = new Set<Mention>();
      let present = new Set<Mention>();
      let options: PaintOptions = { mode: 'first', entities: { microsoft: true, azure: true, 'unit-8200': true }, aboutStory: false };
      const list = () => universe.filter((m) => present.has(m));
      const apply = (change: MarkChange | null) => {
        const { show, hide } = selection.update(list(), change, options);
        for (const m of hide) expect(shown.delete(m), 'hid what was not shown').toBe(true);
        for (const m of show) {
          expect(shown.has(m), 'showed twice').toBe(false);
          shown.add(m);
        }
        // By position in the page: Ranges compare equal field by field, so compare identities.
        const ids = (ms: Iterable<Mention>) => [...ms].map((m) => universe.indexOf(m)).sort((x, y) => x - y);
        expect(ids(shown)).toEqual(ids(visibleMentions(list(), options)));
      };
      apply({ reset: true, added: [], dropped: [] });
      for (let step = 0; step < 150; step++) {
        const r = rand();
        if (r < 0.08) {
          // The rules change: the mode, a name switched off or on, the topic decided.
          const entities = { ...options.entities };
          const id = IDS[Math.floor(rand() * 3)] as EntityId;
          entities[id] = !entities[id];
          options = { mode: modes[Math.floor(rand() * modes.length)] as Mode, entities, aboutStory: rand() < 0.5 };
          apply(null);
        } else if (r < 0.1) {
          present = new Set(universe.filter(() => rand() < 0.5));
          apply({ reset: true, added: [], dropped: [] });
        } else {
          // Add a few (often before the current firsts) and drop a few (often the firsts themselves).
          const added = universe.filter((m) => !present.has(m) && rand() < 0.06);
          const dropped = [...present].filter((m) => rand() < (shown.has(m) ? 0.3 : 0.04));
          for (const m of added) present.add(m);
          for (const m of dropped) present.delete(m);
          apply({ reset: false, added, dropped });
        }
      }
    }
  });

  it('an appended mention in the every-mention modes costs no pass over the list', () => {
    const universe = page(2000, 3);
    const selection = new ShownSelection();
    const options: PaintOptions = { mode: 'all', entities: { microsoft: true, azure: true, 'unit-8200': true } };
    const all = universe.slice(0, -1);
    selection.update(all, { reset: true, added: [], dropped: [] }, options);
    let reads = 0;
    const watched = new Proxy(universe, { get: (target, key, receiver) => (key !== 'length' && (reads++, 0), Reflect.get(target, key, receiver)) });
    const last = universe.at(-1) as Mention;
    expect(selection.update(watched, { reset: false, added: [last], dropped: [] }, options)).toEqual({ show: [last], hide: [] });
    expect(reads).toBe(0);
  });
});

describe('VisibleIndex', () => {
  const ALL: PaintOptions = { mode: 'all', entities: { microsoft: true, azure: true, 'unit-8200': true } };

  it('lists in document order, counts, and finds by node and by registered copy, checking the range it hands out', () => {
    const universe = page(10, 5);
    const copies = new Map<AbstractRange, Range>(universe.map((m) => [m.range.cloneRange(), m.range]));
    const checked: Range[][] = [];
    const painted = new Set<Mention>();
    const visible = new ShownMarks({
      update: (show, hide) => (hide.forEach((m) => painted.delete(m)), show.forEach((m) => painted.add(m))),
      clear: () => painted.clear(),
      emphasise: () => undefined,
    });
    const life = new AbortController();
    /** Show exactly these mentions (mode "all", every name on), as a repaint does. */
    const showOnly = (ms: readonly Mention[]) => visible.update(ms, { reset: true, added: [], dropped: [] }, ALL, false);
    // Shown before the card's index exists (card.js loads after the first paint), and after.
    showOnly([universe[7] as Mention]);
    const index = new VisibleIndex(
      { visible, guard: { ownRange: (r) => copies.get(r), verify: (ranges = []) => (checked.push([...ranges]), false) }, order: () => universe },
      life.signal,
    );
    let changes = 0;
    index.onChange(() => changes++, life.signal);
    const shown = [universe[2], universe[4], universe[7]] as Mention[];
    showOnly(shown);
    expect(changes).toBe(1);
    expect([...painted]).toEqual(visible.values());
    const at = (ms: readonly Mention[]) => ms.map((m) => universe.indexOf(m));
    expect(at(index.list())).toEqual([2, 4, 7]);
    const counts = { microsoft: 0, azure: 0, 'unit-8200': 0 };
    for (const m of shown) counts[m.entityId]++;
    expect(visible.counts()).toEqual(counts);
    expect(visible.size()).toBe(3);
    for (const n of [4, 7]) {
      const node = (universe[n] as Mention).range.startContainer;
      checked.length = 0;
      expect(at(index.inNode(node))).toEqual([n]);
      expect(checked).toHaveLength(1);
      expect(checked[0]?.[0]).toBe((universe[n] as Mention).range);
    }
    const node = (universe[4] as Mention).range.startContainer;
    expect(index.inNode((universe[3] as Mention).range.startContainer)).toEqual([]);
    const copyOf = (m: Mention) => [...copies].find(([, own]) => own === m.range)?.[0] as AbstractRange;
    checked.length = 0;
    expect(index.forRange(copyOf(universe[7] as Mention))).toBe(universe[7]);
    expect(checked).toHaveLength(1);
    expect(checked[0]?.[0]).toBe((universe[7] as Mention).range);
    // Not shown: no mention, even through a genuine copy.
    expect(index.forRange(copyOf(universe[3] as Mention))).toBeUndefined();
    showOnly([universe[2], universe[7]] as Mention[]);
    expect(index.inNode(node)).toEqual([]);
    expect(at(index.list())).toEqual([2, 7]);
    // Hidden, then shown again: found again.
    showOnly(shown);
    expect(at(index.inNode(node))).toEqual([4]);
    visible.clear();
    expect(index.list()).toEqual([]);
    expect(index.forRange(copyOf(universe[7] as Mention))).toBeUndefined();
    expect(visible.counts()).toEqual({ microsoft: 0, azure: 0, 'unit-8200': 0 });
    // A destroyed card's index stops following the marks.
    life.abort();
    showOnly(shown);
    expect(changes).toBe(4);
    expect(visible.size()).toBe(3);
    expect(index.inNode(node)).toEqual([]);
  });

  it('leaves nothing scheduled after a use: no work while nothing is used', () => {
    const universe = page(5, 9);
    const visible = new ShownMarks({ update: () => undefined, clear: () => undefined, emphasise: () => undefined });
    const index = new VisibleIndex(
      { visible, guard: { ownRange: () => undefined, verify: () => false }, order: () => universe },
      new AbortController().signal,
    );
    visible.update(universe, { reset: true, added: [], dropped: [] }, ALL, false);
    const timers = { n: 0 };
    const real = window.setTimeout;
    window.setTimeout = ((...a: Parameters<typeof setTimeout>) => (timers.n++, real(...a))) as typeof setTimeout;
    try {
      for (let i = 0; i < 5; i++) index.list();
      index.inNode(document.body);
    } finally {
      window.setTimeout = real;
    }
    expect(timers.n).toBe(0);
  });
});

describe('TopicReader', () => {
  it('reads the article once per scan and title, after the repaint that asked, and not for a Unit 8200 page', async () => {
    document.title = 'Cloud news';
    document.body.innerHTML = '<article><p>The Israeli military used Azure for surveillance of Palestinians in Gaza.</p></article>';
    let roots: readonly Element[] = [document.querySelector('article') as Element];
    let decided = 0;
    const topic = new TopicReader(document, () => roots, () => decided++, () => Promise.resolve(articleAboutStory));
    const azure: Mention = { entityId: 'azure', range: document.createRange() };
    topic.note([azure], { reset: true, added: [], dropped: [] });
    expect(topic.aboutStory()).toBe(false); // not read yet: the first paint does not wait for it
    expect(topic.reads).toBe(0);
    for (let i = 0; i < 20; i++) topic.aboutStory();
    await new Promise((r) => setTimeout(r, 20));
    expect(topic.reads).toBe(1);
    expect(decided).toBe(1);
    for (let i = 0; i < 20; i++) expect(topic.aboutStory()).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(topic.reads).toBe(1);

    // A new scan (a single-page app navigating): read once more.
    document.body.innerHTML = '<article><p>Azure had an outage in West Europe.</p></article>';
    roots = [document.querySelector('article') as Element];
    topic.aboutStory();
    await new Promise((r) => setTimeout(r, 20));
    expect(topic.reads).toBe(2);
    expect(topic.aboutStory()).toBe(false);

    // A Unit 8200 mark decides without reading; dropping it goes back to the read answer.
    const unit: Mention = { entityId: 'unit-8200', range: document.createRange() };
    topic.note([azure, unit], { reset: false, added: [unit], dropped: [] });
    document.title = 'Another title';
    expect(topic.aboutStory()).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(topic.reads).toBe(2);
    topic.note([azure], { reset: false, added: [], dropped: [unit] });
    expect(topic.aboutStory()).toBe(false);
  });
});

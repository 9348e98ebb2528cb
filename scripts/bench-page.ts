/**
 * The in-page half of `npm run bench` (scripts/bench.mjs bundles this file like the release and
 * evaluates it in each page). It runs the content script's own scanner, matcher and painter in the
 * page's main world, beside a bare TreeWalker pass, so both are timed in the same world and run.
 * Nothing here is shipped. Everything is exposed as `globalThis.__backstoryBench`.
 */
import { entityAliases, otherNames } from '../src/data/aliases';
import { compileMatcher } from '../src/detect';
import type { Candidate } from '../src/detect';
import { Painter, visibleMentions, type PaintOptions } from '../src/content/highlights';
import { Scanner } from '../src/content/scanner';
import { findScopeRoots } from '../src/content/scope';
import { positionAt, SegmentWalker, type Segment } from '../src/content/segments';
import { VisibleIndex } from '../src/content/visible-index';
import { ShownMarks } from '../src/content/shown';
import type { MarkChange } from '../src/content/mention';
import { observeChanges } from '../src/content/live';
import { findPublishedDate } from '../src/content/published-date';
import Mark from 'mark.js';
import { scopeDecision } from './bench-scope-page';

const compileStarted = performance.now();
const matcher = compileMatcher(entityAliases, otherNames);
const compileMs = performance.now() - compileStarted;

/** The default settings: every name, every mention. */
const SETTINGS: PaintOptions = { mode: 'all', entities: { microsoft: true, azure: true, 'unit-8200': true } };

const now = () => performance.now();

/** The whole list, as the scanner reports it after a full scan. */
const RESET: MarkChange = { reset: true, added: [], dropped: [] };

/**
 * The content script's lifetime signal: one per page (index.ts passes its running signal to every
 * scan), so a scan here does not make an AbortController of its own either.
 */
const LIFETIME = new AbortController().signal;

/**
 * The content script's repaint (src/content/index.ts): the scanner's changes through the selection
 * to the painter and the visible index. `follow` wires it to the scanner's change callback.
 *
 * The index is the card's (card.js, which the content script loads with the first mark): made when
 * the first mark is shown, as on a page, so a page without a mark does not pay for it.
 */
function marksFor(scanner: Scanner) {
  const painter = new Painter();
  const shown = new ShownMarks(painter);
  let index: VisibleIndex | null = null;
  const update = (change: MarkChange | null) => {
    shown.update(scanner.list(), change, SETTINGS, false);
    if (!index && shown.size() > 0) index = new VisibleIndex({ visible: shown, paint: painter, order: () => scanner.list() }, LIFETIME);
  };
  return {
    painter,
    /** The card's index (made now if no mark was shown yet: the idle check uses it either way). */
    visible: () => (index ??= new VisibleIndex({ visible: shown, paint: painter, order: () => scanner.list() }, LIFETIME)),
    apply: update,
    follow: (signal: AbortSignal) => scanner.onChange(update, signal),
    clear: () => shown.clear(),
  };
}

/**
 * Run `fn` `reps` times; milliseconds per run. Everything timed on the corpus is synchronous:
 * Firefox cannot await a promise in a page whose JavaScript is off.
 */
function timed(reps: number, fn: () => unknown): number {
  const started = now();
  for (let i = 0; i < reps; i++) fn();
  return (now() - started) / reps;
}

let sink = 0;

/**
 * The names as one regular expression, every alias of every language, case-insensitive: what the
 * floor and mark.js search for. Longest first, as an alternation must be.
 */
const NAMES_SOURCE = [...new Set(entityAliases.flatMap((e) => Object.values(e.aliases).flat() as string[]))]
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const NAMES = new RegExp(NAMES_SOURCE, 'gi');

/** The floor: a TreeWalker reading every text node of <body> and running the names' regex over it. */
function floorOnce(): number {
  const body = document.body ?? document.documentElement;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let found = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    NAMES.lastIndex = 0;
    while (NAMES.exec(data)) found++;
  }
  sink = found;
  return found;
}

/**
 * mark.js (the DOM-wrapping highlighter most extensions of this kind use), `markRegExp` with the
 * same names on copies of <body> made beforehand (detached: the live page stays as it is, and the
 * copying is not timed). Milliseconds per run; mark.js calls `done` synchronously without iframes.
 */
function markjs(reps: number): { ms: number; marks: number } {
  const body = document.body ?? document.documentElement;
  const copies: Node[] = [];
  for (let i = 0; i < reps; i++) copies.push(body.cloneNode(true));
  let marks = -1;
  const started = now();
  for (const copy of copies) {
    marks = -1;
    new Mark(copy as HTMLElement).markRegExp(new RegExp(NAMES_SOURCE, 'gi'), { done: (n: number) => (marks = n) });
  }
  const ms = (now() - started) / reps;
  if (marks < 0) throw new Error('mark.js did not finish synchronously');
  return { ms, marks };
}

/** The baseline: a bare TreeWalker(SHOW_TEXT) over <body> reading every text node's data once. */
function walkOnce(): number {
  const body = document.body ?? document.documentElement;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  sink = chars;
  return chars;
}

/**
 * What the content script does for a full scan, without the idle time between slices. With an
 * infinite slice `scanAll` never awaits, so its whole body has run when it returns.
 */
function scanOnce(): number {
  const scanner = new Scanner(document, matcher, Infinity);
  const marks = marksFor(scanner);
  void scanner.scanAll(LIFETIME);
  marks.apply(RESET);
  const n = scanner.list().length;
  marks.clear();
  return n;
}

function textStats(): { textNodes: number; chars: number } {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    textNodes++;
    chars += (node as Text).data.length;
  }
  return { textNodes, chars };
}

/**
 * The scan cut into its phases with the same modules the Scanner uses (instrumented here, not in
 * src/): scope roots, the segment walk, the matcher, positions + checkVisibility, Range creation,
 * painting. Milliseconds per run, averaged over `reps` runs.
 */
function breakdownOnce(): Record<string, number> {
  const t: Record<string, number> = { roots: 0, segments: 0, gate: 0, match: 0, visibility: 0, ranges: 0, paint: 0 };
  let mark = now();
  const lap = (name: string) => {
    const at = now();
    t[name] = (t[name] ?? 0) + at - mark;
    mark = at;
  };
  const roots = findScopeRoots(document);
  lap('roots');
  const segments: Segment[] = [];
  for (const root of roots) new SegmentWalker(root).next(() => false, segments);
  lap('segments');
  const found: Array<[Segment, Candidate[]]> = [];
  let withHits = 0;
  for (const segment of segments) {
    const candidates = matcher.find(segment.text);
    if (candidates.length) {
      withHits++;
      found.push([segment, candidates]);
    }
  }
  lap('match');
  const positions: Array<[Text, number, Text, number, Candidate['entityId']]> = [];
  for (const [segment, candidates] of found) {
    for (const c of candidates) {
      const [sn, so] = positionAt(segment, c.start, false);
      const [en, eo] = positionAt(segment, c.end, true);
      const parent = sn.parentElement;
      if (parent && typeof parent.checkVisibility === 'function' && !parent.checkVisibility({ visibilityProperty: true })) continue;
      positions.push([sn, so, en, eo, c.entityId]);
    }
  }
  lap('visibility');
  const mentions = positions.map(([sn, so, en, eo, entityId]) => {
    const range = document.createRange();
    range.setStart(sn, so);
    range.setEnd(en, eo);
    return { entityId, range };
  });
  lap('ranges');
  const painter = new Painter();
  painter.update(visibleMentions(mentions, SETTINGS), []);
  lap('paint');
  painter.clear();
  mark = now();
  t.segmentsCount = segments.length;
  t.withHits = withHits;
  t.candidates = positions.length;
  return t;
}

/** Median of numbers. */
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/**
 * A 3 ms busy loop just before a sliced scan starts, when bench-sliced.mjs profiles it: the last sample in this
 * function marks the scan's start in the profile's clock, so a slice's time can be found among the samples.
 */
function profileAnchor(): void {
  const until = now() + 3;
  while (now() < until);
}

/**
 * The real sliced scan (default slice), wired like the content script (every emit repaints and
 * refreshes the visible index), while three probes watch the main thread:
 * - a MessageChannel heartbeat: the longest gap between two of its turns;
 * - PerformanceObserver 'longtask' (Chromium);
 * - the slices themselves: `scheduler.yield` and `setTimeout` are wrapped to time the work
 *   between two yields.
 */
async function slicedScan(prepare?: () => void): Promise<Record<string, number | string | null>> {
  let maxGap = 0;
  let last = now();
  let beating = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const at = now();
    if (at - last > maxGap) maxGap = at - last;
    last = at;
    if (beating) channel.port2.postMessage(null);
  };
  let maxLongTask: number | null = null;
  let observer: PerformanceObserver | null = null;
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    maxLongTask = 0;
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) maxLongTask = Math.max(maxLongTask ?? 0, e.duration);
    });
    observer.observe({ type: 'longtask' });
  }
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  const original = scheduler?.yield;
  let sliceStart = 0;
  let maxSlice = 0;
  let slices = 0;
  const yieldKinds: string[] = [];
  /** The longest slice: what ended it, when it started (ms into the scan), and the paint time inside it. */
  let longest = { ms: 0, endedBy: '', atMs: 0, paintMs: 0 };
  let slicePaint = 0;
  const endSlice = (kind?: string) => {
    if (kind && !yieldKinds.includes(kind)) yieldKinds.push(kind);
    const d = now() - sliceStart;
    if (d > longest.ms) longest = { ms: d, endedBy: kind ?? 'end', atMs: sliceStart - started, paintMs: slicePaint };
    slicePaint = 0;
    maxSlice = Math.max(maxSlice, d);
    slices++;
  };
  let started = 0;
  if (scheduler && typeof original === 'function') {
    scheduler.yield = function (this: unknown) {
      endSlice('scheduler.yield');
      return original.call(scheduler).then(() => {
        sliceStart = now();
      });
    };
  }
  // The scanner may yield with setTimeout instead (src/content/yield.ts): its timers end a slice
  // too, and their callbacks start the next. Installed after the heartbeat's own setup below.
  const realSetTimeout = globalThis.setTimeout;
  let wrapTimers = false;
  channel.port2.postMessage(null);
  await new Promise((r) => realSetTimeout(r, 50));
  wrapTimers = true;
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, delay?: number, ...rest: unknown[]) => {
    if (!wrapTimers || typeof fn !== 'function') return realSetTimeout(fn, delay, ...rest);
    endSlice('setTimeout');
    return realSetTimeout(
      (...a: unknown[]) => {
        sliceStart = now();
        fn(...a);
      },
      delay,
      ...rest,
    );
  }) as typeof setTimeout;
  maxGap = 0;
  if (maxLongTask !== null) maxLongTask = 0;

  // The scanner yields through a MessageChannel of its own (src/content/yield.ts): posting on any
  // port but the heartbeat's ends a slice, and its message handler starts the next. The bench
  // page is evaluated afresh before each sliced scan, so the scanner's channel is created after this.
  const proto = MessagePort.prototype;
  const realPost = proto.postMessage;
  const onmessage = Object.getOwnPropertyDescriptor(proto, 'onmessage');
  proto.postMessage = function (this: MessagePort, ...args: Parameters<MessagePort['postMessage']>) {
    if (this !== channel.port2) endSlice('MessageChannel');
    return realPost.apply(this, args);
  } as MessagePort['postMessage'];
  if (onmessage?.set) {
    Object.defineProperty(proto, 'onmessage', {
      configurable: true,
      get: onmessage.get,
      set(this: MessagePort, handler: ((e: MessageEvent) => void) | null) {
        const wrapped = handler && ((e: MessageEvent) => {
          sliceStart = now();
          handler.call(this, e);
        });
        onmessage.set?.call(this, wrapped);
      },
    });
  }
  // The scanner waits for a frame before its visibility check (scanner.ts): the wait ends a slice,
  // and the frame callback starts the next (the browser's rendering in between is not ours).
  const realFrame = globalThis.requestAnimationFrame;
  globalThis.requestAnimationFrame = (callback: FrameRequestCallback) => {
    endSlice('frame');
    return realFrame((time) => {
      sliceStart = now();
      callback(time);
    });
  };
  prepare?.();
  const scanner = new Scanner(document, matcher);
  const marks = marksFor(scanner);
  const lifetime = new AbortController();
  let paints = 0;
  let paintMs = 0;
  let maxPaint = 0;
  scanner.onChange((change) => {
    const t0 = now();
    marks.apply(change);
    const d = now() - t0;
    paints++;
    paintMs += d;
    slicePaint += d;
    maxPaint = Math.max(maxPaint, d);
  }, lifetime.signal);
  if ((globalThis as { __backstoryAnchor?: boolean }).__backstoryAnchor) profileAnchor();
  started = now();
  sliceStart = started;
  await scanner.scanAll(lifetime.signal);
  endSlice();
  wrapTimers = false;
  globalThis.setTimeout = realSetTimeout;
  globalThis.requestAnimationFrame = realFrame;
  proto.postMessage = realPost;
  if (onmessage) Object.defineProperty(proto, 'onmessage', onmessage);
  const total = now() - started;
  // Let the last task end and its long-task entry arrive.
  await new Promise((r) => setTimeout(r, 200));
  beating = false;
  observer?.disconnect();
  channel.port1.close();
  if (scheduler && original) scheduler.yield = original;
  const mentions = scanner.list().length;
  lifetime.abort();
  marks.clear();
  return {
    totalMs: total,
    maxGapMs: maxGap,
    maxLongTaskMs: maxLongTask,
    maxSliceMs: maxSlice,
    slices,
    paints,
    paintMs,
    maxPaintMs: maxPaint,
    longestSlice: `${longest.ms.toFixed(1)} ms at ${longest.atMs.toFixed(0)} ms, ended by ${longest.endedBy}, paint ${longest.paintMs.toFixed(1)} ms`,
    longestAtMs: longest.atMs,
    mentions,
    yieldKind: yieldKinds.join('+') || 'none',
  };
}

/**
 * Appending one paragraph to a long page: after a full scan, time `rescan` + repaint of the new
 * paragraph (what live.ts hands the scanner), against a fresh Scanner over a document holding
 * only that paragraph (a same-origin iframe). Medians of `reps` runs each. The page's own style
 * recalc for the new paragraph is timed apart (`styleMs`): the browser does it at the next frame
 * with or without us.
 *
 * `ratio` compares like with like: each append is timed right after the layout its paragraph causes (50-90 ms
 * for 20,000 paragraphs in Chromium), so the paragraph alone is timed right after a layout of this page too.
 * `ratioHot` is the append against the paragraph alone scanned over and over in a warm loop, which is what
 * this bench reported until round 7: in one Chromium run the same alone scan took 0.24 ms warm and 1.45 ms
 * after a layout, the append 0.8 ms.
 */
async function append(html: string, reps: number, containerSelector = 'article'): Promise<Record<string, number>> {
  const container = document.querySelector(containerSelector) ?? document.body;
  const scanner = new Scanner(document, matcher, Infinity);
  const marks = marksFor(scanner);
  const lifetime = new AbortController();
  const fullStarted = now();
  // As in the content script, every change the scanner reports is painted and indexed (incrementally).
  let paintMs = 0;
  scanner.onChange((change) => {
    const t = now();
    marks.apply(change);
    paintMs += now() - t;
  }, lifetime.signal);
  await scanner.scanAll(lifetime.signal);
  const fullScanMs = now() - fullStarted;
  const before = scanner.list().length;

  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
  frame.style.cssText = 'width:800px;height:400px;border:0';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.appendChild(frame);
  await loaded;
  const alone = frame.contentDocument as Document;

  const appendTimes: number[] = [];
  const styleTimes: number[] = [];
  const rescanTimes: number[] = [];
  const aloneTimes: number[] = [];
  let added = 0;
  let aloneFound = 0;
  // The paragraph alone first, all runs: its painter shares this window's CSS.highlights (the iframe's
  // marks are painted through the same globals), and clearing it deletes the registrations by name.
  // Interleaved, each append then found the page's Highlights unregistered and registered them again
  // with every one of their ranges: Firefox re-adds each range (65 ms of a 65 ms append, 0.5 ms of it
  // the rescan), which no page with one content script ever pays.
  // Each sample is the mean of ALONE_BATCH scans: one takes about the timer's resolution (0.1 ms in Chromium).
  const ALONE_BATCH = 10;
  /** One scan of the paragraph alone, as the content script's first scan of a page: milliseconds. */
  const scanAlone = (): number => {
    const t1 = now();
    const own = new Scanner(alone, matcher, Infinity);
    const ownMarks = marksFor(own);
    const ownLifetime = new AbortController();
    ownMarks.follow(ownLifetime.signal);
    void own.scanAll(ownLifetime.signal);
    const d1 = now() - t1;
    aloneFound = own.list().length;
    ownLifetime.abort();
    ownMarks.clear();
    return d1;
  };
  for (let i = 0; i < reps + 1; i++) {
    let d1 = 0;
    for (let k = 0; k < ALONE_BATCH; k++) d1 += scanAlone();
    if (i > 0) aloneTimes.push(d1 / ALONE_BATCH);
  }
  // The same scans, each right after a layout of this page (its article's width nudged and the layout forced,
  // untimed), as every append below is timed right after the layout its paragraph causes: that layout of
  // 20,000 paragraphs (50-90 ms in Chromium) leaves the caches cold for whatever runs next.
  const afterLayoutTimes: number[] = [];
  const box = container as HTMLElement;
  const width = box.style.width;
  for (let i = 0; i < reps + 1; i++) {
    box.style.width = i % 2 ? '' : '99.9%';
    void box.getBoundingClientRect();
    const d1 = scanAlone();
    if (i > 0) afterLayoutTimes.push(d1);
  }
  box.style.width = width;
  void box.getBoundingClientRect();
  const template = document.createElement('template');
  template.innerHTML = html;
  for (let i = 0; i < reps + 1; i++) {
    // Each run appends one more paragraph (removing it would make live.ts rescan the whole root).
    const p = (template.content.firstElementChild as Element).cloneNode(true) as Element;
    const count = scanner.list().length;
    container.appendChild(p);
    // The style and layout the browser owes the page anyway at the next frame; checkVisibility()
    // would force them inside the rescan, so they are flushed and timed on their own.
    const ts = now();
    void getComputedStyle(p).visibility;
    void (p as HTMLElement).getBoundingClientRect();
    const style = now() - ts;
    paintMs = 0;
    const t0 = now();
    const ok = scanner.rescan([], [p], false); // its change callback paints and indexes
    const d = now() - t0;
    rescanTimes.push(d - paintMs);
    if (!ok) throw new Error('rescan asked for a full scan');
    added = scanner.list().length - count;
    if (i > 0) {
      appendTimes.push(d);
      styleTimes.push(style);
    }
  }
  frame.remove();
  lifetime.abort();
  marks.clear();
  return {
    fullScanMs,
    mentionsOnPage: before,
    appendMs: median(appendTimes),
    styleMs: median(styleTimes),
    rescanMs: median(rescanTimes.slice(1)),
    // Like for like: the paragraph alone timed right after a layout of this page, as each append is.
    aloneMs: median(afterLayoutTimes),
    ratio: median(appendTimes) / median(afterLayoutTimes),
    // The paragraph alone scanned over and over in a warm loop (caches and compiled code hot).
    aloneHotMs: median(aloneTimes),
    ratioHot: median(appendTimes) / median(aloneTimes),
    // The appends one by one are each near the timer's resolution: their mean, beside the median.
    appendMeanMs: appendTimes.reduce((x, y) => x + y, 0) / appendTimes.length,
    addedMentions: added,
    aloneMentions: aloneFound,
    reps,
  };
}

/**
 * For the heap figure (Chromium; bench.mjs reads the heap over CDP around these calls with forced
 * GCs): a full scan whose scanner, mentions, ranges and highlights stay alive until `heapRelease`.
 */
function heapScan(): number {
  const scanner = new Scanner(document, matcher, Infinity);
  const marks = marksFor(scanner);
  void scanner.scanAll(new AbortController().signal);
  marks.apply(RESET);
  const painter = marks.painter;
  (globalThis as { __benchKeep?: unknown }).__benchKeep = { scanner, painter, marks };
  return scanner.list().length;
}

function heapRelease(): void {
  const keep = (globalThis as { __benchKeep?: { painter: Painter } }).__benchKeep;
  keep?.painter.clear();
  (globalThis as { __benchKeep?: unknown }).__benchKeep = null;
}

/**
 * How often to repeat `fn` so that one measurement lasts at least `minMs`: doubles the count
 * until it does (a single cold run is a poor guide on a page that walks in microseconds).
 */
function calibrate(fn: () => unknown, minMs: number, cap: number): number {
  let reps = 1;
  for (;;) {
    const total = timed(reps, fn) * reps;
    if (total >= minMs || reps >= cap) break;
    reps = total > minMs / 32 ? Math.ceil((reps * minMs) / total) : reps * 8;
  }
  return Math.min(reps, cap);
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * The sliced scan on a cold page: <body> replaced by a copy of itself in the same task as the scan
 * starts, so nothing of it has style or layout yet (a content script at document_end on a page
 * the browser has not rendered). `pageRenderMs`: the browser's own first style + layout of that
 * copy, forced and timed without the scan (the page's work, not ours; it shows in 'longtask').
 */
async function coldSlicedScan(): Promise<Record<string, number | string | null>> {
  const result = await slicedScan(() => {
    document.body.replaceWith(document.body.cloneNode(true));
  });
  await frame();
  document.body.replaceWith(document.body.cloneNode(true));
  const t0 = now();
  void document.body.getBoundingClientRect();
  void getComputedStyle(document.body.lastElementChild ?? document.body).color;
  result.pageRenderMs = now() - t0;
  return result;
}

/**
 * Idle cost: the content script's parts wired as in src/content/index.ts (scan, live observer,
 * repaint), then `ms` of a page that changes nothing. Counts every timer, frame callback, message
 * post, observer flush and repaint in that window: all must be zero.
 */
async function idle(ms: number): Promise<Record<string, number>> {
  const lifetime = new AbortController();
  const scanner = new Scanner(document, matcher);
  const marks = marksFor(scanner);
  const counts = { timers: 0, intervals: 0, frames: 0, messages: 0, flushes: 0, repaints: 0, idleMs: ms, marks: 0 };
  let counting = false;
  scanner.onChange((change) => {
    if (counting) counts.repaints++;
    marks.apply(change);
  }, lifetime.signal);
  observeChanges(document.body, (c) => {
    if (counting) counts.flushes++;
    if (!scanner.rescan(c.touched, c.added, c.removed)) void scanner.scanAll(lifetime.signal);
  }, lifetime.signal);
  await scanner.scanAll(lifetime.signal);
  await new Promise((r) => setTimeout(r, 300));
  const real = {
    st: globalThis.setTimeout.bind(globalThis),
    si: globalThis.setInterval.bind(globalThis),
    raf: globalThis.requestAnimationFrame.bind(globalThis),
    post: MessagePort.prototype.postMessage,
  };
  const saved = { st: globalThis.setTimeout, si: globalThis.setInterval, raf: globalThis.requestAnimationFrame };
  globalThis.setTimeout = ((...a: Parameters<typeof setTimeout>) => (counts.timers++, real.st(...a))) as typeof setTimeout;
  globalThis.setInterval = ((...a: Parameters<typeof setInterval>) => (counts.intervals++, real.si(...a))) as typeof setInterval;
  globalThis.requestAnimationFrame = (cb: FrameRequestCallback) => (counts.frames++, real.raf(cb));
  MessagePort.prototype.postMessage = function (this: MessagePort, ...a: Parameters<MessagePort['postMessage']>) {
    counts.messages++;
    return real.post.apply(this, a);
  } as MessagePort['postMessage'];
  counting = true;
  // Two uses of the marks at the start of the window (a hover's hit tests): checking the registry
  // leaves nothing scheduled behind it.
  marks.visible().list();
  marks.visible().list();
  await new Promise((r) => real.st(r, ms));
  counting = false;
  globalThis.setTimeout = saved.st;
  globalThis.setInterval = saved.si;
  globalThis.requestAnimationFrame = saved.raf;
  MessagePort.prototype.postMessage = real.post;
  counts.marks = scanner.list().length;
  lifetime.abort();
  marks.clear();
  return counts;
}

const STORM_LINE = (i: number) =>
  i % 50 === 7 ? `Update ${i}: Microsoft and Azure were named in the filing.` : `Update ${i}: the hearing continued with more questions from the committee.`;

/**
 * The append storm (issue 11): the page appends `n` paragraphs one by one in one task, 2% of them
 * naming Microsoft and Azure. Timed from the first append until the next frame has run, with the
 * page's own style and layout forced in it: with Backstory (its live observer, rescan and repaint,
 * which run in that frame's animation callbacks) or without. Returns ms and the marks added.
 */
async function storm(n: number, withBackstory: boolean): Promise<{ ms: number; marks: number }> {
  const section = document.createElement('section');
  (document.querySelector('article') ?? document.body).appendChild(section);
  const lifetime = new AbortController();
  const scanner = new Scanner(document, matcher);
  const marks = marksFor(scanner);
  // The page starts without a name, so the first names the storm brings make the content script
  // run a full scan (scanner.ts, rescan on a nameless page): timed until it is done.
  let full: Promise<void> | null = null;
  if (withBackstory) {
    marks.follow(lifetime.signal);
    observeChanges(document.body, (c) => {
      if (!scanner.rescan(c.touched, c.added, c.removed)) full = scanner.scanAll(lifetime.signal);
    }, lifetime.signal);
    await scanner.scanAll(lifetime.signal);
  }
  await frame();
  await frame();
  const before = scanner.list().length;
  const t0 = now();
  for (let i = 0; i < n; i++) {
    const p = document.createElement('p');
    p.textContent = STORM_LINE(i);
    section.appendChild(p);
  }
  // The observer's callback (a microtask queued by the first append) runs first and asks for the
  // frame in which live.ts flushes; this frame callback is queued after it.
  await Promise.resolve();
  await new Promise<void>((r) =>
    requestAnimationFrame(() => {
      void document.body.getBoundingClientRect();
      r();
    }),
  );
  if (full) await full;
  const ms = now() - t0;
  const added = scanner.list().length - before;
  lifetime.abort();
  marks.clear();
  section.remove();
  await frame();
  return { ms, marks: added };
}

/** A <section> in the blank page's article, emptied, for the doubling inputs. */
function stage(html: string): HTMLElement {
  const section = document.getElementById('stage') as HTMLElement;
  section.innerHTML = html;
  return section;
}

/** Doubling input 1: `rescan` of `n` appended paragraphs (the changed-block collection). */
function doublingBlocks(n: number): number {
  stage('');
  // A name on the page before the paragraphs come, so they go through rescan's changed-block
  // collection (on a page without any name their first name makes the scanner start over).
  const seed = document.createElement('p');
  seed.textContent = 'Microsoft';
  document.querySelector('article')?.prepend(seed);
  const scanner = new Scanner(document, matcher, Infinity);
  void scanner.scanAll(new AbortController().signal);
  const section = stage('');
  const added: Element[] = [];
  for (let i = 0; i < n; i++) {
    const p = document.createElement('p');
    p.textContent = STORM_LINE(i);
    section.appendChild(p);
    added.push(p);
  }
  void document.body.getBoundingClientRect();
  const t0 = now();
  const ok = scanner.rescan([], added, false);
  const ms = now() - t0;
  seed.remove();
  if (!ok) throw new Error(`blocks ${n}: rescan asked for a full scan`);
  if (scanner.list().length !== Math.ceil((n - 7) / 50) * 2 + 1) throw new Error(`blocks ${n}: ${scanner.list().length} marks`);
  return ms;
}

/** Doubling input 2: one paragraph of `n` names each followed by a zero-width space (offset mapping). */
function doublingInvisible(n: number): number {
  stage(`<p>${'Microsoft\u200B and '.repeat(n)}</p>`);
  void document.body.getBoundingClientRect();
  const t0 = now();
  const scanner = new Scanner(document, matcher, Infinity);
  void scanner.scanAll(new AbortController().signal);
  const ms = now() - t0;
  if (scanner.list().length !== n) throw new Error(`invisible ${n}: ${scanner.list().length} marks`);
  return ms;
}

/** One text node of about `chars` characters, a name every ~10,000. */
function longText(chars: number): string {
  const chunk = 'the committee heard more questions about the cloud contract and the data it held. '.repeat(120);
  const parts: string[] = [];
  for (let at = 0; at < chars; at += chunk.length + 10) parts.push(chunk, 'Microsoft ');
  return parts.join('');
}

/** Doubling input 3: one text block of `chars` characters, scanned in one go (work) — see longBlockSliced for its tasks. */
function doublingLongBlock(chars: number): number {
  stage(`<p>${longText(chars)}</p>`);
  void document.body.getBoundingClientRect();
  const t0 = now();
  const scanner = new Scanner(document, matcher, Infinity);
  void scanner.scanAll(new AbortController().signal);
  return now() - t0;
}

/** The longest task while the default sliced scan works through one block of `chars` characters. */
async function longBlockSliced(chars: number): Promise<Record<string, number | string | null>> {
  stage(`<p>${longText(chars)}</p>`);
  await frame();
  return slicedScan();
}

/** Doubling input 4: the publication date of a page with `n` JSON-LD blocks of ~2 KB each (parse timed, not the HTML). */
function doublingJsonLd(n: number): number {
  const item = JSON.stringify({ '@type': 'Thing', name: 'x'.repeat(2000) });
  const blocks = `<script type="application/ld+json">${item}</script>`.repeat(n);
  const doc = new DOMParser().parseFromString(`<!doctype html><head>${blocks}</head><body></body>`, 'text/html');
  const t0 = now();
  for (let i = 0; i < 20; i++) findPublishedDate(doc);
  return (now() - t0) / 20;
}

const bench = {
  compileMs,
  stats: textStats,
  walk: (reps: number) => timed(reps, walkOnce),
  scan: (reps: number) => timed(reps, scanOnce),
  // Tiny pages walk in microseconds: enough repetitions that a measurement outlasts timer precision.
  calibrateWalk: (minMs: number) => calibrate(walkOnce, minMs, 20000),
  calibrateScan: (minMs: number) => calibrate(scanOnce, minMs, 2000),
  // Its own count: the breakdown decides the scope on every run, which a nameless page's scan skips
  // (at the scan's count, hundreds of scope decisions per page: most of a corpus page's bench time).
  calibrateBreakdown: (minMs: number) => calibrate(breakdownOnce, minMs, 2000),
  mentions: () => scanOnce(),
  /** Mentions found by the awaited scan (checks that the synchronous use above sees them all). */
  async mentionsAwaited() {
    const scanner = new Scanner(document, matcher, Infinity);
    await scanner.scanAll(new AbortController().signal);
    return scanner.list().length;
  },
  breakdown(reps: number) {
    const sum: Record<string, number> = {};
    for (let i = 0; i < reps; i++) {
      const t = breakdownOnce();
      for (const [k, v] of Object.entries(t)) sum[k] = (sum[k] ?? 0) + v / reps;
    }
    return sum;
  },
  slicedScan: () => slicedScan(),
  coldSlicedScan,
  append,
  idle,
  storm,
  doublingBlocks,
  doublingInvisible,
  doublingLongBlock,
  longBlockSliced,
  doublingJsonLd,
  floor: (reps: number) => timed(reps, floorOnce),
  calibrateFloor: (minMs: number) => calibrate(floorOnce, minMs, 20000),
  markjs,
  /** Enough mark.js runs to outlast timer precision (each needs its own copy, so fewer). */
  calibrateMarkjs: (minMs: number) => {
    const once = markjs(1).ms;
    return Math.max(1, Math.min(200, Math.ceil(minMs / Math.max(once, 0.01))));
  },
  floorCount: () => floorOnce(),
  heapScan,
  heapRelease,
  /** The scope decision in one task and in slices, beside a full scan (scripts/bench-scope.mjs). */
  scopeDecision: (runs: number) => scopeDecision(runs, scanOnce),
  sink: () => sink,
  /** For profiling by hand (wrapping its methods). */
  Scanner,
  matcher,
};

(globalThis as { __backstoryBench?: typeof bench }).__backstoryBench = bench;

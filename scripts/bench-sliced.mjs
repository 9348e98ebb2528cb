#!/usr/bin/env node
/**
 * `npm run bench:sliced`: the large article's sliced scans alone (issue 16's "longest task" row), several
 * styled and cold runs per browser, each on the page loaded afresh, one browser at a time (the full bench runs
 * both at once, which is where its outliers come from).
 *
 * For every run: the longest slice between two yields (what ended it, when, how much of it was painting,
 * scripts/bench-page.ts `slicedScan`). In Chromium also a trace of the run: the longest task the renderer's main
 * thread ran during the scan and where its time went (self time per trace event: script, garbage collection,
 * style, layout, paint, and the script's own functions by their samples).
 *
 *   node scripts/bench-sliced.mjs [--runs 5] [--browser chromium|firefox] [--kinds styled,cold] [--trace]
 */
import { bundlePage } from './bundle-page.mjs';
import { importTs } from './load-ts.mjs';
import { largeArticle, launch, open } from './bench.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 5));
const ONLY = arg('browser', null);
const KINDS = arg('kinds', 'styled,cold').split(',');
/** Chromium: a trace of the run (the renderer's longest tasks: rendering, GC) instead of the slice's profile. */
const TRACE = argv.includes('--trace');
const B = (fn) => `globalThis.__backstoryBench.${fn}`;

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
];

/** Self time (ms) per event name inside [start, end] on one thread, nested events subtracted from their parent. */
function selfTimes(events, start, end) {
  const inside = events.filter((e) => e.ph === 'X' && e.ts >= start && e.ts + (e.dur ?? 0) <= end).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of inside) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur / 1000);
    stack.push(e);
  }
  return [...self].filter(([, ms]) => ms >= 0.5).sort((a, b) => b[1] - a[1]);
}

/**
 * JS self time per function from the trace's CPU profile inside [start, end]: a 'Profile' event gives the
 * profile's start time, its 'ProfileChunk's (same id) the nodes, samples and time deltas.
 */
function sampledFunctions(trace, pid, start, end) {
  const profiles = new Map();
  for (const e of trace) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile') profiles.set(e.id, { ts: e.args?.data?.startTime ?? e.ts, nodes: new Map() });
  }
  const counts = new Map();
  let total = 0;
  for (const e of trace) {
    if (e.pid !== pid || e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(e.id);
    const data = e.args?.data;
    if (!profile || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((id, k) => {
      profile.ts += deltas[k] ?? 0;
      if (profile.ts < start || profile.ts > end) return;
      const frame = profile.nodes.get(id)?.callFrame;
      const name = frame ? frame.functionName || `(${frame.url ? 'anonymous' : 'program'})` : `#${id}`;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      total++;
    });
  }
  return { total, top: [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10) };
}

/** The three longest tasks of the page's renderer main thread while `run` ran, each with where its time went. */
async function traced(tab, run) {
  await tab.tracing.start({ categories: CATEGORIES });
  const result = await run();
  const trace = JSON.parse(Buffer.from(await tab.tracing.stop()).toString('utf8')).traceEvents;
  // Several renderers may run (extensions, spare ones): the page's is the busiest.
  const busy = new Map();
  const mains = trace.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  for (const m of mains) busy.set(m, 0);
  const key = (e) => mains.find((m) => m.pid === e.pid && m.tid === e.tid);
  const tasks = trace.filter((e) => e.ph === 'X' && /RunTask$/.test(e.name) && key(e));
  for (const t of tasks) busy.set(key(t), busy.get(key(t)) + t.dur);
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return { result, slice: null };
  const events = trace.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const longest = tasks.filter((t) => key(t) === main).sort((a, b) => b.dur - a.dur).slice(0, 3);
  return {
    result,
    slice: { tasks: longest.map((t) => ({ ms: t.dur / 1000, self: selfTimes(events, t.ts, t.ts + t.dur).slice(0, 8), functions: sampledFunctions(trace, main.pid, t.ts, t.ts + t.dur) })) },
  };
}

/**
 * The scan under the CDP sampling profiler (100 µs): the samples inside the run's longest slice, per function by
 * self time and by inclusive time (every function on the sample's stack, once), in milliseconds. The slice is
 * found by its start relative to the scan's (the page's `profileAnchor` runs just before the scan starts).
 */
async function profiled(tab, run) {
  const cdp = await tab.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await tab.evaluate('globalThis.__backstoryAnchor = true');
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const parent = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (id) => byId.get(id)?.callFrame.functionName || '(anonymous)';
  const times = [];
  let t = profile.startTime;
  for (let k = 0; k < profile.samples.length; k++) times.push((t += profile.timeDeltas[k] ?? 0));
  let anchor = -1;
  profile.samples.forEach((id, k) => {
    if (nameOf(id) === 'profileAnchor') anchor = times[k];
  });
  if (anchor < 0) return { result, slice: null };
  const from = anchor + result.longestAtMs * 1000;
  const to = from + result.maxSliceMs * 1000;
  const self = new Map();
  const inclusive = new Map();
  let n = 0;
  profile.samples.forEach((id, k) => {
    if (times[k] < from || times[k] > to) return;
    n++;
    const here = nameOf(id);
    self.set(here, (self.get(here) ?? 0) + 1);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(nameOf(at));
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
  });
  const ms = (count) => (count * (to - from)) / 1000 / Math.max(1, n);
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, c]) => [name, ms(c)]);
  return { result, slice: { samples: n, self: top(self, 10), inclusive: top(inclusive, 16) } };
}

const fmt = (pairs) => pairs.map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(1) : v}`).join(', ');

async function main() {
  const { startServer } = await importTs('test/e2e/server.ts');
  const server = await startServer();
  const large = largeArticle();
  server.route('/bench/large.html', large.html, { 'cache-control': 'no-store' });
  const code = await bundlePage('scripts/bench-page.ts', undefined, { names: true });
  try {
    for (const name of ['chromium', 'firefox'].filter((n) => !ONLY || ONLY === n)) {
      const browser = await launch(name, server.port);
      try {
        const tab = await browser.newPage();
        const url = `https://127.0.0.1:${server.port}/bench/large.html`;
        for (const kind of KINDS) {
          const slices = [];
          for (let i = 0; i < RUNS; i++) {
            await open(tab, url, code);
            const run = () => tab.evaluate(`${B(kind === 'cold' ? 'coldSlicedScan' : 'slicedScan')}()`);
            if (name === 'chromium') {
              const { result, slice } = await (TRACE ? traced(tab, run) : profiled(tab, run));
              slices.push(result.maxSliceMs);
              console.log(`[${name}] ${kind} #${i + 1}: longest slice ${result.longestSlice}; ${result.slices} slices, ${result.mentions} marks`);
              if (slice?.samples) {
                console.log(`    its samples (${slice.samples}), self: ${fmt(slice.self)}`);
                console.log(`    inclusive: ${fmt(slice.inclusive)}`);
              }
              for (const task of slice?.tasks ?? []) {
                console.log(`    a long task in the trace: ${task.ms.toFixed(1)} ms: ${fmt(task.self)}`);
                if (task.functions.total) console.log(`      its samples (${task.functions.total}): ${fmt(task.functions.top)}`);
              }
            } else {
              const result = await run();
              slices.push(result.maxSliceMs);
              console.log(`[${name}] ${kind} #${i + 1}: longest slice ${result.longestSlice}; ${result.slices} slices, ${result.mentions} marks`);
            }
          }
          const sorted = slices.slice().sort((a, b) => a - b);
          console.log(`[${name}] ${kind}: longest slice per run ${slices.map((s) => s.toFixed(1)).join(' / ')} ms; median ${sorted[sorted.length >> 1].toFixed(1)} ms`);
        }
      } finally {
        await browser.close().catch(() => {});
      }
    }
  } finally {
    await server.close();
  }
}

await main();

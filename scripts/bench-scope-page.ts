/**
 * The scope decision's start-up cost, for `npm run bench` (bundled into scripts/bench-page.ts): the
 * decision in one task (how the scanner made it before it was sliced) and read in slices the way
 * the scanner reads it now (src/content/scanner.ts scanAll), beside a full scan of the same page.
 */
import { findScopeRoots, ScopeReading } from '../src/content/scope';
import { SLICE_MS, yieldToMain } from '../src/content/yield';

const now = () => performance.now();

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * One sliced decision: the longest slice (work between two yields), the slices, their sum, the wall
 * time, and `decideMs`, the decision from the figures read (in the last slice, not cut).
 */
async function slicedOnce(): Promise<{ maxSliceMs: number; slices: number; workMs: number; wallMs: number; decideMs: number }> {
  const t0 = now();
  let start = t0;
  let maxSliceMs = 0;
  let slices = 0;
  let workMs = 0;
  let decideMs = 0;
  const overdue = () => now() - start > SLICE_MS;
  const reading = new ScopeReading(document);
  for (;;) {
    const more = reading.read(overdue);
    // The decision itself runs in the last slice, after the read (as in the scanner).
    if (!more) {
      const d0 = now();
      reading.roots();
      decideMs = now() - d0;
    }
    const slice = now() - start;
    workMs += slice;
    if (slice > maxSliceMs) maxSliceMs = slice;
    slices++;
    if (!more) break;
    await yieldToMain();
    start = now();
  }
  return { maxSliceMs, slices, workMs, wallMs: now() - t0, decideMs };
}

/**
 * `runs` of each, interleaved: the decision in one task (wholeMs, which was its longest task), the
 * sliced decision, and `scanOnce` (a full scan in one go, decision included) for the ratio.
 */
export async function scopeDecision(runs: number, scanOnce: () => unknown): Promise<Record<string, number>> {
  const whole: number[] = [];
  const scan: number[] = [];
  const sliced: Array<Awaited<ReturnType<typeof slicedOnce>>> = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    findScopeRoots(document);
    whole.push(now() - t0);
    sliced.push(await slicedOnce());
    const t1 = now();
    scanOnce();
    scan.push(now() - t1);
  }
  const wholeMs = median(whole);
  const scanMs = median(scan);
  return {
    elements: document.body ? document.body.getElementsByTagName('*').length : 0,
    wholeMs,
    maxSliceMs: median(sliced.map((s) => s.maxSliceMs)),
    slices: median(sliced.map((s) => s.slices)),
    workMs: median(sliced.map((s) => s.workMs)),
    wallMs: median(sliced.map((s) => s.wallMs)),
    decideMs: median(sliced.map((s) => s.decideMs)),
    scanMs,
    shareOfScan: wholeMs / scanMs,
  };
}

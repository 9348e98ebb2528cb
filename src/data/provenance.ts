/**
 * Checks the dataset against the fact sheet (research/facts.md), given as text. The sheet lists
 * sources in two layouts: section 4's table (`| S1 | publisher, title (date) | URL … | status |`) and
 * section 6's list (`- **S32** (V2) · date · publisher · URL`). Both are read. Pure (no Node APIs).
 */
import type { Dataset } from './types';
import type { Problem } from './problem';
import { itemIdAt } from './problem';

export interface SheetSource {
  id: string;
  /** Everything the row says besides the URL (publisher, title, date). */
  cells: string;
  urls: string[];
  /** "V1", "V2 (…)", "U (…)". */
  status: string;
}

const URL_RE = /https?:\/\/[^\s;)]+/g;

/** Every source row of the sheet, from both layouts. */
export function sheetSources(md: string): Map<string, SheetSource> {
  const rows = new Map<string, SheetSource>();
  for (const line of md.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const tableId = cells[1] ?? '';
    if (/^S\d+[a-z]?$/.test(tableId) && cells.length >= 6) {
      const [, , title = '', urlCell = '', status = ''] = cells;
      rows.set(tableId, { id: tableId, cells: `${title} ${urlCell}`, urls: urlCell.match(URL_RE) ?? [], status });
      continue;
    }
    // "- **S32** (V2) · 30 Jun 2025 · Computer Weekly · https://…"; the status may hold its own brackets.
    const item = /^-\s+\*\*(S\d+[a-z]?)\*\*\s+\((.*?)\)\s+·\s+(.*)$/.exec(line.trim());
    if (item) {
      const [, id = '', status = '', rest = ''] = item;
      rows.set(id, { id, cells: rest, urls: rest.match(URL_RE) ?? [], status });
    }
  }
  return rows;
}

/**
 * Wording from the sheet's U items and its list of errors in secondary sources (section 5), which must
 * never appear as fact. Add a line here when the sheet gains a U item that could be mistaken for fact.
 */
export const BANNED_PHRASES: readonly string[] = [
  'November 2021', '31 May', 'Rainstorm', 'technical consultancy', 'brigadier', 'Maj. Gen', 'Major General',
  'one month', '1 month', 'August 2023', '2019', 'confirmed core allegations', 'end of 2026', 'violations found',
  'on-stage resignation', 'with another provider',
];

const straightQuotes = (s: string): string => s.replace(/[‘’]/gu, "'");

function strings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') {
    if (!path.endsWith('.url')) out.push({ path, text: value });
  } else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  }
}

export function provenanceProblems(data: Dataset, md: string): Problem[] {
  const sheet = sheetSources(md);
  const out: Problem[] = [];
  const fail = (path: string, message: string, fix: string): void => {
    out.push({ path, id: itemIdAt(data, path), message, fix });
  };
  data.sources.forEach((s, i) => {
    const p = `sources[${i}]`;
    const row = sheet.get(s.id);
    if (!row) return fail(`${p}.id`, `${s.id} is not a source of facts.md (section 4 table or section 6 list)`, 'add the source to facts.md first, with its confidence label');
    if (!/^V[12]/.test(row.status)) return fail(`${p}.id`, `${s.id} is marked ${row.status} in facts.md`, 'U sources are never shipped: remove it and whatever cites only it');
    if (s.url !== undefined && !row.urls.includes(s.url)) {
      fail(`${p}.url`, `${JSON.stringify(s.url)} is not listed in the facts.md row of ${s.id}`, 'copy the URL exactly from that row, or drop the link');
    }
    const bracketed = s.title.startsWith('[') && s.title.endsWith(']');
    if (!bracketed && !straightQuotes(row.cells).includes(straightQuotes(s.title))) {
      fail(`${p}.title`, `${JSON.stringify(s.title)} is not the title facts.md gives for ${s.id}`, 'use the sheet\'s title exactly, or a description in [square brackets]');
    }
  });
  const uUrls = [...sheet.values()].filter((r) => r.status.startsWith('U')).flatMap((r) => r.urls);
  data.sources.forEach((s, i) => {
    if (s.url !== undefined && uUrls.includes(s.url)) fail(`sources[${i}].url`, 'is the URL of a U row of facts.md', 'remove the link');
  });
  const texts: { path: string; text: string }[] = [];
  strings(data, '', texts);
  for (const { path, text } of texts) {
    const hit = BANNED_PHRASES.find((b) => text.includes(b));
    if (hit) fail(path, `contains ${JSON.stringify(hit)} (word list BANNED_PHRASES: U items and secondary-source errors in facts.md)`, 'remove it; it is unverified or a known error');
  }
  return out;
}

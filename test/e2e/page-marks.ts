/** Exact marks on a fixture page, by highlight name, in document order: shared by the detection tests. */
import { expect } from 'vitest';
import { pageErrors, settle, waitForMarks, type MarkInfo, type Session } from './harness';

export type Expected = Record<string, string[]>;

export const asRecord = (marks: MarkInfo[]): Expected => Object.fromEntries(marks.map((m) => [m.name, m.texts]));
export const total = (e: Expected): number => Object.values(e).reduce((n, t) => n + t.length, 0);

/** Opens `/fixtures/pages/<file>` on a default news host and asserts exactly `expected`, and no page error. */
export async function expectPageMarks(session: Session, file: string, expected: Expected): Promise<void> {
  const page = await session.open('www.theguardian.com', `/fixtures/pages/${file}`);
  await waitForMarks(page, total(expected));
  expect(asRecord(await settle(page))).toEqual(expected);
  expect(pageErrors.get(page)).toEqual([]);
  await page.close();
}

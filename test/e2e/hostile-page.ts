/** The article both hostile-page test files build their pages around. */
import type { MarkInfo } from './harness';

/** One paragraph with one mention of each name, and the marks it must get. */
export const MENTIONS = '<p id="m">Microsoft said its Azure cloud was used by Unit 8200 to store calls.</p>';
export const EXPECTED: MarkInfo[] = [
  { name: 'backstory-azure', texts: ['Azure'] },
  { name: 'backstory-microsoft', texts: ['Microsoft'] },
  { name: 'backstory-unit-8200', texts: ['Unit 8200'] },
];

/** A plain news page: `body` inside <main><article> after an <h1>, `head` at the end of <head>. */
export function article(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile page</title>
<style>body{margin:0;font:18px/1.6 Georgia,serif} main{max-width:640px;margin:40px auto;padding:0 24px}</style>${head}</head>
<body><main><article><h1>Cloud contracts</h1>${body}</article></main></body></html>`;
}

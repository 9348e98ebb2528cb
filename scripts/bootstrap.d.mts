/** Types for bootstrap.mjs (plain JavaScript: it runs before any dependency is installed). */
export type BrowserPlan = { action: 'none' } | { action: 'install'; packages: string[] } | { action: 'print'; message: string };
export const NEEDS: { start: string[]; test: string[] };
export function lockHash(): string;
export function depsAreCurrent(): boolean;
export function missingPackages(task: 'start' | 'test'): string[];
export function browserPlan(missing: string[], where: { isRoot: boolean; isDebian: boolean }): BrowserPlan;

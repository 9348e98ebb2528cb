/** Types for package.mjs. */
export const SOURCE_FILES: string[];
export const SOURCE_DIRS: string[];
export function sourceFiles(dir?: string): string[];

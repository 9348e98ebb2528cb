/** Types for zip.mjs (plain JavaScript so it runs before anything is compiled). */
export function listFiles(dir: string): string[];
export function zip(entries: readonly (readonly [string, Uint8Array])[]): Buffer;
export function zipDir(dir: string): Buffer;
export function unzip(buffer: Buffer): [string, Buffer][];

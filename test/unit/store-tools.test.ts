/**
 * The pure parts of the set-up and packaging scripts (issue 17): what the bootstrap does about
 * missing browsers, the deterministic zip writer and reader, and what goes into the source archive.
 * The whole path (fresh clone → npm start, package → rebuild from source) runs in
 * test/e2e/store-package.test.ts.
 */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { browserPlan, lockHash, NEEDS } from '../../scripts/bootstrap.mjs';
import { sourceFiles } from '../../scripts/package.mjs';
import { unzip, zip } from '../../scripts/zip.mjs';

describe('bootstrap: missing browsers', () => {
  it('nothing missing: nothing to do', () => {
    expect(browserPlan([], { isRoot: false, isDebian: false })).toEqual({ action: 'none' });
  });

  it('root on Debian: installs exactly what is missing', () => {
    expect(browserPlan(['chromium', 'firefox-esr'], { isRoot: true, isDebian: true })).toEqual({ action: 'install', packages: ['chromium', 'firefox-esr'] });
  });

  it('not root, or not Debian: prints the one command that installs them, never installs', () => {
    for (const where of [{ isRoot: false, isDebian: true }, { isRoot: true, isDebian: false }, { isRoot: false, isDebian: false }]) {
      const plan = browserPlan(['chromium'], where);
      expect(plan.action).toBe('print');
      if (plan.action === 'print') expect(plan.message).toContain("sudo sh -c 'apt-get update && apt-get install -y chromium'");
    }
  });

  it('the demo needs Chromium; the tests need both browsers, the Arabic and Hebrew language packs and openssl', () => {
    expect(NEEDS.start).toEqual(['chromium']);
    expect(NEEDS.test).toEqual(['chromium', 'firefox-esr', 'firefox-esr-l10n-ar', 'firefox-esr-l10n-he', 'openssl']);
  });

  it('the lock hash is a sha256 of package-lock.json', () => {
    expect(lockHash()).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('deterministic zip', () => {
  const files: [string, Buffer][] = [
    ['b/inner.txt', Buffer.from('second '.repeat(50))],
    ['a.json', Buffer.from('{"x":1}')],
    ['ünïcode.txt', Buffer.from('نص عربي')],
    ['empty', Buffer.alloc(0)],
  ];

  it('same files in any order give the same bytes; entries are sorted by path', () => {
    const one = zip(files);
    const two = zip([...files].reverse());
    expect(one.equals(two)).toBe(true);
    expect(unzip(one).map(([p]) => p)).toEqual(['a.json', 'b/inner.txt', 'empty', 'ünïcode.txt']);
  });

  it('round-trips every file exactly, compressed when that is smaller', () => {
    const bytes = zip(files);
    const back = new Map(unzip(bytes));
    for (const [path, contents] of files) expect(back.get(path)?.equals(contents), path).toBe(true);
    // The repetitive file is deflated (method 8) in the local header.
    const at = bytes.indexOf(Buffer.from('b/inner.txt')) - 30;
    expect(bytes.readUInt16LE(at + 8)).toBe(8);
    const size = bytes.readUInt32LE(at + 18);
    expect(inflateRawSync(bytes.subarray(at + 30 + 11, at + 30 + 11 + size)).toString()).toBe('second '.repeat(50));
  });

  it('every entry carries the fixed 1980-01-01 00:00 timestamp, not a file time', () => {
    const bytes = zip(files);
    let at = 0;
    for (let i = 0; i < files.length; i++) {
      expect(bytes.readUInt32LE(at)).toBe(0x04034b50);
      expect(bytes.readUInt16LE(at + 10)).toBe(0);
      expect(bytes.readUInt16LE(at + 12)).toBe(33);
      at += 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt32LE(at + 18);
    }
  });

  it('the reader rejects what is not a zip', () => {
    expect(() => unzip(Buffer.from('not a zip at all'))).toThrow(/not a zip/);
  });
});

describe('source archive contents', () => {
  const files = sourceFiles();

  it('has what the build reads, and no tests, fixtures, docs, store assets or CI', () => {
    for (const needed of ['package.json', 'package-lock.json', 'build.mjs', 'manifest.json', 'tsconfig.json', 'README.md', 'PRIVACY.md', 'scripts/package.mjs', 'scripts/zip.mjs', 'scripts/privacy-page.mjs', 'src/data/story.json']) {
      expect(files).toContain(needed);
    }
    expect(files.some((f) => f.startsWith('icons/'))).toBe(true);
    expect(files.filter((f) => /^(test|docs|store|bench|\.ci)\//.test(f) || f === 'vitest.config.ts')).toEqual([]);
  });
});

/**
 * What a store reviewer reads (issue 17): the three listings, the privacy policy, the changelog and
 * docs/store.md, checked against the manifest, package.json and the dataset so that they cannot drift
 * apart; the store screenshots' sizes; and the bundled privacy page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privacyPage } from '../../scripts/privacy-page.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const manifest = JSON.parse(read('manifest.json')) as {
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
};
const { version } = JSON.parse(read('package.json')) as { version: string };
const dataset = (JSON.parse(read('src/data/story.json')) as { meta: { version: string; asOf: string } }).meta;

/** `## Heading` → body, keyed by the heading's first (English) words before any " · ". */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    out.set(part.slice(0, newline).split(' · ')[0]?.trim() ?? '', part.slice(newline + 1).trim());
  }
  return out;
}

const REQUIRED = ['Version', 'Name', 'Summary', 'Description', 'Single purpose', 'Permissions', 'Category', 'Data use', 'Privacy policy'];
const LISTINGS = ['en', 'ar', 'he'] as const;
/** Characters of the script each listing is written in, to catch an untranslated copy. */
const SCRIPT: Record<(typeof LISTINGS)[number], RegExp> = { en: /[A-Za-z]/g, ar: /[\u0600-\u06FF]/g, he: /[\u0590-\u05FF]/g };

describe.each(LISTINGS)('store/listing.%s.md', (lang) => {
  const text = read(`store/listing.${lang}.md`);
  const parts = sections(text);

  it('has every section the store forms ask for, none empty', () => {
    for (const name of REQUIRED) expect(parts.get(name), `section "${name}"`).toBeTruthy();
  });

  it('name is Backstory; summary is one line within the Chrome Web Store limit of 132 characters', () => {
    expect(parts.get('Name')).toBe('Backstory');
    const summary = parts.get('Summary') ?? '';
    expect(summary).not.toContain('\n');
    expect([...summary].length).toBeGreaterThan(40);
    expect([...summary].length).toBeLessThanOrEqual(132);
  });

  it('is written in its language: the description is mostly that script', () => {
    const description = parts.get('Description') ?? '';
    const letters = (description.match(/\p{L}/gu) ?? []).length;
    expect((description.match(SCRIPT[lang]) ?? []).length / letters).toBeGreaterThan(0.6);
  });

  it('justifies every API permission and every host permission of manifest.json, and no other', () => {
    const permissions = parts.get('Permissions') ?? '';
    for (const permission of [...manifest.permissions, ...(manifest.optional_permissions ?? [])]) {
      // A list item that starts with the permission and says why.
      expect(permissions, permission).toMatch(new RegExp(`^- \\u200F?\`${permission}\`: \\S.{40,}`, 'm'));
    }
    for (const host of [...manifest.host_permissions, ...(manifest.optional_host_permissions ?? [])]) {
      expect(permissions, host).toContain(host);
    }
    const named = [...permissions.matchAll(/\*:\/\/\*\.[a-z0-9.-]+\/\*/g)].map((m) => m[0]);
    expect(named.filter((h) => !manifest.host_permissions.includes(h))).toEqual([]);
  });

  it('shows the extension and dataset versions of this build', () => {
    const line = parts.get('Version') ?? '';
    const stale = 'out of date: run node scripts/store-versions.mjs';
    expect(line, stale).toContain(version);
    expect(line, stale).toContain(dataset.version);
    expect(line, stale).toContain(dataset.asOf);
  });

  it('declares no data collected, for both stores, and links the privacy policy', () => {
    const use = parts.get('Data use') ?? '';
    expect(use).toContain('Chrome Web Store');
    expect(use).toContain('Firefox');
    expect(use).toContain('"none"');
    expect(parts.get('Privacy policy')).toContain('(../PRIVACY.md)');
    expect(parts.get('Category')).toMatch(/News & Weather[\s\S]*Feeds, News & Blogging/);
  });

  it('tells the same summary as the extension itself in that language', () => {
    const messages = JSON.parse(read(`src/shared/locales/${lang}.json`)) as Record<string, { message: string }>;
    const manifestDescription = messages.extDescription?.message ?? '';
    // The store summary and the manifest description both name the three names.
    for (const text of [manifestDescription, parts.get('Summary') ?? '']) {
      expect(text).toContain('Microsoft');
      expect(text).toContain('Azure');
      expect(text).toContain('8200');
    }
  });
});

describe('versions shown together where a reviewer looks', () => {
  it('docs/store.md names this extension version and dataset version', () => {
    expect(read('docs/store.md'), 'out of date: run node scripts/store-versions.mjs').toContain(`Extension ${version} · dataset ${dataset.version} (as of ${dataset.asOf})`);
  });

  it('CHANGELOG.md follows Keep a Changelog: Unreleased first, then this version with its date and dataset', () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toContain('keepachangelog.com');
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => m[1]);
    expect(headings[0]).toBe('Unreleased');
    expect(headings).toContain(version);
    const released = changelog.slice(changelog.indexOf(`## [${version}]`));
    expect(released).toMatch(/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}\n/);
    expect(released.split('\n## ')[0]).toContain(`Dataset ${dataset.version}`);
    for (const heading of changelog.matchAll(/^### (.+)$/gm)) {
      expect(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']).toContain(heading[1]);
    }
  });
});

describe('PRIVACY.md', () => {
  const policy = read('PRIVACY.md');

  it('says what is stored, where, for how long, that nothing is sent, and what a page can learn', () => {
    for (const needle of ['Settings', 'Site choices', 'Dismissed marks', 'storage.local', 'Reset', 'Removing the extension', 'Nothing', 'CSS.highlights', 'backstory-']) {
      expect(policy, needle).toContain(needle);
    }
  });

  it('is bundled as privacy.html: every paragraph, escaped, no script', () => {
    const html = privacyPage(policy);
    expect(html).toContain('<h1>Backstory privacy policy</h1>');
    expect(html).toContain('<code>CSS.highlights</code>');
    expect(html).not.toMatch(/<script|\son\w+=/i);
    const paragraphs = policy.split(/\n{2,}/).length;
    expect((html.match(/<(h[1-3]|p|ul)>/g) ?? []).length).toBe(paragraphs);
  });

  it('the bundler refuses what it cannot render safely: links, images and HTML', () => {
    expect(() => privacyPage('# P\n\nSee [this](https://example.org).')).toThrow(/links, images and HTML/);
    expect(() => privacyPage('# P\n\n<img src=x onerror=alert(1)>')).toThrow(/links, images and HTML/);
    expect(privacyPage('# P\n\na < b & "c"')).toContain('<p>a &lt; b &amp; &quot;c&quot;</p>');
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(join(ROOT, 'store/screenshots', file));
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString()).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('store/screenshots', () => {
  const files = readdirSync(join(ROOT, 'store/screenshots')).filter((f) => f.endsWith('.png')).sort();

  it('at least three 1280×800 screenshots: the card, the popup and the options page', () => {
    const shots = files.filter((f) => /^\d-/.test(f));
    expect(shots).toEqual(expect.arrayContaining(['1-card.png', '2-popup.png', '3-options.png']));
    for (const file of shots) expect(pngSize(file), file).toEqual([1280, 800]);
  });

  it('a 440×280 promotional tile', () => {
    expect(pngSize('tile-440x280.png')).toEqual([440, 280]);
  });

  it('nothing else in the folder', () => {
    expect(files.filter((f) => !/^\d-[a-z]+\.png$/.test(f) && f !== 'tile-440x280.png')).toEqual([]);
  });
});

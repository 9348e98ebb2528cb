/**
 * Privacy and security in the manifest (DESIGN.md "Privacy and security"): the permissions are
 * exactly the three the design lists, host access only for the default news sites, everything else
 * optional, nothing a page could probe (`web_accessible_resources`), no remote code and no loosened
 * CSP. Checked on the source manifest and, when built, on both dist manifests, so a build step that
 * adds a key is caught too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

interface ContentScript {
  matches?: string[];
  js?: string[];
  css?: string[];
  all_frames?: boolean;
  match_about_blank?: boolean;
  world?: string;
}
interface Manifest {
  [key: string]: unknown;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: ContentScript[];
  content_security_policy?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
}

const manifests: [string, string][] = [['source', join(ROOT, 'manifest.json')]];
for (const browser of ['chromium', 'firefox']) {
  const path = join(ROOT, 'dist', browser, 'manifest.json');
  if (existsSync(path)) manifests.push([`dist/${browser}`, path]);
}

/** Every string anywhere in a JSON value, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

describe.each(manifests)('%s manifest', (_label, path) => {
  const manifest = read(path);

  it('asks for exactly storage, activeTab and scripting; no optional API permissions', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('host access only for the default news sites, the same list the content script matches', () => {
    const hosts = manifest.host_permissions ?? [];
    const matches = (manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []);
    expect(hosts.length).toBeGreaterThan(20);
    expect([...hosts].sort()).toEqual([...new Set(matches)].sort());
    for (const pattern of hosts) {
      // One registrable site per pattern: no <all_urls>, no bare "*://*/*", no scheme wildcards beyond http(s).
      expect(pattern).toMatch(/^\*:\/\/\*\.[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    }
    expect(hosts).not.toContain('<all_urls>');
  });

  it('everything else is optional host access, granted by the reader per site', () => {
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
  });

  it('exposes nothing to pages: no web_accessible_resources, no externally_connectable', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('content scripts: top frame only, isolated world, local files', () => {
    for (const script of manifest.content_scripts ?? []) {
      expect(script.all_frames ?? false).toBe(false);
      expect(script.match_about_blank ?? false).toBe(false);
      expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
      for (const file of [...(script.js ?? []), ...(script.css ?? [])]) expect(file).toMatch(/^[\w-]+\.(js|css)$/);
    }
  });

  it('no remote code or remote URLs in any code-bearing key', () => {
    const codeKeys = ['background', 'content_scripts', 'action', 'options_ui', 'options_page', 'devtools_page', 'sandbox', 'side_panel', 'sidebar_action', 'chrome_url_overrides', 'icons'];
    for (const key of codeKeys) {
      for (const [where, value] of strings(manifest[key], key)) {
        expect(value, where).not.toMatch(/^(https?:)?\/\//i);
        expect(value, where).not.toMatch(/^(data|blob|javascript):/i);
      }
    }
    // No update_url: the stores update the extension, not a server of ours.
    expect(manifest.update_url).toBeUndefined();
  });

  it('keeps the default extension CSP (or a stricter one): no unsafe-eval, no remote script sources', () => {
    const csp = manifest.content_security_policy;
    if (csp === undefined) return;
    for (const [where, value] of strings(csp, 'content_security_policy')) {
      expect(value, where).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
      expect(value, where).toMatch(/script-src 'self'/);
    }
  });

  it('keys a permission could hide behind are absent', () => {
    for (const key of ['oauth2', 'key', 'declarative_net_request', 'chrome_settings_overrides', 'file_browser_handlers', 'protocol_handlers', 'storage']) {
      expect(manifest[key], key).toBeUndefined();
    }
  });
});

describe('built extension files', () => {
  for (const browser of ['chromium', 'firefox']) {
    const dir = join(ROOT, 'dist', browser);
    it.skipIf(!existsSync(dir))(`${browser}: no script loads remote code or calls the network`, () => {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.html'))) {
        const text = readFileSync(join(dir, file), 'utf8');
        // Network APIs by name. Source links in the card are plain <a href> (the reader's click, not ours).
        for (const api of [/\bfetch\s*\(/, /new\s+XMLHttpRequest/, /new\s+WebSocket/, /new\s+EventSource/, /navigator\.sendBeacon/, /importScripts\s*\(/]) {
          expect(text, `${browser}/${file} ${api}`).not.toMatch(api);
        }
        if (file.endsWith('.html')) {
          expect(text, `${browser}/${file}`).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
          expect(text, `${browser}/${file}`).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
        }
      }
    });
  }
});

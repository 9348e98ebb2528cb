/**
 * Launches the BUILT extension (dist/chromium, dist/firefox) in real Chromium and Firefox ESR
 * through puppeteer-core, with every host name resolved to the local fixture server. The
 * extension has no test-only code paths: pages are opened on default news hosts such as
 * www.theguardian.com, exactly as a reader would.
 *
 *   const s = await launch('chromium');
 *   const page = await s.open('www.theguardian.com', '/corpus/engadget.html');
 *   await s.waitForMarks(page);
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type SerializedAXNode } from 'puppeteer-core';
import { ROOT, startServer, type FixtureServer } from './server';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

const EXECUTABLES: Record<BrowserName, { path: string; install: string }> = {
  chromium: { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', install: 'apt-get install -y chromium' },
  firefox: { path: process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr', install: 'apt-get install -y firefox-esr' },
};

/** Firefox: a fixed internal UUID so tests can open moz-extension:// pages. */
const GECKO_ID = 'backstory@backstory.example';
const FIREFOX_UUID = '6a3f2c1e-8b4d-4e7a-9c21-5d0e7f1a2b3c';

export interface MarkInfo {
  name: string;
  texts: string[];
}

export interface Session {
  name: BrowserName;
  browser: Browser;
  server: FixtureServer;
  /** A URL on `host` served by the fixture server. */
  url(host: string, path: string): string;
  /** The URL of a page inside the extension (popup.html, options.html). */
  extensionUrl(path: string): string;
  /** Open a new tab at `host` + `path`; page errors are collected in `errors`. */
  open(host: string, path: string): Promise<Page>;
  /** Open a page of the extension (popup.html, options.html) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Evaluate in an extension page (full WebExtension API), e.g. to message a tab's content script. */
  inExtension<T>(fn: string): Promise<T>;
  close(): Promise<void>;
}

/** Page errors per page, recorded from the moment the page was opened. */
export const pageErrors = new WeakMap<Page, string[]>();

function assertInstalled(name: BrowserName): string {
  const { path, install } = EXECUTABLES[name];
  if (!existsSync(path)) {
    throw new Error(`${name} is not installed at ${path}. Install it with: ${install} (or set ${name.toUpperCase()}_PATH)`);
  }
  return path;
}

function dist(name: BrowserName): string {
  const dir = resolve(ROOT, 'dist', name);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run "npm run build" first`);
  return dir;
}

export interface LaunchOptions {
  /** UI language, e.g. 'ar'. */
  lang?: string;
  /** Show the browser window (npm start with a display). */
  headed?: boolean;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<Session> {
  const executablePath = assertInstalled(name);
  const extension = dist(name);
  const server = await startServer();
  let browser: Browser;
  let base: string;
  if (name === 'chromium') {
    browser = await puppeteer.launch({
      executablePath,
      headless: !options.headed,
      defaultViewport: options.headed ? null : { width: 1280, height: 900 },
      acceptInsecureCerts: true,
      userDataDir: mkdtempSync(join(tmpdir(), 'backstory-chromium-')),
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        '--no-sandbox',
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
        '--ignore-certificate-errors',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        '--disable-gpu',
        ...(options.lang ? [`--lang=${options.lang}`] : []),
      ],
      env: { ...process.env, ...(options.lang ? { LANGUAGE: options.lang } : {}) },
    });
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'), {
      timeout: 15_000,
    });
    // Node's URL gives "null" as the origin of chrome-extension:// URLs.
    const workerUrl = new URL(worker.url());
    base = `${workerUrl.protocol}//${workerUrl.host}`;
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: !options.headed,
      defaultViewport: options.headed ? null : { width: 1280, height: 900 },
      acceptInsecureCerts: true,
      userDataDir: mkdtempSync(join(tmpdir(), 'backstory-firefox-')),
      // Firefox 153 lets WebDriver navigate to moz-extension:// pages only with system access.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.dns.forceResolve': '127.0.0.1',
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'browser.safebrowsing.update.enabled': false,
        ...(options.lang ? { 'intl.locale.requested': options.lang } : {}),
      },
    });
    await browser.installExtension(extension);
    base = `moz-extension://${FIREFOX_UUID}`;
  }

  const url = (host: string, path: string) =>
    name === 'chromium' ? `https://${host}${path}` : `https://${host}:${server.port}${path}`;
  let extensionPage: Page | null = null;

  const session: Session = {
    name,
    browser,
    server,
    url,
    extensionUrl: (path) => `${base}/${path}`,
    async open(host, path) {
      const page = await browser.newPage();
      const errors: string[] = [];
      pageErrors.set(page, errors);
      page.on('pageerror', (error) => errors.push(String((error as Error).message ?? error)));
      await page.goto(url(host, path), { waitUntil: 'load' });
      return page;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const errors: string[] = [];
      pageErrors.set(page, errors);
      page.on('pageerror', (error) => errors.push(String((error as Error).message ?? error)));
      const target = `${base}/${path}`;
      if (name === 'firefox') {
        // Firefox's WebDriver BiDi never reports extension pages as loaded (the navigation command
        // hangs until it times out), so start it and wait for the document ourselves.
        page.goto(target).catch(() => undefined);
        await waitFor(async () => page.evaluate((url) => location.href.startsWith(url) && document.readyState === 'complete', target).catch(() => false));
      } else {
        await page.goto(target, { waitUntil: 'load' });
      }
      return page;
    },
    async inExtension<T>(fn: string): Promise<T> {
      if (!extensionPage || extensionPage.isClosed()) extensionPage = await session.openExtensionPage('options.html');
      return (await extensionPage.evaluate(`(async () => { const api = globalThis.browser ?? globalThis.chrome; ${fn} })()`)) as T;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
  return session;
}

/** The marks on a page as the page's own world sees them in `CSS.highlights`, each in document order. */
export function readMarks(page: Page): Promise<MarkInfo[]> {
  return page.evaluate(() => {
    const out: { name: string; texts: string[] }[] = [];
    CSS.highlights.forEach((highlight, name) => {
      const ranges: Range[] = [];
      highlight.forEach((range) => ranges.push(range as Range));
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      out.push({ name, texts: ranges.map((r) => r.toString()) });
    });
    return out.sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** Wait until the page has at least `min` marks in total (or time out with what is there). */
export async function waitForMarks(page: Page, min = 1, timeout = 10_000): Promise<MarkInfo[]> {
  const started = Date.now();
  for (;;) {
    const marks = await readMarks(page);
    const total = marks.reduce((n, m) => n + m.texts.length, 0);
    if (total >= min) return marks;
    if (Date.now() - started > timeout) {
      throw new Error(`expected at least ${min} marks, found ${total}: ${JSON.stringify(marks)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Wait for the content script to finish (no change in marks for `quiet` ms). */
export async function settle(page: Page, quiet = 400, timeout = 15_000): Promise<MarkInfo[]> {
  const started = Date.now();
  let last = JSON.stringify(await readMarks(page));
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const now = JSON.stringify(await readMarks(page));
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quiet) return JSON.parse(now) as MarkInfo[];
    if (Date.now() - started > timeout) return JSON.parse(now) as MarkInfo[];
  }
}

/** Send a message to the content script of the tab whose URL starts with `urlPrefix`. */
export function messageTab<T>(session: Session, urlPrefix: string, message: { type: string; payload: unknown }): Promise<T> {
  return session.inExtension<T>(`
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => (t.url ?? '').startsWith(${JSON.stringify(urlPrefix)}));
    if (!tab) throw new Error('no tab for ' + ${JSON.stringify(urlPrefix)} + ' in ' + tabs.map((t) => t.url).join(', '));
    return await api.tabs.sendMessage(tab.id, ${JSON.stringify(message)}, { frameId: 0 });
  `);
}

/** The centre of the `n`-th rectangle of the first mark named `highlight` (for real mouse moves). */
export async function markPoint(page: Page, highlight: string, n = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (name, index) => {
      const h = CSS.highlights.get(name);
      if (!h) return null;
      const ranges = [...h] as Range[];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[index];
      if (!range) return null;
      (range.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    highlight,
    n,
  );
  if (!point) throw new Error(`no mark ${n} in ${highlight}`);
  return point;
}

/** Poll `check` until it is true (or throw after `timeout`). */
export async function waitFor(check: () => Promise<boolean>, timeout = 10_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The accessible name of the focused node in an accessibility snapshot (Chromium), or null. */
export function focusedName(node: SerializedAXNode | null): string | null {
  if (!node) return null;
  if (node.focused && node.role !== 'RootWebArea') return node.name ?? '';
  for (const child of node.children ?? []) {
    const found = focusedName(child);
    if (found !== null) return found;
  }
  return null;
}

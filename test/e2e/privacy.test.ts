/**
 * Privacy (DESIGN.md "Privacy and security"): the extension makes no network requests. Recorded at
 * three levels while the extension loads a news page with mentions, a card opens on hover, and the
 * popup and options pages open:
 *
 * - the fixture server: every request that reaches it (all host names resolve to it), with its path;
 * - every page, extension pages included: `page.on('request')` (CDP in Chromium, BiDi network events
 *   in Firefox);
 * - Chromium only: a CDP Network session on the extension's service worker. Firefox's background is
 *   an event page that WebDriver BiDi does not expose as a target, so there it is covered by the
 *   server log and by the fact that the background has no code that could request anything
 *   (test/unit/manifest.test.ts scans the built files for network APIs).
 *
 * Allowed: the test page's own resources on its own host, the browser's favicon probe, and the
 * extension's own packaged files (chrome-extension:// / moz-extension://, which never leave the disk).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BROWSERS, launch, markPoint, pageErrors, settle, waitFor, type Session } from './harness';

const served = vi.hoisted(() => ({ requests: [] as string[] }));
// Record what reaches the fixture server without touching server.ts: wrap the https module it uses.
vi.mock('node:https', async (importOriginal) => {
  const https = await importOriginal<typeof import('node:https')>();
  const createServer = ((options: import('node:https').ServerOptions, handler: import('node:http').RequestListener) =>
    https.createServer(options, (req, res) => {
      served.requests.push(`${req.headers.host ?? ''} ${req.url ?? ''}`);
      handler(req, res);
    })) as typeof https.createServer;
  return { ...https, default: { ...https, createServer }, createServer };
});

const HOST = 'www.theguardian.com';
const PAGE = '/privacy/article.html';
const OWN_RESOURCES = ['/privacy/article.html', '/privacy/style.css', '/privacy/picture.svg', '/favicon.ico'];

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy check</title>
<link rel="stylesheet" href="/privacy/style.css"></head>
<body><main><article><h1>Microsoft and the cloud</h1>
<p>Reporters said Unit 8200 kept recordings on Microsoft's Azure cloud platform.</p>
<img src="/privacy/picture.svg" alt="" width="40" height="40">
<p>Microsoft said it would review the findings. <a href="https://www.972mag.com/story">Read the story</a>.</p>
</article></main></body></html>`;

/** Hosts of the browser's own background services (never contacted by extension code; see above). */
const BROWSER_SERVICES = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|mozilla\.(com|net|org)|firefox\.com)(:\d+)?$/;

interface Seen {
  context: string;
  url: string;
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  const seen: Seen[] = [];
  beforeAll(async () => {
    session = await launch(name);
    session.server.route(PAGE, ARTICLE);
    session.server.route('/privacy/style.css', 'body{font:18px/1.6 Georgia,serif;margin:40px}', { 'content-type': 'text/css' });
    session.server.route('/privacy/picture.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"/>', { 'content-type': 'image/svg+xml' });
  });
  afterAll(async () => {
    await session?.close();
  });

  /** A new tab that records its requests from the first one on. */
  async function recordedPage(context: string): Promise<Page> {
    const page = await session.browser.newPage();
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
    page.on('request', (request) => seen.push({ context, url: request.url() }));
    return page;
  }

  it('the extension makes zero network requests: page with mentions, hover card, popup, options', async () => {
    served.requests.length = 0;
    seen.length = 0;
    const workerUrls: string[] = [];
    if (name === 'chromium') {
      // The background service worker, through its own CDP session.
      const worker = await session.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
      const cdp = await worker.createCDPSession();
      cdp.on('Network.requestWillBeSent', (event: { request: { url: string } }) => workerUrls.push(event.request.url));
      await cdp.send('Network.enable');
    }

    // 1. A news page with mentions: marks, badge report, card bundle injected.
    const page = await recordedPage('news page');
    await page.goto(session.url(HOST, PAGE), { waitUntil: 'load' });
    const marks = await settle(page);
    expect(marks.length).toBe(3);

    // 2. Open a card by hovering (loads card.js and renders the story with its source links).
    const point = await markPoint(page, 'backstory-unit-8200');
    await page.mouse.move(point.x - 20, point.y - 30);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    await waitFor(async () => (await page.evaluate(() => document.querySelectorAll(':root > div').length)) === 1, 5000, 'card host');
    await new Promise((r) => setTimeout(r, 800));

    // 3. The popup (asks the page for its counts) and the options page.
    for (const path of ['popup.html', 'options.html']) {
      const ext = await recordedPage(path);
      const target = session.extensionUrl(path);
      if (name === 'firefox') {
        ext.goto(target).catch(() => undefined);
        await waitFor(async () => ext.evaluate((u) => location.href.startsWith(u) && document.readyState === 'complete', target).catch(() => false));
      } else {
        await ext.goto(target, { waitUntil: 'load' });
      }
      await ext.waitForFunction(() => (document.body?.innerText ?? '').length > 20, { timeout: 10_000 });
      await new Promise((r) => setTimeout(r, 800));
      expect(pageErrors.get(ext)).toEqual([]);
      await ext.close();
    }
    expect(pageErrors.get(page)).toEqual([]);
    await page.close();

    const extensionBase = session.extensionUrl('');
    const pageOrigin = new URL(session.url(HOST, '/')).origin;
    // Positive control: the recorder saw the page's own resources.
    expect(seen.filter((s) => s.context === 'news page').map((s) => new URL(s.url).pathname)).toEqual(expect.arrayContaining(['/privacy/article.html', '/privacy/style.css', '/privacy/picture.svg']));
    const offending = seen.filter((s) => {
      if (s.url.startsWith(extensionBase)) return false; // packaged files, read from disk
      if (s.context === 'news page') return !(s.url.startsWith(pageOrigin) && OWN_RESOURCES.includes(new URL(s.url).pathname));
      return true; // an extension page asked for something outside the extension
    });
    expect(offending).toEqual([]);
    expect(workerUrls.filter((u) => !u.startsWith(extensionBase))).toEqual([]);
    // Everything that reached the server is the page's own, or the browser's own service traffic
    // (Chromium's sign-in and updater probes: made by the browser process, seen in no page or worker above).
    const browserOwn = served.requests.filter((r) => BROWSER_SERVICES.test(r.split(' ')[0] as string));
    const rest = served.requests.filter((r) => !browserOwn.includes(r));
    expect(rest.filter((r) => !OWN_RESOURCES.includes(r.slice(r.indexOf(' ') + 1).split('?')[0] as string))).toEqual([]);
    console.log(
      `privacy (${name}): ${seen.length} requests recorded in pages (${seen.filter((s) => s.url.startsWith(extensionBase)).length} to packaged files), ` +
        `${workerUrls.length} in the service worker, ${served.requests.length} at the server (${browserOwn.length} browser service probes); extension-made network requests: ${offending.length}`,
    );
  });
});

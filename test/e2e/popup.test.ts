/**
 * The popup and options pages of the built extension, in Chromium and Firefox, on a default news
 * site: counts match the page's highlights and the badge, the site switch, "Show", options applying
 * to open tabs, corrupt storage, and axe-core.
 *
 * The popup is opened as a tab (popup.html): neither browser's automation can open the real toolbar
 * popup. The popup then reads the most recently used other tab, the same path Firefox for Android
 * takes, where the popup is a tab. What the automation cannot do: click the toolbar button, accept a
 * permission prompt (so "Enable on this site" / "Grant access" are covered by unit tests only), or
 * press the keyboard commands' global shortcuts. Firefox (WebDriver BiDi) also cannot read the badge
 * from outside, so the badge is read through `action.getBadgeText` from an extension page in both.
 * Firefox ESR needs its Arabic language pack for the Arabic run (Debian firefox-esr-l10n-ar, which
 * .ci/run installs); without it the run fails with the install command rather than skipping.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardControlAt } from './card-root';
import { BROWSERS, launch, markPoint, readMarks, settle, waitForMarks, waitFor as until, type MarkInfo, type Session } from './harness';

const DEMO = '/fixtures/demo/microsoft-unit-8200.html';
const HOST = 'www.theguardian.com';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const total = (marks: MarkInfo[]) => marks.reduce((n, m) => n + m.texts.length, 0);
const countsOf = (marks: MarkInfo[]) =>
  Object.fromEntries(marks.filter((m) => m.texts.length).map((m) => [m.name.replace('backstory-', ''), m.texts.length]));

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - started > timeout) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Open an extension page in a new tab. In Firefox, WebDriver BiDi does not report the load of a
 * moz-extension:// navigation to puppeteer (goto times out although the page rendered), so the
 * navigation is not awaited; callers wait for the page's own content instead.
 */
async function openExtensionPage(session: Session, path: string, ready: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(session.extensionUrl(path), { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => undefined);
  await page.waitForSelector(ready, { timeout: 10_000 });
  return page;
}

async function openPopup(session: Session, article: Page): Promise<Page> {
  // The article tab must be the most recently used one when the popup looks for it.
  await article.bringToFront();
  return openExtensionPage(session, 'popup.html', '.story .headline');
}

async function popupCounts(popup: Page): Promise<Record<string, number>> {
  await popup.waitForSelector('.mention, .mentions p', { timeout: 10_000 });
  return popup.$$eval('.mention', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-entity'), Number(r.querySelector('.count')?.getAttribute('data-count'))])),
  );
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  // Open every <details> so collapsed content is audited too.
  return page.evaluate(async () => {
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows this page\'s counts, matching the highlights and the badge', async () => {
    const article = await session.open(HOST, DEMO);
    await waitForMarks(article, 3);
    const marks = await settle(article);
    const popup = await openPopup(session, article);
    expect(await popupCounts(popup)).toEqual(countsOf(marks));
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toContain('Mark names on theguardian.com');
    expect(text).toMatch(/Backstory makes no network requests/);
    expect(text).toMatch(/Dataset \d+\.\d+\.\d+ · as of .+ · #[0-9a-f]{6,}/);
    const badge = await waitFor(
      () =>
        session.inExtension<string>(`
          const tab = (await api.tabs.query({})).find((t) => (t.url ?? '').includes('${DEMO}'));
          return api.action.getBadgeText({ tabId: tab.id });`),
      (b) => b === String(total(marks)),
    );
    expect(badge).toBe(String(total(marks)));
    await popup.close();
    await article.close();
  });

  it('switching the site off removes every mark at once and after reload; on restores them', async () => {
    const article = await session.open(HOST, DEMO);
    const before = await settle(article);
    expect(total(before)).toBeGreaterThan(0);
    const popup = await openPopup(session, article);
    await popup.click('[role="switch"]');
    await popup.waitForSelector('[role="switch"][aria-checked="false"]');
    expect(total(await waitFor(() => readMarks(article), (m) => total(m) === 0))).toBe(0);
    await article.reload({ waitUntil: 'load' });
    expect(total(await settle(article, 800))).toBe(0);
    await popup.bringToFront();
    await popup.click('[role="switch"]');
    await popup.waitForSelector('[role="switch"][aria-checked="true"]');
    const after = await waitFor(() => readMarks(article), (m) => total(m) >= total(before));
    expect(countsOf(after)).toEqual(countsOf(before));
    await popup.close();
    await article.close();
  });

  it('a page on an IDN host turns its own site off from the card, and the popup shows that same site off', async () => {
    // sites.ts is the one definition: the content script keys the site from location.href (punycode), the
    // background checks it against the sender's URL, the popup keys it from the tab's URL.
    const site = 'xn--bcher-kva.theguardian.com';
    try {
      const article = await session.open('bücher.theguardian.com', DEMO);
      expect(new URL(article.url()).hostname).toBe(site);
      await waitForMarks(article, 3);
      await article.bringToFront();
      const point = await markPoint(article, 'backstory-unit-8200');
      await article.mouse.move(point.x - 30, point.y);
      await article.mouse.move(point.x, point.y, { steps: 4 });
      // The first card waits for card.js: keep the pointer alive until it is there, then pin it with a click.
      let nudge = 0;
      await until(async () => {
        await article.mouse.move(point.x + (++nudge % 2 ? 1 : -1), point.y);
        return (await cardControlAt(session, article, 'button.hide-site').catch(() => null)) !== null;
      }, 10_000, 'card');
      await article.mouse.click(point.x, point.y);
      const hide = await cardControlAt(session, article, 'button.hide-site');
      if (!hide) throw new Error('no "Hide on this site" button');
      await article.mouse.click(hide.x, hide.y);
      await until(async () => (await session.inExtension<string[]>(`return (await api.storage.local.get('settings')).settings?.disabledSites ?? [];`)).includes(site), 5000, 'site stored off');
      expect(await session.inExtension<string[]>(`return (await api.storage.local.get('settings')).settings.disabledSites;`)).toEqual([site]);
      expect(total(await readMarks(article))).toBe(0);
      const popup = await openPopup(session, article);
      await popup.waitForSelector('[role="switch"][aria-checked="false"]', { timeout: 5000 });
      expect(await popup.evaluate(() => document.body.innerText)).toContain(`Mark names on ${site}`);
      await popup.close();
      await article.close();
    } finally {
      await session.inExtension(`await api.storage.local.clear(); return true;`);
    }
  });

  it('shows replies beside allegations, opened by a real click, and lists sources cited only by replies', async () => {
    const article = await session.open(HOST, DEMO);
    await waitForMarks(article, 3);
    const popup = await openPopup(session, article);
    await popup.click('details.key-facts > summary');
    const strikes = '.key-facts [data-fact="f-used-for-strikes"]';
    await popup.waitForSelector(`${strikes} details.replies > summary`, { visible: true });
    expect(await popup.$eval(`${strikes} details.replies > summary`, (e) => e.textContent)).toBe('2 replies');
    // Folded: the count is in view, the replies are not, until the reader opens them.
    expect(await popup.$eval(`${strikes} details.replies`, (d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await popup.$eval(`${strikes} .reply`, (e) => e.checkVisibility())).toBe(false);
    await popup.click(`${strikes} details.replies > summary`);
    await popup.waitForSelector(`${strikes} .reply`, { visible: true });
    const replies = await popup.$$eval(`${strikes} .reply`, (els) => els.map((e) => (e as HTMLElement).innerText));
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatch(/^Response from Microsoft/);
    expect(replies[0]).toContain('found no evidence to date');
    expect(replies[1]).toMatch(/^Response from Israeli military spokesperson/);
    // "Since this article" (the page is of 15 Aug 2025) shows replies beside its facts too.
    expect(await popup.$$eval('.since details.replies > summary', (els) => els.length)).toBeGreaterThan(0);
    // The confirmation's limits are on screen beside the "Confirmed" fact.
    const confirmed = await popup.$eval('.key-facts [data-fact="f-confirmed-elements"] .confirmation', (e) => (e as HTMLElement).innerText);
    expect(confirmed).toMatch(/Not confirmed: call volumes, the 11,500 TB figure, storage in Ireland, or use in targeting/);
    await popup.click('details.sources > summary');
    await popup.waitForSelector('.source-list [data-source="S30"]', { visible: true });
    const s30 = await popup.$eval('.source-list [data-source="S30"]', (e) => (e as HTMLElement).innerText);
    expect(s30).toContain('Sky News (via Manx Radio)');
    expect(await popup.$('.source-list [data-source="S37"]')).not.toBeNull();
    await popup.close();
    await article.close();
  });

  it('"Show" scrolls to the first mention and opens its card', async () => {
    const article = await session.open(HOST, DEMO);
    await settle(article);
    const popup = await openPopup(session, article);
    await popupCounts(popup);
    const closed = new Promise<void>((resolve) => popup.once('close', () => resolve()));
    await popup.click('.mention[data-entity="unit-8200"] .show');
    await Promise.race([closed, new Promise((r) => setTimeout(r, 3000))]);
    const state = await waitFor(
      () =>
        article.evaluate(() => ({
          selection: document.getSelection()?.toString() ?? '',
          card: document.documentElement.querySelector(':scope > div') !== null,
        })),
      (s) => s.card,
    );
    expect(state.card).toBe(true);
    expect(state.selection).toMatch(/Unit\s8200|8200/);
    if (!popup.isClosed()) await popup.close();
    await article.close();
  });

  it('options changes apply to open tabs at once', async () => {
    const article = await session.open(HOST, DEMO);
    const before = await settle(article);
    const options = await openExtensionPage(session, 'options.html', 'input[name="mode"][value="off"]');
    await options.click('input[name="mode"][value="off"]');
    expect(total(await waitFor(() => readMarks(article), (m) => total(m) === 0))).toBe(0);
    await options.click('input[name="mode"][value="all"]');
    expect(total(await waitFor(() => readMarks(article), (m) => total(m) === total(before)))).toBe(total(before));
    await options.click('input[name="entity-microsoft"]');
    const withoutMicrosoft = await waitFor(() => readMarks(article), (m) => !countsOf(m).microsoft);
    expect(countsOf(withoutMicrosoft).microsoft).toBeUndefined();
    expect(total(withoutMicrosoft)).toBeGreaterThan(0);
    await options.click('input[name="entity-microsoft"]');
    await options.click('input[name="mode"][value="first"]');
    const first = await waitFor(() => readMarks(article), (m) => Object.values(countsOf(m)).every((n) => n === 1));
    expect(Object.values(countsOf(first)).every((n) => n === 1)).toBe(true);
    // Reset restores every default.
    await options.click('.reset-row button');
    expect(total(await waitFor(() => readMarks(article), (m) => total(m) === total(before)))).toBe(total(before));
    await options.close();
    await article.close();
  });

  it('corrupt values in storage leave the extension working with defaults', async () => {
    for (const junk of ['"garbage"', 'null', '[1,2]', '{"mode":7,"entities":"x","disabledSites":{"a":1},"style":null}', '{"schemaVersion":-1e12}']) {
      await session.inExtension(`await api.storage.local.set({ settings: ${junk} }); return true;`);
      const article = await session.open(HOST, DEMO);
      expect(total(await waitForMarks(article, 3))).toBeGreaterThan(0);
      const popup = await openPopup(session, article);
      expect(await popup.$eval('[role="switch"]', (el) => el.getAttribute('aria-checked'))).toBe('true');
      await popup.close();
      await article.close();
    }
    // The defaults: "automatic" mode.
    const options = await openExtensionPage(session, 'options.html', 'input[name="mode"][value="automatic"]:checked');
    await options.close();
    await session.inExtension(`await api.storage.local.clear(); return true;`);
  });

  it('axe-core finds no violations in the popup and the options page (English)', async () => {
    const article = await session.open(HOST, DEMO);
    await settle(article);
    const popup = await openPopup(session, article);
    await popupCounts(popup);
    expect(await axeViolations(popup)).toEqual([]);
    const options = await openExtensionPage(session, 'options.html', 'fieldset');
    expect(await axeViolations(options)).toEqual([]);
    await Promise.all([popup.close(), options.close(), article.close()]);
  });
});

describe.each(BROWSERS)('%s in Arabic', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name, { lang: 'ar' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lays out right to left and axe-core finds no violations', async () => {
    // Firefox ESR ships English only: without the Arabic language pack (Debian firefox-esr-l10n-ar)
    // `intl.locale.requested` has no effect and extensions get English messages.
    const uiLang = await session.inExtension<string>(`return api.i18n.getMessage('ui_lang');`);
    if (uiLang !== 'ar') {
      throw new Error(`${name} has no Arabic UI locale: install it with "apt-get install -y firefox-esr-l10n-ar"`);
    }
    const article = await session.open(HOST, DEMO);
    await settle(article);
    const popup = await openPopup(session, article);
    await popupCounts(popup);
    const doc = await popup.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang, text: document.body.innerText }));
    expect(doc.dir).toBe('rtl');
    expect(doc.lang).toMatch(/^ar/);
    expect(doc.text).toContain('في هذه الصفحة');
    expect(await axeViolations(popup)).toEqual([]);
    const options = await openExtensionPage(session, 'options.html', 'fieldset');
    expect(await options.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await axeViolations(options)).toEqual([]);
    await Promise.all([popup.close(), options.close(), article.close()]);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import en from '../../src/shared/locales/en.json';
import ar from '../../src/shared/locales/ar.json';
import he from '../../src/shared/locales/he.json';
import { I18n, translatorFor, type UiLocale } from '../../src/popup/i18n';
import { Popup } from '../../src/popup/Popup';
import { mockActions, mockPageInfo, mockPopupData, mockSite } from '../../src/popup/mock';
import { dateSourceKey } from '../../src/popup/SinceBlock';
import type { PopupData } from '../../src/popup/model';
import { ContentContext } from '../../src/popup/content';
import { contentFor, englishContent, type Content } from '../../src/data/content';

const EN: UiLocale = { t: translatorFor(en), lang: 'en', dir: 'ltr' };
let root: HTMLElement;

function mount(data: PopupData, locale: UiLocale = EN, content: Content = englishContent) {
  const actions = mockActions();
  root = document.createElement('div');
  document.body.append(root);
  render(h(I18n.Provider, { value: locale }, h(ContentContext.Provider, { value: content }, h(Popup, { data, actions }))), root);
  const text = () => root.textContent ?? '';
  const button = (label: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label);
  return { actions, text, button };
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Popup on a default news site', () => {
  it('shows the site switch, on', () => {
    const { button, text } = mount(mockPopupData());
    const sw = root.querySelector('[role="switch"]');
    expect(sw?.getAttribute('aria-checked')).toBe('true');
    expect(text()).toContain('Mark names on theguardian.com');
    expect(button('Enable on this site')).toBeUndefined();
  });

  it('switches the site off and on through the action', () => {
    const { actions } = mount(mockPopupData());
    root.querySelector<HTMLButtonElement>('[role="switch"]')?.click();
    expect(actions.calls).toEqual(['setSiteEnabled:false']);
  });

  it('lists mentions per name with counts and a Show button each', () => {
    const { actions, button } = mount(mockPopupData());
    const rows = [...root.querySelectorAll('.mention')].map((li) => [
      li.getAttribute('data-entity'),
      // The number as shown; the screen-reader label after it ("7 marked") is checked below.
      li.querySelector('.count')?.firstChild?.textContent,
    ]);
    expect(rows).toEqual([
      ['microsoft', '7'],
      ['azure', '3'],
      ['unit-8200', '2'],
    ]);
    expect(root.querySelector('.count')?.textContent).toBe('7 marked');
    button('Show Azure on the page')?.click();
    expect(actions.calls).toEqual(['showMention:azure']);
  });

  it('leaves out names with no mentions, and says so when there are none', () => {
    mount(mockPopupData({ page: { state: 'site', site: mockSite(), info: mockPageInfo({ counts: { microsoft: 2, azure: 0, 'unit-8200': 0 } }) } }));
    expect([...root.querySelectorAll('.mention')].map((li) => li.getAttribute('data-entity'))).toEqual(['microsoft']);
    render(null, root);
    const { text } = mount(
      mockPopupData({ page: { state: 'site', site: mockSite(), info: mockPageInfo({ counts: { microsoft: 0, azure: 0, 'unit-8200': 0 } }) } }),
    );
    expect(text()).toContain('None of the names appear on this page.');
  });

  it('shows "Since this article" with the date and where it came from', () => {
    const { text } = mount(mockPopupData());
    expect(text()).toContain('Since this article (7 Aug 2025)');
    expect(text()).toContain("Published 7 Aug 2025, from the page's metadata.");
    const shown = root.querySelectorAll('.since > .facts .fact').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(3);
    // The earlier developments, the September 2025 cut-off among them, sit in a collapsed list.
    const more = root.querySelector('.since details.since-more');
    expect(more?.querySelector('summary')?.textContent).toMatch(/^\d+ earlier developments$/);
    expect(more?.textContent).toContain('ceased and disabled');
  });

  it('says why there is one mark per name when the automatic mode found the page not about the story', () => {
    const quiet = mount(mockPopupData({ mode: 'automatic', page: { state: 'site', site: mockSite(), info: mockPageInfo({ firstOnly: true }) } }));
    expect(quiet.text()).toContain('only the first mention of each name is marked');
    render(null, root);
    const about = mount(mockPopupData({ mode: 'automatic', page: { state: 'site', site: mockSite(), info: mockPageInfo({ firstOnly: false }) } }));
    expect(about.text()).not.toContain('first mention of each name is marked');
    render(null, root);
    // Nothing marked: nothing to explain.
    const none = mockPageInfo({ firstOnly: true, counts: { microsoft: 0, azure: 0, 'unit-8200': 0 } });
    expect(mount(mockPopupData({ page: { state: 'site', site: mockSite(), info: none } })).text()).not.toContain('first mention of each name is marked');
  });

  it('has no "Since" block without a published date or when nothing came after it', () => {
    const { text } = mount(mockPopupData({ page: { state: 'site', site: mockSite(), info: mockPageInfo({ published: null }) } }));
    expect(text()).not.toContain('Since this article');
    render(null, root);
    const later = mount(
      mockPopupData({
        page: { state: 'site', site: mockSite(), info: mockPageInfo({ published: { date: '2030-01-01', from: 'json-ld' } }) },
      }),
    );
    expect(later.text()).not.toContain('Since this article');
  });

  it('hides mentions when the site is switched off', () => {
    const { text } = mount(
      mockPopupData({ page: { state: 'site', site: mockSite({ enabled: false }), info: mockPageInfo({ active: false }) } }),
    );
    expect(root.querySelector('[role="switch"]')?.getAttribute('aria-checked')).toBe('false');
    expect(text()).toContain('Off on this site');
    expect(root.querySelector('.mentions')).toBeNull();
  });

  it('asks for a reload when the page predates the extension', () => {
    const { text } = mount(mockPopupData({ page: { state: 'site', site: mockSite(), info: null } }));
    expect(text()).toContain('Reload the page');
  });

  it('offers "Grant access" when host access was revoked (Firefox)', () => {
    const { button, actions } = mount(mockPopupData({ page: { state: 'site', site: mockSite({ granted: false }), info: null } }));
    expect(root.querySelector('[role="switch"]')).toBeNull();
    button('Grant access')?.click();
    expect(actions.calls).toEqual(['grantAccess']);
  });

  it('points to the settings when marking is off everywhere', () => {
    const { text } = mount(mockPopupData({ mode: 'off', page: { state: 'site', site: mockSite(), info: mockPageInfo({ active: false }) } }));
    expect(text()).toContain('Marking is off everywhere');
  });
});

describe('Popup on other pages', () => {
  it("says it can't run on browser, store and PDF pages, and still shows the story", () => {
    const { text, button } = mount(mockPopupData({ page: { state: 'unsupported' } }));
    expect(text()).toContain("Backstory can't run on this page");
    expect(root.querySelector('[role="switch"]')).toBeNull();
    expect(button('Enable on this site')).toBeUndefined();
    expect(root.querySelector('.story .headline')?.textContent).toBeTruthy();
  });

  it('offers "Enable on this site" and "Scan this page once" outside the default list', () => {
    const site = mockSite({ kind: 'other', host: 'example.org', origin: 'https://www.example.org', granted: false });
    const { text, button, actions } = mount(mockPopupData({ page: { state: 'site', site, info: null } }));
    expect(text()).toContain("example.org is not on Backstory's list of news sites.");
    button('Enable on this site')?.click();
    button('Scan this page once')?.click();
    expect(actions.calls).toEqual(['enableSite', 'scanOnce']);
  });

  it('shows the mentions after a one-off scan', () => {
    const site = mockSite({ kind: 'other', host: 'example.org', origin: 'https://example.org', granted: false });
    const { button } = mount(mockPopupData({ page: { state: 'site', site, info: mockPageInfo() } }));
    expect(button('Scan this page once')?.disabled).toBe(true);
    expect(root.querySelectorAll('.mention').length).toBe(3);
  });

  it('offers "Remove this site" on a site the reader added', () => {
    const site = mockSite({ kind: 'added', host: 'example.org', origin: 'https://example.org' });
    const { button, actions } = mount(mockPopupData({ page: { state: 'site', site, info: mockPageInfo() } }));
    expect(root.querySelector('[role="switch"]')).not.toBeNull();
    button('Remove this site')?.click();
    expect(actions.calls).toEqual(['removeSite']);
  });

  it('shows a loading state', () => {
    const { text } = mount(mockPopupData({ page: { state: 'loading' } }));
    expect(text()).toContain('Loading…');
  });

  it('announces a failed action', () => {
    mount(mockPopupData({ notice: 'popup_denied' }));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Access was not granted.');
  });
});

describe('Story, sources, dataset', () => {
  it('shows key facts with status labels and dates, a collapsed timeline and the sources', () => {
    const data = mockPopupData();
    mount(data);
    const keyFacts = root.querySelectorAll('.key-facts .fact');
    expect(keyFacts.length).toBe(data.story.keyFactIds.length);
    expect(keyFacts[0]?.querySelector('.status')?.textContent).toMatch(/^(Reported|Confirmed|Denied|Disputed|Announced)$/);
    const timeline = root.querySelector<HTMLDetailsElement>('details.timeline');
    expect(timeline?.open).toBe(false);
    expect(timeline?.querySelectorAll('.fact').length).toBe(data.story.timelineIds.length);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.source-list a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
      expect(a.href).toMatch(/^https:\/\//);
    }
  });

  it('shows every reply beside its allegation, folded under its count, in key facts, timeline and since', () => {
    const data = mockPopupData({ page: { state: 'site', site: mockSite(), info: mockPageInfo({ published: { date: '2025-03-01', from: 'json-ld' } }) } });
    mount(data);
    const byId = new Map(data.story.facts.map((f) => [f.id, f]));
    const lines = [...root.querySelectorAll<HTMLElement>('.key-facts .fact, .timeline .fact, .since .fact')];
    expect(lines.length).toBeGreaterThan(data.story.keyFactIds.length + data.story.timelineIds.length);
    for (const line of lines) {
      const fact = byId.get(line.dataset['fact'] ?? '')!;
      const ids = [...line.querySelectorAll<HTMLElement>('.reply')].map((r) => r.dataset['response']);
      expect(ids, fact.id).toEqual(fact.responseIds ?? []);
      const summary = line.querySelector('details.replies > summary')?.textContent ?? null;
      const n = fact.responseIds?.length ?? 0;
      expect(summary, fact.id).toBe(n === 0 ? null : n === 1 ? '1 reply' : `${n} replies`);
    }
    const strikes = root.querySelector('.key-facts [data-fact="f-used-for-strikes"]');
    expect(strikes?.textContent).toContain('found no evidence to date');
    expect(strikes?.querySelector('.reply-by')?.textContent).toMatch(/^Response from /);
  });

  it('says what a confirmation covered and what it did not, and when a fact became public', () => {
    mount(mockPopupData());
    const confirmed = root.querySelector('.key-facts [data-fact="f-confirmed-elements"] .confirmation')?.textContent ?? '';
    expect(confirmed).toContain('Confirmed by \u2068Brad Smith (Microsoft)\u2069:');
    expect(confirmed).toContain('Not confirmed: call volumes, the 11,500 TB figure, storage in Ireland, or use in targeting');
    const meeting = root.querySelector('.key-facts [data-fact="f-sariel-nadella-meeting"] .fact-meta')?.textContent ?? '';
    expect(meeting).toContain('Late 2021');
    expect(meeting).toContain('reported \u20686 Aug 2025\u2069');
  });

  it('lists every source it cites, including those cited only by replies', () => {
    const data = mockPopupData();
    mount(data);
    const listed = [...root.querySelectorAll<HTMLElement>('.source-list .source')].map((s) => s.dataset['source']);
    const cited = new Set([...data.story.facts, ...data.story.responses].flatMap((x) => x.sourceIds));
    expect(new Set(listed)).toEqual(cited);
    expect(listed).toContain('S30');
    expect(listed).toContain('S37');
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('shows the dataset version, as-of date, hash and the privacy line', () => {
    const data = mockPopupData();
    const { text } = mount(data);
    expect(text()).toContain(`Dataset ${data.dataset.version}`);
    expect(text()).toContain(`#${data.dataset.hash}`);
    expect(text()).toContain('Backstory makes no network requests; nothing leaves your browser.');
  });

  it('marks each untranslated item as English inside an Arabic UI', () => {
    // No Arabic translation at all: every item falls back to English, each one marked.
    const { text } = mount(mockPopupData(), { t: translatorFor(ar), lang: 'ar', dir: 'rtl' }, contentFor('ar', {}));
    expect(text()).toContain('لا يُرسل Backstory أي طلبات عبر الشبكة');
    expect(root.querySelector('.summary')?.getAttribute('lang')).toBe('en');
    expect(root.querySelector('.eyebrow .in-en')?.textContent).toBe('بالإنجليزية');
    const facts = [...root.querySelectorAll('.fact')];
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) expect(fact.querySelector(':scope > .fact-meta > .in-en')?.textContent, fact.getAttribute('data-fact') ?? '').toBe('بالإنجليزية');
  });
});

describe('messages', () => {
  it('every key has an Arabic and a Hebrew translation with the same placeholders', () => {
    for (const catalog of [ar, he] as Record<string, { message: string; placeholders?: object }>[]) {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      for (const [key, entry] of Object.entries(en) as [string, { message: string; placeholders?: object }][]) {
        const other = catalog[key];
        expect(other?.message, key).toBeTruthy();
        const names = (m: string) => [...m.matchAll(/\$([A-Z]+)\$/g)].map((x) => x[1]).sort();
        const hashFree = (m: string) => m.replace(/#?\$HASH\$/, "$HASH$");
        expect(names(hashFree(other?.message ?? "")), key).toEqual(names(hashFree(entry.message)));
        expect(other?.placeholders, key).toEqual(entry.placeholders);
      }
    }
  });

  it('the manifest messages exist', () => {
    for (const key of ['extName', 'extDescription', 'actionTitle', 'commandOpenPopup', 'commandNextMention', 'commandPreviousMention']) {
      expect(en).toHaveProperty(key);
    }
  });

  it.each([
    ['json-ld', 'popup_fromStructured'],
    ['article:published_time', 'popup_fromMetadata'],
    ['meta:parsely-pub-date', 'popup_fromMetadata'],
    ['itemprop', 'popup_fromMarkup'],
    ['time', 'popup_fromTime'],
    ['something-new', 'popup_fromPage'],
  ])('date source %s → %s', (from, key) => {
    expect(dateSourceKey(from)).toBe(key);
  });
});

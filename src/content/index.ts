/**
 * Backstory's content script: decides whether to run on this page, finds and marks the mentions,
 * follows live changes, answers the popup and the keyboard commands, and hosts the card.
 *
 * It changes nothing in the page's DOM: marks are CSS highlights; the card's host element is
 * added under <html> only when the reader opens a card.
 */
import { entityAliases, otherNames } from '../data/aliases';
import { compileMatcher } from '../detect';
import { handle, sendToBackground, type ContentCalls, type MentionCounts, type PageInfo } from '../shared/messages';
import { loadSettings, STORAGE_KEY as SETTINGS_KEY, validatePageSettings, type PageSettings } from '../shared/settings';
import { isSiteDisabled, siteKeyFromUrl } from '../shared/sites';
import type { Card } from './card-actions';
import { CARD_MODULE, type CardModule, type CardScope } from './card-module';
import type { Dismissals } from './dismissals';
import { mayHaveDismissals } from './dismissed-probe';
import { DISMISSED_KEY } from '../shared/dismissed';
import { api } from '../shared/browser';
import { highlightsSupported, Painter } from './highlights';
import { observeChanges } from './live';
import type { MarkChange, Mention } from './mention';
import { Scanner } from './scanner';
import { ShownMarks } from './shown';
import { TopicReader } from './topic';

/** Shared between injections into the same page (the activeTab "scan once" re-injects). */
const INSTANCE = Symbol.for('backstory.instance');

/** The reader's dismissed marks changed: what is shown is chosen again from the whole list. */
const RESELECT: MarkChange = { reset: true, added: [], dropped: [] };

/** Members are `#` private: the minifier shortens their names, and content.js has a size budget (30 KB gzipped). */
class Backstory {
  readonly #matcher = compileMatcher(entityAliases, otherNames);
  readonly #scanner = new Scanner(document, this.#matcher);
  readonly #painter = new Painter();
  readonly #shown = new ShownMarks(this.#painter);
  readonly #lifetime = new AbortController();
  readonly #site = siteKeyFromUrl(location.href);
  /** The reader's dismissed marks on this site; null until the site has any (see dismissals.ts). */
  #dismissals: Dismissals | null = null;
  #module: Promise<CardModule | undefined> | null = null;
  #running: AbortController | null = null;
  #card: Card | null = null;
  #cardLoading: Promise<Card | null> | null = null;
  #stylesLoading: Promise<unknown> | null = null;
  #settings: PageSettings | null = null;
  #lastReported = '';
  /** The last repaint marked only the first mention of each name because the page is not about the story. */
  #firstOnly = false;
  readonly #topic = new TopicReader(
    document,
    () => this.#scanner.scopeRoots(),
    () => this.#repaint(null),
    () => this.#cardModule().then((module) => module?.articleAboutStory),
  );

  async start(): Promise<void> {
    const signal = this.#lifetime.signal;
    // One listener for both keys. Settings changes count once the first read is in: one that arrived
    // while it ran may be older than what it read.
    let read = false;
    const onStored = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (DISMISSED_KEY in changes) void this.#takeDismissed(changes[DISMISSED_KEY]?.newValue);
      if (read && SETTINGS_KEY in changes) this.#apply(validatePageSettings(changes[SETTINGS_KEY]?.newValue));
    };
    api.storage.onChanged.addListener(onStored);
    signal.addEventListener('abort', () => api.storage.onChanged.removeListener(onStored), { once: true });
    // Dismissed marks are known before the first paint, so a reload never flashes them. For display
    // only: an unreadable store shows every mark, and nothing read here is ever written.
    const stored = api.storage.local.get(DISMISSED_KEY).then((s) => this.#takeDismissed(s[DISMISSED_KEY]), () => undefined);
    [this.#settings] = await Promise.all([loadSettings(), stored]);
    read = true;
    this.#scanner.onChange((change) => {
      this.#topic.note(this.#scanner.list(), change);
      this.#repaint(change);
    }, signal);
    handle<ContentCalls>(
      {
        getPageInfo: () => this.#pageInfo(),
        getCounts: () => this.#counts(),
        // The commands and the popup's list are answered by card.js (card-actions.ts), payloads checked there.
        showMention: async (payload) => (await this.#loadCard())?.showMention(payload) ?? false,
        stepMention: async (payload) => (await this.#loadCard())?.stepMention(payload) ?? false,
        // Dismissals exist only once card.js is loaded (they come from it).
        dismissedSentences: async (payload) =>
          this.#dismissals ? ((await this.#cardModule())?.dismissedSentences(this.#dismissals, this.#scanner.list(), payload) ?? {}) : {},
      },
      signal,
    );
    this.#apply(this.#settings);
  }

  #active(settings: PageSettings): boolean {
    const host = this.#site;
    return settings.mode !== 'off' && !(host !== null && isSiteDisabled(settings, host));
  }

  /** Bring the page in line with the settings: start, stop or repaint. */
  #apply(settings: PageSettings): void {
    this.#settings = settings;
    if (!this.#active(settings)) {
      this.#stop();
      return;
    }
    if (!this.#running) {
      const running = (this.#running = new AbortController());
      void this.#scanner.scanAll(running.signal);
      const target = document.body ?? document.documentElement;
      observeChanges(
        target,
        ({ touched, added, removed }) => {
          if (!this.#scanner.rescan(touched, added, removed)) void this.#scanner.scanAll(running.signal);
        },
        running.signal,
      );
      return;
    }
    this.#repaint(null);
  }

  #stop(): void {
    this.#running?.abort();
    this.#running = null;
    // After "Hide on this site" the card stays to say so and offer Undo.
    if (!this.#card?.holding()) {
      this.#card?.destroy();
      this.#card = null;
      this.#cardLoading = null;
    }
    this.#scanner.clear();
    this.#shown.clear();
    this.#report();
  }

  /**
   * Bring the marks in line with a change of the scanner's list, or with the settings (`change` null).
   * Only the changed marks are painted and indexed (see ShownMarks).
   */
  #repaint(change: MarkChange | null): void {
    const settings = this.#settings;
    if (!settings || !this.#running) return;
    const all = this.#scanner.list();
    const aboutStory = settings.mode === 'automatic' && all.length > 0 && this.#topic.aboutStory();
    this.#firstOnly = settings.mode === 'automatic' && !aboutStory;
    // The reader's dismissed marks are left out here, after the scan: never shown, counted or stepped to.
    const list = this.#dismissals?.filter(all) ?? all;
    const shownChange = change && list !== all ? { ...change, added: this.#dismissals?.filter(change.added) ?? [] } : change;
    this.#shown.update(list, shownChange, { ...settings, aboutStory }, settings.style === 'background');
    // The highlight styles, and the hover, focus and touch listeners of the card bundle, come once
    // there is something to mark: a page without a mention cannot tell Backstory is installed.
    if (this.#shown.size() > 0) {
      this.#stylesLoading ??= sendToBackground('insertHighlightStyles', {}).catch(() => {
        this.#stylesLoading = null; // the background may be restarting; the next repaint asks again
      });
      void this.#loadCard();
    }
    this.#report();
  }

  #counts(): MentionCounts {
    return this.#shown.counts();
  }

  /** Tell the background the badge count, only when it changed. */
  #report(): void {
    const counts = this.#counts();
    const key = JSON.stringify(counts);
    if (key === this.#lastReported) return;
    this.#lastReported = key;
    sendToBackground('reportMentions', { counts }).catch(() => {
      // The background may be restarting; the next change reports again.
      this.#lastReported = '';
    });
  }

  async #pageInfo(): Promise<PageInfo> {
    // "Since this article" only on a page that names the story's parties: a page without a mark is
    // not about it, and opening the popup there must not load card.js (where the date reader lives).
    // The date first: it may wait for card.js, and the counts must be those of the moment of the answer.
    // Null when card.js could not load (asked again next time).
    const published = this.#shown.size() > 0 ? ((await this.#cardModule().catch(() => undefined))?.publishedInfo() ?? null) : null;
    return { active: this.#running !== null, counts: this.#counts(), published, firstOnly: this.#firstOnly };
  }

  /** card.js, loaded once through the background (see card-module.ts); rejects when that failed. */
  #cardModule(): Promise<CardModule | undefined> {
    if (!this.#module) {
      const loading = (async () => {
        const scope = globalThis as CardScope;
        if (!scope[CARD_MODULE]) await sendToBackground('loadCard', {});
        return scope[CARD_MODULE];
      })();
      // The background may be restarting: the next use asks again.
      loading.catch(() => {
        if (this.#module === loading) this.#module = null;
      });
      this.#module = loading;
    }
    return this.#module;
  }

  /** A new stored value of the dismissed marks (any shape): repaint if this site's set changed. */
  async #takeDismissed(raw: unknown): Promise<void> {
    if (!this.#dismissals) {
      if (this.#site === null || !mayHaveDismissals(raw, this.#site)) return;
      // Not loaded (the background restarting): every mark shows, as on a failed read.
      const module = await this.#cardModule().catch(() => undefined);
      if (!module) return;
      this.#dismissals ??= new module.Dismissals(this.#site);
    }
    if (this.#dismissals.update(raw)) this.#repaint(RESELECT);
  }

  /** Load card.js and create the card UI once; what its buttons do is in card.js (card-actions.ts). */
  #loadCard(): Promise<Card | null> {
    this.#cardLoading ??= (async () => {
      const module = await this.#cardModule();
      if (!module || !this.#running) return null;
      this.#card ??= module.createCard({
        marks: { visible: this.#shown, paint: this.#painter, order: () => this.#scanner.list() },
        site: this.#site,
        stop: () => this.#stop(),
        resume: () => this.#settings && this.#apply(this.#settings),
        dismissals: (made) => (this.#dismissals ??= made),
        reselect: () => this.#repaint(RESELECT),
        clickOnly: () => this.#settings?.clickOnly === true,
        signal: this.#lifetime.signal,
      });
      return this.#card;
    })().catch(() => {
      // The background may be restarting; the next repaint or command tries again.
      this.#cardLoading = null;
      return null;
    });
    return this.#cardLoading;
  }
}

function boot(): void {
  const scope = globalThis as { [INSTANCE]?: Backstory };
  if (scope[INSTANCE]) return; // already running in this page (scan-once after a registered injection)
  const type = document.contentType;
  if (type !== 'text/html' && type !== 'application/xhtml+xml') return;
  if (!highlightsSupported()) return;
  const instance = new Backstory();
  scope[INSTANCE] = instance;
  instance.start().catch((error: unknown) => {
    // A content script must never break the page; report for developers only.
    console.debug('Backstory could not start:', error);
  });
}

boot();

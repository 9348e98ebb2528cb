/**
 * Backstory's content script: decides whether to run on this page, finds and marks the mentions,
 * follows live changes, answers the popup and the keyboard commands, and hosts the card.
 *
 * It changes nothing in the page's DOM: marks are CSS highlights; the card's host element is
 * added under <html> only when the reader opens a card.
 */
import { entityAliases, otherNames } from '../data/aliases';
import { compileMatcher } from '../detect';
import { handle, sendToBackground, type ContentCalls, type MentionCounts, type PageInfo, type PublishedInfo } from '../shared/messages';
import { loadSettings, onPageSettingsChanged, type PageSettings } from '../shared/settings';
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

class Backstory {
  private readonly matcher = compileMatcher(entityAliases, otherNames);
  private readonly scanner = new Scanner(document, this.matcher);
  private readonly painter = new Painter();
  private readonly shown = new ShownMarks(this.painter);
  private readonly lifetime = new AbortController();
  private readonly site = siteKeyFromUrl(location.href);
  /** The reader's dismissed marks on this site; null until the site has any (see dismissals.ts). */
  private dismissals: Dismissals | null = null;
  private module: Promise<CardModule | undefined> | null = null;
  private running: AbortController | null = null;
  private card: Card | null = null;
  private cardLoading: Promise<Card | null> | null = null;
  private stylesLoading: Promise<unknown> | null = null;
  private settings: PageSettings | null = null;
  private lastReported = '';
  private published: Promise<PublishedInfo | null> | undefined;
  /** The last repaint marked only the first mention of each name because the page is not about the story. */
  private firstOnly = false;
  private readonly topic = new TopicReader(
    document,
    () => this.scanner.scopeRoots(),
    () => this.repaint(null),
    () => this.cardModule().then((module) => module?.articleAboutStory),
  );

  async start(): Promise<void> {
    const signal = this.lifetime.signal;
    const onStored = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && DISMISSED_KEY in changes) void this.takeDismissed(changes[DISMISSED_KEY]?.newValue);
    };
    api.storage.onChanged.addListener(onStored);
    signal.addEventListener('abort', () => api.storage.onChanged.removeListener(onStored), { once: true });
    // Dismissed marks are known before the first paint, so a reload never flashes them. For display
    // only: an unreadable store shows every mark, and nothing read here is ever written.
    const stored = api.storage.local.get(DISMISSED_KEY).then((s) => this.takeDismissed(s[DISMISSED_KEY]), () => undefined);
    [this.settings] = await Promise.all([loadSettings(), stored]);
    onPageSettingsChanged((s) => this.apply(s), signal);
    this.scanner.onChange((change) => {
      this.topic.note(this.scanner.list(), change);
      this.repaint(change);
    }, signal);
    handle<ContentCalls>(
      {
        getPageInfo: () => this.pageInfo(),
        getCounts: () => this.counts(),
        // The commands and the popup's list are answered by card.js (card-actions.ts), payloads checked there.
        showMention: async (payload) => (await this.loadCard())?.showMention(payload) ?? false,
        stepMention: async (payload) => (await this.loadCard())?.stepMention(payload) ?? false,
        // Dismissals exist only once card.js is loaded (they come from it).
        dismissedSentences: async (payload) =>
          this.dismissals ? ((await this.cardModule())?.dismissedSentences(this.dismissals, this.scanner.list(), payload) ?? {}) : {},
      },
      signal,
    );
    this.apply(this.settings);
  }

  private active(settings: PageSettings): boolean {
    const host = this.site;
    return settings.mode !== 'off' && !(host !== null && isSiteDisabled(settings, host));
  }

  /** Bring the page in line with the settings: start, stop or repaint. */
  private apply(settings: PageSettings): void {
    this.settings = settings;
    if (!this.active(settings)) {
      this.stop();
      return;
    }
    if (!this.running) {
      const running = (this.running = new AbortController());
      void this.scanner.scanAll(running.signal);
      const target = document.body ?? document.documentElement;
      observeChanges(
        target,
        ({ touched, added, removed }) => {
          if (!this.scanner.rescan(touched, added, removed)) void this.scanner.scanAll(running.signal);
        },
        running.signal,
      );
      return;
    }
    this.repaint(null);
  }

  private stop(): void {
    this.running?.abort();
    this.running = null;
    // After "Hide on this site" the card stays to say so and offer Undo.
    if (!this.card?.holding()) {
      this.card?.destroy();
      this.card = null;
      this.cardLoading = null;
    }
    this.scanner.clear();
    this.shown.clear();
    this.report();
  }

  /**
   * Bring the marks in line with a change of the scanner's list, or with the settings (`change` null).
   * Only the changed marks are painted and indexed (see ShownMarks).
   */
  private repaint(change: MarkChange | null): void {
    const settings = this.settings;
    if (!settings || !this.running) return;
    const all = this.scanner.list();
    const aboutStory = settings.mode === 'automatic' && all.length > 0 && this.topic.aboutStory();
    this.firstOnly = settings.mode === 'automatic' && !aboutStory;
    // The reader's dismissed marks are left out here, after the scan: never shown, counted or stepped to.
    const list = this.dismissals?.filter(all) ?? all;
    const shownChange = change && list !== all ? { ...change, added: this.dismissals?.filter(change.added) ?? [] } : change;
    this.shown.update(list, shownChange, { ...settings, aboutStory }, settings.style === 'background');
    // The highlight styles, and the hover, focus and touch listeners of the card bundle, come once
    // there is something to mark: a page without a mention cannot tell Backstory is installed.
    if (this.shown.size() > 0) {
      this.stylesLoading ??= sendToBackground('insertHighlightStyles', {}).catch(() => {
        this.stylesLoading = null; // the background may be restarting; the next repaint asks again
      });
      void this.loadCard();
    }
    this.report();
  }

  private counts(): MentionCounts {
    return this.shown.counts();
  }

  /** Tell the background the badge count, only when it changed. */
  private report(): void {
    const counts = this.counts();
    const key = JSON.stringify(counts);
    if (key === this.lastReported) return;
    this.lastReported = key;
    sendToBackground('reportMentions', { counts }).catch(() => {
      // The background may be restarting; the next change reports again.
      this.lastReported = '';
    });
  }

  /** Read once, by card.js (card-module.ts); null when it could not load (asked again next time). */
  private publishedInfo(): Promise<PublishedInfo | null> {
    this.published ??= this.cardModule().then(
      (module) => module?.findPublishedDate(document) ?? null,
      () => {
        this.published = undefined;
        return null;
      },
    );
    return this.published;
  }

  private async pageInfo(): Promise<PageInfo> {
    // "Since this article" only on a page that names the story's parties: a page without a mark is
    // not about it, and opening the popup there must not load card.js (where the date reader lives).
    const marked = Object.values(this.counts()).some((n) => n > 0);
    // The date first: it may wait for card.js, and the counts must be those of the moment of the answer.
    const published = marked ? await this.publishedInfo() : null;
    return { active: this.running !== null, counts: this.counts(), published, firstOnly: this.firstOnly };
  }

  /** card.js, loaded once through the background (see card-module.ts); rejects when that failed. */
  private cardModule(): Promise<CardModule | undefined> {
    if (!this.module) {
      const loading = (async () => {
        const scope = globalThis as CardScope;
        if (!scope[CARD_MODULE]) await sendToBackground('loadCard', {});
        return scope[CARD_MODULE];
      })();
      // The background may be restarting: the next use asks again.
      loading.catch(() => {
        if (this.module === loading) this.module = null;
      });
      this.module = loading;
    }
    return this.module;
  }

  /** A new stored value of the dismissed marks (any shape): repaint if this site's set changed. */
  private async takeDismissed(raw: unknown): Promise<void> {
    if (!this.dismissals) {
      if (this.site === null || !mayHaveDismissals(raw, this.site)) return;
      // Not loaded (the background restarting): every mark shows, as on a failed read.
      const module = await this.cardModule().catch(() => undefined);
      if (!module) return;
      this.dismissals ??= new module.Dismissals(this.site);
    }
    if (this.dismissals.update(raw)) this.repaint(RESELECT);
  }

  /** Load card.js and create the card UI once; what its buttons do is in card.js (card-actions.ts). */
  private loadCard(): Promise<Card | null> {
    this.cardLoading ??= (async () => {
      const module = await this.cardModule();
      if (!module || !this.running) return null;
      this.card ??= module.createCard({
        marks: { visible: this.shown, guard: this.painter, order: () => this.scanner.list() },
        site: this.site,
        stop: () => this.stop(),
        resume: () => this.settings && this.apply(this.settings),
        dismissals: (made) => (this.dismissals ??= made),
        reselect: () => this.repaint(RESELECT),
        clickOnly: () => this.settings?.clickOnly === true,
        signal: this.lifetime.signal,
      });
      return this.card;
    })().catch(() => {
      // The background may be restarting; the next repaint or command tries again.
      this.cardLoading = null;
      return null;
    });
    return this.cardLoading;
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

/**
 * Backstory's content script: decides whether to run on this page, finds and marks the mentions,
 * follows live changes, answers the popup and the keyboard commands, and hosts the card.
 *
 * It changes nothing in the page's DOM: marks are CSS highlights; the card's host element is
 * added under <html> only when the reader opens a card.
 */
import { entityAliases, otherNames } from '../data/aliases';
import { compileMatcher } from '../detect';
import { ENTITY_IDS, type EntityId } from '../data/types';
import { handle, sendToBackground, type ContentCalls, type MentionCounts, type PageInfo, type PublishedInfo } from '../shared/messages';
import { loadSettings, onSettingsChanged, type Settings } from '../shared/settings';
import { isSiteDisabled, siteKeyFromUrl } from '../shared/sites';
import type { CardUI } from './interaction';
import { CARD_MODULE, type CardScope } from './card-module';
import { highlightsSupported, Painter } from './highlights';
import { observeChanges } from './live';
import { findPublishedDate } from './published-date';
import type { MarkChange } from './mention';
import { Scanner } from './scanner';
import { ShownMarks } from './shown';
import { TopicReader } from './topic';
import { VisibleIndex } from './visible-index';

/** Shared between injections into the same page (the activeTab "scan once" re-injects). */
const INSTANCE = Symbol.for('backstory.instance');

class Backstory {
  private readonly matcher = compileMatcher(entityAliases, otherNames);
  private readonly scanner = new Scanner(document, this.matcher);
  private readonly painter = new Painter();
  private readonly visible = new VisibleIndex(this.painter, () => this.scanner.list());
  private readonly shown = new ShownMarks(this.painter, this.visible);
  private readonly lifetime = new AbortController();
  private running: AbortController | null = null;
  private card: CardUI | null = null;
  private cardLoading: Promise<CardUI | null> | null = null;
  private stylesLoading: Promise<unknown> | null = null;
  private settings: Settings | null = null;
  private lastReported = '';
  private published: PublishedInfo | null | undefined;
  private readonly topic = new TopicReader(
    document,
    () => this.scanner.scopeRoots(),
    () => this.repaint(null),
  );

  async start(): Promise<void> {
    const signal = this.lifetime.signal;
    this.settings = await loadSettings();
    onSettingsChanged((s) => this.apply(s), signal);
    this.scanner.onChange((change) => {
      this.topic.note(this.scanner.list(), change);
      this.repaint(change);
    }, signal);
    handle<ContentCalls>(
      {
        getPageInfo: () => this.pageInfo(),
        showMention: async (payload) => {
          const { entityId, index } = (payload ?? {}) as { entityId?: unknown; index?: unknown };
          if (!ENTITY_IDS.includes(entityId as EntityId) || typeof index !== 'number' || !Number.isInteger(index)) return false;
          return (await this.loadCard())?.show(entityId as EntityId, index) ?? false;
        },
        stepMention: async (payload) => {
          const direction = (payload as { direction?: unknown } | null)?.direction;
          if (direction !== 1 && direction !== -1) return false;
          return (await this.loadCard())?.step(direction) ?? false;
        },
      },
      signal,
    );
    this.apply(this.settings);
  }

  private active(settings: Settings): boolean {
    const host = siteKeyFromUrl(location.href);
    return settings.mode !== 'off' && !(host !== null && isSiteDisabled(settings, host));
  }

  /** Bring the page in line with the settings: start, stop or repaint. */
  private apply(settings: Settings): void {
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
    const list = this.scanner.list();
    const aboutStory = settings.mode === 'automatic' && list.length > 0 && this.topic.aboutStory();
    this.shown.update(list, change, { ...settings, aboutStory }, settings.style === 'background');
    // The highlight styles, and the hover, focus and touch listeners of the card bundle, come once
    // there is something to mark: a page without a mention cannot tell Backstory is installed.
    if (this.visible.size() > 0) {
      this.stylesLoading ??= sendToBackground('insertHighlightStyles', {}).catch(() => {
        this.stylesLoading = null; // the background may be restarting; the next repaint asks again
      });
      void this.loadCard();
    }
    this.report();
  }

  private counts(): MentionCounts {
    return this.visible.counts();
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

  private publishedInfo(): PublishedInfo | null {
    if (this.published === undefined) this.published = findPublishedDate(document);
    return this.published;
  }

  private pageInfo(): PageInfo {
    return { active: this.running !== null, counts: this.counts(), published: this.publishedInfo() };
  }

  /** Load card.js (through the background, see card-module.ts) and create the card UI once. */
  private loadCard(): Promise<CardUI | null> {
    this.cardLoading ??= (async () => {
      const scope = globalThis as CardScope;
      if (!scope[CARD_MODULE]) await sendToBackground('loadCard', {});
      const module = scope[CARD_MODULE];
      if (!module || !this.running) return null;
      this.card ??= module.createCardUI({
        index: this.visible,
        getPublished: () => this.publishedInfo(),
        hideSite: () => void this.hideSite(),
        undoHide: () => void this.undoHide(),
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

  private async hideSite(): Promise<void> {
    const host = siteKeyFromUrl(location.href);
    if (host === null) return;
    // Stop at once; the background's writer saves the change and the storage change then reaches
    // every other tab of this site. This script never writes settings itself (its read may have
    // fallen back to defaults), and if the change was not saved the marks come back, as on reload.
    this.stop();
    const saved = await sendToBackground('changeSettings', { change: { op: 'setSiteEnabled', site: host, on: false } }).catch(
      () => null,
    );
    if (!saved?.ok && this.settings) this.apply(this.settings);
  }

  private async undoHide(): Promise<void> {
    const host = siteKeyFromUrl(location.href);
    if (host === null) return;
    // Through the background's writer, like hideSite; the storage change then brings the marks back
    // in every tab of this site.
    await sendToBackground('changeSettings', { change: { op: 'setSiteEnabled', site: host, on: true } }).catch(() => null);
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

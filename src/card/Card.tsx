/**
 * The card: a non-modal dialog about one entity and its story. Pure view of (model, actions); the host
 * (src/content/card-host.ts) positions it, and src/content/interaction.ts owns focus and lifetime.
 *
 * Order (DESIGN.md "The card"): the story's headline and one-line summary, then the name, then the
 * reader's actions, then "Since this article" (one line with its count until opened), the key facts and
 * the sources. The whole card is one scroller, header included, so at 400% zoom every part can be
 * scrolled to, and arrow keys, Page Up/Down and Space scroll it while it (or a control in it) has focus.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { CardModel } from './model';
import type { CardLocale, Translate } from './i18n';
import { contentDate } from '../data/content';
import { CloseButton } from './CloseButton';
import { FactItem } from './FactItem';
import { SourceList } from './SourceList';
import { OffNotice, type OffState } from './OffNotice';
import { NotAboutStory } from './NotAboutStory';
import { SourceLabels, sourceLabels, splitSummary } from './source-labels';
import { EnglishMark, QuoteOriginal, langOf } from './ItemText';

export interface CardProps {
  model: CardModel;
  t: Translate;
  locale: CardLocale;
  dir: 'ltr' | 'rtl';
  theme: 'light' | 'dark';
  /** ISO date of the page, when known, for the "Since this article" heading. */
  publishedDate: string | null;
  onClose: () => void;
  onHideSite: () => void;
  /** "Not about this story" for the mark the card opened on (absent: not offered). */
  onDismiss?: (() => void) | undefined;
  /** Tab past the last control (1) or Shift+Tab before the first (-1): back to the page. */
  onLeave?: ((direction: 1 | -1) => void) | undefined;
  /** The keyboard commands' shortcuts, shown as a hint; absent once the reader has seen it. */
  keys?: { next: string; prev: string } | null | undefined;
  /** After "Hide on this site": the card becomes the message with its undo. */
  off?: OffState | null | undefined;
}

// <summary> too: folded replies (FactItem) open with one.
const TABBABLE = 'button:not([disabled]), a[href], summary, [tabindex="0"]';

/**
 * Whether Tab can reach `el`: laid out, and not inside a closed <details> (other than its own summary).
 * Chromium keeps layout boxes for a closed details' content (content-visibility: hidden), so client
 * rects alone would count folded reply citations that Tab skips.
 */
function reachable(el: HTMLElement): boolean {
  if (el.getClientRects().length === 0) return false;
  const closed = el.closest('details:not([open])');
  return closed === null || (el.localName === 'summary' && el.parentElement === closed);
}

function tabbables(card: HTMLElement): HTMLElement[] {
  return [...card.querySelectorAll<HTMLElement>(TABBABLE)].filter(reachable);
}

/**
 * The card's own scrolling keys, the same in every browser: arrows, Page Up/Down, Home/End, and Space on
 * the card itself (on a button Space presses it). Firefox leaves these to the page when the focused
 * scroller sits in a shadow root's top-layer popover, and the page then scrolled the card out of sight.
 */
function scrollByKey(event: KeyboardEvent, card: HTMLElement): boolean {
  const page = Math.max(40, card.clientHeight - 40);
  const steps: Record<string, number> = {
    ArrowDown: 40,
    ArrowUp: -40,
    PageDown: page,
    PageUp: -page,
    End: card.scrollHeight,
    Home: -card.scrollHeight,
  };
  let dy = event.shiftKey ? undefined : steps[event.key];
  if (event.key === ' ' && event.target === card) dy = event.shiftKey ? -page : page;
  if (dy === undefined) return false;
  event.preventDefault();
  card.scrollBy({ top: dy, behavior: 'instant' });
  return true;
}

export function Card(props: CardProps) {
  const { model, t, locale, dir, theme, publishedDate, onClose, onHideSite, onDismiss, onLeave, keys, off } = props;
  const { entity, storyText, entityText } = model;
  // Open/closed parts belong to one entity's card: another name's card starts collapsed again.
  const [open, setOpen] = useState({ entity: entity.id, summary: false, since: model.since.length === 1 });
  const state = open.entity === entity.id ? open : { entity: entity.id, summary: false, since: model.since.length === 1 };
  const expanded = state.summary;
  const sinceOpen = state.since;
  const setExpanded = (summary: boolean) => setOpen({ ...state, summary });
  const setSinceOpen = (since: boolean) => setOpen({ ...state, since });
  const sourcesRef = useRef<HTMLOListElement>(null);
  // The focus ring on the card itself shows for keyboard readers (the commands, Tab into the card),
  // whatever the browser's :focus-visible guess for a programmatic focus; a click inside hides it.
  const [byPointer, setByPointer] = useState(false);
  const summaryText = storyText.text.summary ?? '';
  const summary = useMemo(() => splitSummary(summaryText, storyText.lang), [summaryText, storyText.lang]);
  const labels = useMemo(() => sourceLabels(model.sources, t), [model.sources, t]);
  // UI dates ("As of", "Since") read like the content's dates: same language, same (Western) digits.
  const uiDate = (iso: string) => contentDate(iso, locale);

  const jumpToSource = (n: number) => {
    const item = sourcesRef.current?.querySelector<HTMLElement>(`[data-n="${String(n)}"]`);
    if (!item) return;
    item.scrollIntoView({ block: 'nearest' });
    item.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (byPointer) setByPointer(false);
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const card = event.currentTarget as HTMLElement;
    if (scrollByKey(event, card)) return;
    if (event.key !== 'Tab' || !onLeave) return;
    const active = (card.getRootNode() as Document | ShadowRoot).activeElement;
    const items = tabbables(card);
    const leaving = event.shiftKey ? active === card || active === items[0] : active === items.at(-1);
    if (!leaving) return;
    event.preventDefault();
    onLeave(event.shiftKey ? -1 : 1);
  };

  // Firefox scrolls a focused control only until part of it shows; keep all of it inside the scroller.
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target as HTMLElement;
    if (target !== event.currentTarget) target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  const frame = {
    class: byPointer ? 'card by-pointer' : 'card',
    'data-theme': theme,
    role: 'dialog',
    dir,
    lang: locale,
    tabIndex: -1,
    onKeyDown,
    onFocusIn,
    onPointerDown: () => setByPointer(true),
  } as const;

  if (off) {
    return (
      <div {...frame} class={`${frame.class} card-off`} aria-labelledby="bs-off">
        <OffNotice off={off} t={t} onClose={onClose} />
      </div>
    );
  }

  return (
    <div {...frame} aria-labelledby="bs-name" aria-describedby="bs-headline">
      <header class="head">
        <div class="titles">
          <p class="kicker">
            {t('card_storyLabel')}
            {storyText.fallback && <span aria-hidden="true"> · </span>}
            <EnglishMark view={storyText} t={t} />
          </p>
          <p id="bs-headline" class="headline" {...langOf(storyText)}>
            {storyText.text.headline}
          </p>
        </div>
        <CloseButton label={t('card_close')} onClose={onClose} />
      </header>

      <div class="lede" {...langOf(storyText)}>
        <p class="oneline">{summary.lead}</p>
        {summary.rest && (
          <>
            {/* The rest of the summary opens below the button, where the reader's focus already is. */}
            <button
              type="button"
              class="link more"
              aria-expanded={expanded}
              aria-controls="bs-summary"
              lang={locale}
              dir={dir}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? t('card_less') : t('card_more')}
            </button>
            <p id="bs-summary" class="summary" hidden={!expanded}>
              {summary.rest}
            </p>
          </>
        )}
        <QuoteOriginal view={storyText} t={t} />
      </div>

      <section class="entity" aria-labelledby="bs-name">
        <div {...langOf(entityText)}>
          <h2 id="bs-name" class="name">
            {entityText.text.name ?? entity.name}
          </h2>
          <p id="bs-desc" class="desc">
            {entityText.text.description}
          </p>
        </div>
        <EnglishMark view={entityText} t={t} />
        <QuoteOriginal view={entityText} t={t} />
      </section>

      {/* Before the facts and their many citations: reached in a few Tab presses, far from "Full summary". */}
      <div class="tools">
        <p class="asof">{t('card_asOf', uiDate(model.asOfIso))}</p>
        <button type="button" class="btn hide-site" onClick={onHideSite}>
          {t('card_hideOnSite')}
        </button>
        {onDismiss && <NotAboutStory t={t} onDismiss={onDismiss} />}
      </div>

      <SourceLabels.Provider value={labels}>
        {model.since.length > 0 && publishedDate && (
          <section class="since" aria-labelledby="bs-since">
            {/* One line with its count until opened, so it never pushes the story and the facts away. */}
            <h3 id="bs-since">
              <button
                type="button"
                class="since-toggle"
                aria-expanded={sinceOpen}
                aria-controls="bs-since-list"
                onClick={() => setSinceOpen(!sinceOpen)}
              >
                <span class="chevron" aria-hidden="true" />
                <span>{t('card_since', uiDate(publishedDate))}</span>
                <span class="count">{t('card_sinceCount', String(model.since.length))}</span>
              </button>
            </h3>
            <ol class="facts" id="bs-since-list" hidden={!sinceOpen}>
              {model.since.map((item) => (
                <FactItem key={item.fact.id} item={item} t={t} onJump={jumpToSource} compact />
              ))}
            </ol>
          </section>
        )}

        <section class="block" aria-labelledby="bs-facts">
          <h3 id="bs-facts">{t('card_keyFacts')}</h3>
          <ol class="facts">
            {model.facts.map((item) => (
              <FactItem key={item.fact.id} item={item} t={t} onJump={jumpToSource} />
            ))}
          </ol>
        </section>
      </SourceLabels.Provider>

      <section class="block" aria-labelledby="bs-sources">
        <h3 id="bs-sources">{t('card_sources')}</h3>
        <SourceList sources={model.sources} t={t} headingId="bs-sources" listRef={sourcesRef} />
      </section>

      {keys && (
        <p class="keys">
          {t('card_keysHint', keys.next, keys.prev)}
        </p>
      )}
    </div>
  );
}

// @vitest-environment happy-dom
/**
 * The views of the dismissed marks: the card's "Not about this story" button, the popup's "Dismissed on
 * this site" with Undo, options' count and "Clear all dismissed marks", in English, Arabic and Hebrew;
 * and the content side's sentence reading and filter over a DOM.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, render, type ComponentChild } from 'preact';
import en from '../../src/shared/locales/en.json';
import ar from '../../src/shared/locales/ar.json';
import he from '../../src/shared/locales/he.json';
import cardEn from '../../src/card/locales/en.json';
import cardAr from '../../src/card/locales/ar.json';
import cardHe from '../../src/card/locales/he.json';
import { Card, type CardProps } from '../../src/card/Card';
import { buildCardModel } from '../../src/card/model';
import { translator, type CardLocale } from '../../src/card/i18n';
import { dataset } from '../../src/data/index';
import { I18n, translatorFor, type UiLocale } from '../../src/popup/i18n';
import { Popup } from '../../src/popup/Popup';
import { mockActions, mockPopupData } from '../../src/popup/mock';
import { dismissedItems } from '../../src/popup/dismissed-view';
import { DismissedSection } from '../../src/options/DismissedSection';
import { markSentence } from '../../src/content/mark-sentence';
import { Dismissals } from '../../src/content/dismissals';
import { ShownSelection } from '../../src/content/shown';
import type { Mention } from '../../src/content/mention';
import { markKey, storedForm } from '../../src/shared/dismissed';
import { sentenceHash } from '../../src/shared/sentence-key';

vi.mock('../../src/shared/browser', () => ({ api: {} }));

const LOCALES: [string, UiLocale][] = [
  ['en', { t: translatorFor(en), lang: 'en', dir: 'ltr' }],
  ['ar', { t: translatorFor(ar), lang: 'ar', dir: 'rtl' }],
  ['he', { t: translatorFor(he), lang: 'he', dir: 'rtl' }],
];

let root: HTMLElement;
function mount(node: ComponentChild, locale?: UiLocale) {
  root = document.createElement('div');
  document.body.append(root);
  render(locale ? h(I18n.Provider, { value: locale }, node) : node, root);
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
  document.body.innerHTML = '';
});

describe('card', () => {
  const card = (over: Partial<CardProps>, locale: CardLocale = 'en') => {
    const model = buildCardModel(dataset, 'azure', null);
    if (!model) throw new Error('no model');
    const props: CardProps = {
      model,
      t: translator(locale),
      locale,
      dir: locale === 'en' ? 'ltr' : 'rtl',
      theme: 'light',
      publishedDate: null,
      onClose: () => undefined,
      onHideSite: () => undefined,
      ...over,
    };
    return mount(h(Card, props));
  };

  it.each<[CardLocale, string]>([
    ['en', cardEn.card_notAboutStory.message],
    ['ar', cardAr.card_notAboutStory.message],
    ['he', cardHe.card_notAboutStory.message],
  ])('"Not about this story" is a real button beside "Hide on this site" (%s), and presses call onDismiss', (locale, label) => {
    let pressed = 0;
    const el = card({ onDismiss: () => pressed++ }, locale);
    const button = el.querySelector<HTMLButtonElement>('.tools button.not-about');
    expect(button?.type).toBe('button');
    expect(button?.textContent).toBe(label);
    button?.click();
    expect(pressed).toBe(1);
  });

  it('is not offered without an action (the card of a page where it cannot be stored)', () => {
    expect(card({}).querySelector('.not-about')).toBeNull();
  });

  it('ar and he texts are real translations, not English', () => {
    for (const catalog of [cardAr, cardHe]) {
      expect(catalog.card_notAboutStory.message).not.toBe(cardEn.card_notAboutStory.message);
      expect(catalog.card_dismissedDone.message).not.toBe(cardEn.card_dismissedDone.message);
    }
    for (const key of ['popup_dismissed', 'popup_dismissedUndo', 'options_clearDismissed', 'options_dismissedNone'] as const) {
      expect(ar[key].message).toMatch(/[\u0600-\u06FF]/);
      expect(he[key].message).toMatch(/[\u0590-\u05FF]/);
    }
  });
});

describe('popup: Dismissed on this site', () => {
  const at = Date.UTC(2026, 10, 20, 12);
  const stored = {
    'theguardian.com': [
      { entity: 'azure' as const, hash: '0000000000000001', at },
      { entity: 'microsoft' as const, hash: '0000000000000002', at: at + 1000 },
    ],
    'bbc.com': [{ entity: 'unit-8200' as const, hash: '0000000000000003', at }],
  };

  it('lists this site only, newest first, with the sentence only where the page has it', () => {
    const items = dismissedItems(stored, 'theguardian.com', dataset.entities, { [markKey('azure', '0000000000000001')]: 'Azure waters.' });
    expect(items.map((i) => [i.name, i.sentence])).toEqual([
      ['Microsoft', null],
      ['Azure', 'Azure waters.'],
    ]);
    expect(dismissedItems(stored, 'constructor', dataset.entities, {})).toEqual([]);
  });

  it.each(LOCALES)('shows name, date, sentence and an Undo per item (%s); Undo names the entity and hash', (_lang, locale) => {
    const actions = mockActions();
    const items = dismissedItems(stored, 'theguardian.com', dataset.entities, { [markKey('azure', '0000000000000001')]: 'Azure waters <b>and</b> skies.' });
    const el = mount(h(Popup, { data: mockPopupData({ dismissed: items }), actions }), locale);
    const section = el.querySelector('section.dismissed');
    expect(section?.querySelector('h2')?.textContent).toBe(locale.t('popup_dismissed'));
    const rows = [...el.querySelectorAll('.dismissed-item')];
    expect(rows.map((r) => r.getAttribute('data-entity'))).toEqual(['microsoft', 'azure']);
    // The page's sentence is text, never markup.
    expect(rows[1]?.querySelector('q')?.textContent).toBe('Azure waters <b>and</b> skies.');
    expect(rows[1]?.querySelector('b')).toBeNull();
    expect(rows[0]?.querySelector('q')).toBeNull();
    expect(rows[0]?.querySelector('.dismissed-when')?.textContent).toMatch(/2026|٢٠٢٦/);
    const undo = rows[1]?.querySelector<HTMLButtonElement>('button.undo-dismissed');
    expect(undo?.getAttribute('aria-label')).toBe(locale.t('popup_dismissedUndoName', 'Azure'));
    undo?.click();
    expect(actions.calls).toEqual(['undoDismissed:azure,0000000000000001']);
  });

  it('has no section when nothing is dismissed', () => {
    const el = mount(h(Popup, { data: mockPopupData({ dismissed: [] }), actions: mockActions() }), LOCALES[0]?.[1]);
    expect(el.querySelector('section.dismissed')).toBeNull();
  });
});

describe('options: dismissed marks', () => {
  it.each(LOCALES)('shows the count and "Clear all dismissed marks (n)" (%s)', (_lang, locale) => {
    let cleared = 0;
    const el = mount(h(DismissedSection, { count: 3, onClear: () => cleared++ }), locale);
    const button = el.querySelector<HTMLButtonElement>('button.clear-dismissed');
    expect(button?.textContent).toBe(locale.t('options_clearDismissed', new Intl.NumberFormat(locale.lang).format(3)));
    button?.click();
    expect(cleared).toBe(1);
  });

  it('offers nothing to clear at 0, and nothing at all when they could not be read', () => {
    const zero = mount(h(DismissedSection, { count: 0, onClear: () => undefined }), LOCALES[0]?.[1]);
    expect(zero.querySelector('button')).toBeNull();
    expect(zero.textContent).toContain(en.options_dismissedNone.message);
    render(null, root);
    root.remove();
    const none = mount(h(DismissedSection, { count: null, onClear: () => undefined }), LOCALES[0]?.[1]);
    expect(none.textContent).toBe('');
  });
});

describe('content: the sentence of a mark, and the filter', () => {
  /** A mention over the `n`-th occurrence of `word` in the text of `el` (one text node per child). */
  function mention(el: Element, word: string, entityId: Mention['entityId'], n = 0): Mention {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      let at = node.data.indexOf(word);
      while (at >= 0) {
        if (seen++ === n) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          return { entityId, range };
        }
        at = node.data.indexOf(word, at + 1);
      }
    }
    throw new Error(`no ${word}`);
  }

  it('reads the sentence across inline elements, within the block only', () => {
    document.body.innerHTML = '<div><p id="a">Earlier text. The new <b>Micro</b>soft office opened <i>today</i>. Later.</p><p id="b">Other block.</p></div>';
    const p = document.getElementById('a') as HTMLElement;
    const m = mention(p, 'soft', 'microsoft');
    // The range covers "soft" only here; the sentence around it still reads through <b> and <i>.
    expect(markSentence(m.range)).toBe('The new Microsoft office opened today.');
  });

  it('a 5 MB paragraph is read only near the mark', () => {
    document.body.innerHTML = '<p id="a"></p>';
    const p = document.getElementById('a') as HTMLElement;
    p.append('a '.repeat(2_500_000), 'Microsoft said', ' b'.repeat(2_500_000));
    const m = mention(p, 'Microsoft', 'microsoft');
    expect(markSentence(m.range).length).toBeLessThan(700);
  });

  it('filters exactly the dismissed marks of this site; a change of the stored value reports whether it mattered', () => {
    document.body.innerHTML =
      '<p id="a">Microsoft opened an office.</p><p id="b">Microsoft said its Azure cloud was used.</p><p id="c">Microsoft opened an office.</p>';
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id) as HTMLElement) as [HTMLElement, HTMLElement, HTMLElement];
    const list = [mention(a, 'Microsoft', 'microsoft'), mention(b, 'Microsoft', 'microsoft'), mention(b, 'Azure', 'azure'), mention(c, 'Microsoft', 'microsoft')];
    const d = new Dismissals('bbc.com');
    expect(d.filter(list)).toBe(list); // nothing dismissed: the same array, no work
    const hash = sentenceHash('Microsoft opened an office.');
    const value = storedForm({ 'bbc.com': [{ entity: 'microsoft', hash, at: 1 }], 'cnn.com': [{ entity: 'azure', hash: sentenceHash('Microsoft said its Azure cloud was used.'), at: 1 }] });
    expect(d.update(value)).toBe(true);
    expect(d.update(value)).toBe(false);
    // Both copies of the sentence go (the key is the sentence), the other sentence's marks stay; cnn.com's entry is not ours.
    expect(d.filter(list).map((m) => `${m.entityId}@${(m.range.startContainer.parentElement as Element).id}`)).toEqual(['microsoft@b', 'azure@b']);
    expect(d.sentences(list, [markKey('microsoft', hash), markKey('azure', '0123456789abcdef')])).toEqual({ [markKey('microsoft', hash)]: 'Microsoft opened an office.' });
    expect(d.update('garbage')).toBe(true);
    expect(d.filter(list)).toBe(list);
  });

  it('in "first mention" mode, a dismissed first mark gives way to the next one of that name', () => {
    document.body.innerHTML = '<p id="a">Microsoft opened an office.</p><p id="b">Microsoft said its Azure cloud was used.</p>';
    const [a, b] = ['a', 'b'].map((id) => document.getElementById(id) as HTMLElement) as [HTMLElement, HTMLElement];
    const list = [mention(a, 'Microsoft', 'microsoft'), mention(b, 'Microsoft', 'microsoft'), mention(b, 'Azure', 'azure')];
    const options = { mode: 'first' as const, entities: { microsoft: true, azure: true, 'unit-8200': true } };
    const selection = new ShownSelection();
    const ids = (ms: readonly Mention[]) => ms.map((m) => `${m.entityId}@${(m.range.startContainer.parentElement as Element).id}`);
    expect(ids(selection.update(list, { reset: true, added: list, dropped: [] }, options).show)).toEqual(['microsoft@a', 'azure@b']);
    const d = new Dismissals('bbc.com');
    d.add(d.keyOf(list[0] as Mention));
    // What index.ts does when the set changes: choose again from the filtered list.
    const change = selection.update(d.filter(list), { reset: true, added: [], dropped: [] }, options);
    expect(ids(change.hide)).toEqual(['microsoft@a']);
    expect(ids(change.show)).toEqual(['microsoft@b']);
  });
});

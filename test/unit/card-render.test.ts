// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { Card, type CardProps } from '../../src/card/Card';
import { buildCardModel } from '../../src/card/model';
import { formatMessage, pickLocale, translator } from '../../src/card/i18n';
import { dataset } from '../../src/data/index';
import type { EntityId } from '../../src/data/types';

let root: HTMLElement;

function mount(entityId: EntityId, over: Partial<CardProps> = {}, published: string | null = null) {
  const model = buildCardModel(dataset, entityId, published);
  if (!model) throw new Error('no model');
  root = document.createElement('div');
  document.body.append(root);
  const props: CardProps = {
    model,
    t: translator('en'),
    locale: 'en',
    dir: 'ltr',
    theme: 'light',
    publishedDate: published,
    onClose: () => undefined,
    onHideSite: () => undefined,
    ...over,
  };
  render(h(Card, props), root);
  return { model, dialog: root.querySelector<HTMLElement>('[role="dialog"]') };
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Card', () => {
  it('is a dialog named by a heading with the entity name', () => {
    const { dialog } = mount('unit-8200');
    const name = dialog?.getAttribute('aria-labelledby');
    expect(name).toBeTruthy();
    expect(root.querySelector(`#${name ?? ''}`)?.textContent).toBe('Unit 8200');
    expect(root.querySelector(`#${name ?? ''}`)?.tagName).toBe('H2');
  });

  it('marks dataset text as English, left to right, inside an RTL frame', () => {
    const { dialog } = mount('azure', { locale: 'ar', dir: 'rtl', t: translator('ar') });
    expect(dialog?.getAttribute('dir')).toBe('rtl');
    expect(dialog?.getAttribute('lang')).toBe('ar');
    const text = root.querySelector('.fact .text');
    expect(text?.getAttribute('lang')).toBe('en');
    expect(text?.getAttribute('dir')).toBe('ltr');
    expect(root.querySelector('#bs-facts')?.textContent).toBe('حقائق أساسية');
  });

  it('gives every fact a status word, a date and numbered references', () => {
    mount('microsoft');
    const facts = root.querySelectorAll('.fact');
    expect(facts.length).toBeGreaterThanOrEqual(3);
    for (const fact of facts) {
      expect(fact.querySelector('.status')?.textContent).toMatch(/^(Reported|Confirmed|Denied|Disputed|Announced)$/);
      expect(fact.querySelector('time')?.textContent).toBeTruthy();
      expect(fact.querySelector('.ref')?.textContent).toMatch(/^\[\d+\]$/);
    }
  });

  it('shows responses with the party under the fact they answer', () => {
    mount('microsoft');
    const party = root.querySelector('.response .party')?.textContent ?? '';
    expect(party).toMatch(/^Response from /);
  });

  it('shows the replies of every allegation; folded ones keep their count in view', async () => {
    mount('unit-8200', {}, '2025-03-01');
    // Open the earlier developments too, so every "since" item is in the DOM.
    root.querySelector<HTMLButtonElement>('.since button.link')?.click();
    await new Promise((r) => setTimeout(r, 0));
    const facts = [...root.querySelectorAll<HTMLElement>('li.fact')];
    expect(facts.length).toBeGreaterThan(3);
    let folded = 0;
    for (const li of facts) {
      const fact = dataset.stories[0]!.facts.find((f) => f.id === li.dataset['fact'])!;
      const n = fact.responseIds?.length ?? 0;
      expect(li.querySelectorAll('.response').length, fact.id).toBe(n);
      const summary = li.querySelector('details.replies > summary');
      if (summary) {
        folded++;
        expect(summary.textContent).toBe(n === 1 ? '1 reply' : `${n} replies`);
      }
    }
    expect(folded).toBeGreaterThan(0);
    // The strikes allegation leads with its replies open, Microsoft's statement on targeting first.
    const strikes = root.querySelector('.facts li[data-fact="f-used-for-strikes"]');
    expect(strikes?.querySelector(':scope > .response .text')?.textContent).toContain('found no evidence to date');
  });

  it('says what was confirmed, by whom, and what was not', () => {
    mount('azure');
    const c = root.querySelector('li[data-fact="f-confirmed-elements"] .confirmation')?.textContent ?? '';
    expect(c).toContain('Confirmed by \u2068Brad Smith (Microsoft)\u2069:');
    expect(c).toContain('Not confirmed: call volumes, the 11,500 TB figure');
  });

  it('shows the event date and the date it became public', () => {
    mount('unit-8200');
    const meta = root.querySelector('li[data-fact="f-sariel-nadella-meeting"] .meta')?.textContent ?? '';
    expect(meta).toContain('Late 2021');
    expect(meta).toContain('reported \u20686 Aug 2025\u2069');
  });

  it('links sources in a new tab without opener or referrer, and lists unlinked ones as text', () => {
    const { model } = mount('azure');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.sources a')];
    expect(links.length).toBe(model.sources.filter((s) => s.source.url).length);
    for (const a of links) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
      expect(a.href).toMatch(/^https:\/\//);
    }
    expect(root.querySelectorAll('.sources li').length).toBe(model.sources.length);
  });

  it('puts the story first: headline, one-line summary, then the name, the actions, then since and facts', () => {
    const { model } = mount('unit-8200', {}, '2025-01-01');
    const order = [...root.querySelectorAll('.headline, .oneline, #bs-name, .hide-site, .since, #bs-facts, #bs-sources')].map(
      (el) => el.id || el.className,
    );
    expect(order).toEqual(['bs-headline', 'oneline', 'bs-name', 'btn hide-site', 'since', 'bs-facts', 'bs-sources']);
    expect(root.querySelector('.headline')?.textContent).toBe(model.story.headline);
    // One sentence, and the rest of the summary is not lost but one button away, below it.
    const lead = root.querySelector('.oneline')?.textContent ?? '';
    expect(lead.endsWith('.')).toBe(true);
    expect(lead.split('. ').length).toBe(1);
    expect(`${lead} ${root.querySelector('#bs-summary')?.textContent ?? ''}`).toBe(model.story.summary);
  });

  it('names citations by publisher and date, not by number alone', () => {
    const { model } = mount('microsoft');
    const refs = [...root.querySelectorAll<HTMLButtonElement>('.ref')];
    expect(refs.length).toBeGreaterThan(3);
    for (const ref of refs) {
      const n = Number(/\d+/.exec(ref.textContent ?? '')?.[0]);
      const source = model.sources.find((s) => s.n === n);
      // Starts with the visible text (WCAG 2.5.3), then says which source it is.
      expect(ref.getAttribute('aria-label')).toBe(`[${String(n)}] ${source?.source.publisher ?? '?'}, ${source?.dateText ?? '?'}`);
    }
  });

  it('cites a source with a link first wherever a fact has one', () => {
    for (const id of ['microsoft', 'azure', 'unit-8200'] as const) {
      const model = buildCardModel(dataset, id, '2025-01-01');
      for (const item of [...(model?.since ?? []), ...(model?.facts ?? [])]) {
        const sources = item.refs.map((n) => model?.sources.find((s) => s.n === n)?.source);
        if (sources.some((s) => s?.url)) expect(sources[0]?.url, item.fact.id).toBeTruthy();
      }
    }
  });

  it('has one name for the close button (no title read a second time)', () => {
    mount('azure');
    const close = root.querySelector('.close');
    expect(close?.getAttribute('aria-label')).toBe('Close');
    expect(close?.hasAttribute('title')).toBe(false);
  });

  it('hands Tab past the last control and Shift+Tab before the first back to the page', () => {
    const onLeave = vi.fn();
    const { dialog } = mount('azure', { onLeave });
    const buttons = [...root.querySelectorAll<HTMLElement>('button, a[href]')];
    const tab = (target: HTMLElement, shiftKey: boolean) => {
      target.focus();
      const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    // happy-dom has no layout: every control counts as shown.
    expect(tab(buttons[1] as HTMLElement, false)).toBe(false);
    expect(onLeave).not.toHaveBeenCalled();
    expect(tab(buttons.at(-1) as HTMLElement, false)).toBe(true);
    expect(onLeave).toHaveBeenLastCalledWith(1);
    expect(tab(dialog as HTMLElement, true)).toBe(true);
    expect(onLeave).toHaveBeenLastCalledWith(-1);
  });

  it('shows "Off on <site>" with Undo focused after Hide on this site', async () => {
    const onUndo = vi.fn();
    mount('azure', { off: { site: 'theguardian.com', onUndo } });
    expect(root.querySelector('.off-text')?.textContent).toBe('Off on theguardian.com');
    const undo = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Undo');
    // Preact runs effects after the next frame, which a loaded machine can delay: wait for it.
    await vi.waitFor(() => expect(document.activeElement).toBe(undo), { timeout: 3000, interval: 20 });
    undo?.click();
    expect(onUndo).toHaveBeenCalledOnce();
    expect(root.querySelector('.fact')).toBeNull();
  });

  it('shows the since block only when the page predates later items', () => {
    mount('azure', {}, '2025-01-01');
    expect(root.querySelector('#bs-since')?.textContent).toMatch(/^Since this article \(1 Jan 2025\)\d+ developments$/);
    render(null, root);
    root.remove();
    mount('azure', {}, '2026-06-30');
    expect(root.querySelector('.since')).toBeNull();
  });

  it('collapses "Since this article" to one line with its count, and opens it on request', async () => {
    const { model } = mount('microsoft', {}, '2025-08-10');
    expect(model.since.length).toBeGreaterThan(3);
    const list = () => root.querySelector<HTMLElement>('#bs-since-list');
    expect(list()?.hidden).toBe(true);
    const toggle = root.querySelector<HTMLButtonElement>('.since-toggle');
    expect(toggle?.querySelector('.count')?.textContent).toBe(`${String(model.since.length)} developments`);
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    toggle?.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(list()?.hidden).toBe(false);
    expect(root.querySelectorAll('#bs-since-list > li').length).toBe(model.since.length);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    // The September 2025 decision to cut off services is among them.
    expect(root.querySelector('#bs-since-list')?.textContent).toMatch(/ceased and disabled/);
  });

  it('expands the summary below its button and reports it in aria-expanded', async () => {
    mount('azure');
    const more = root.querySelector<HTMLButtonElement>('.more');
    expect(more?.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector<HTMLElement>('#bs-summary')?.hidden).toBe(true);
    more?.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(more?.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector<HTMLElement>('#bs-summary')?.hidden).toBe(false);
  });

  it('calls its actions', () => {
    const onClose = vi.fn();
    const onHideSite = vi.fn();
    mount('azure', { onClose, onHideSite });
    root.querySelector<HTMLButtonElement>('.close')?.click();
    [...root.querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => b.textContent === 'Hide on this site')?.click();
    expect(onClose).toHaveBeenCalledOnce();
    expect(onHideSite).toHaveBeenCalledOnce();
  });

  it('shows the as-of date', () => {
    mount('azure');
    expect(root.querySelector('.asof')?.textContent).toBe('As of 4 Jun 2026');
  });
});

describe('card i18n', () => {
  it('picks the page language first, then the browser, else English', () => {
    expect(pickLocale(['he-IL', 'en-US'])).toBe('he');
    expect(pickLocale(['', 'ar-EG'])).toBe('ar');
    expect(pickLocale(['iw'])).toBe('he');
    expect(pickLocale(['de', 'fr'])).toBe('en');
  });

  it('substitutes Chrome-style placeholders', () => {
    const entry = { message: '$NAME$, mention $N$ of $TOTAL$', placeholders: { name: { content: '$1' }, n: { content: '$2' }, total: { content: '$3' } } };
    expect(formatMessage(entry, ['Azure', '2', '5'])).toBe('Azure, mention 2 of 5');
  });
});

describe('source titles', () => {
  it('shows our descriptions of untitled sources without brackets, in italics, and real headlines as they are', () => {
    mount('unit-8200');
    const titles = [...root.querySelectorAll('.sources .title')];
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title.textContent).not.toMatch(/^\[|\]( |$)/);
    const described = titles.filter((t) => t.classList.contains('described'));
    const sourceTitles = dataset.sources.map((s) => s.title);
    for (const t of described) expect(sourceTitles).toContain(`[${t.textContent?.replace(/ opens in a new tab$| \(opens in a new tab\)$/, '')}]`);
  });
});

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

  it('shows the since block first only when the page predates later items', () => {
    mount('azure', {}, '2025-01-01');
    const firstSection = root.querySelector('.body > section');
    expect(firstSection?.classList.contains('since')).toBe(true);
    expect(root.querySelector('#bs-since')?.textContent).toBe('Since this article (1 Jan 2025)');
    render(null, root);
    root.remove();
    mount('azure', {}, '2026-06-30');
    expect(root.querySelector('.since')).toBeNull();
  });

  it('shows the newest developments first and the earlier ones on request', async () => {
    const { model } = mount('microsoft', {}, '2025-08-10');
    expect(model.since.length).toBeGreaterThan(3);
    const items = () => root.querySelectorAll('#bs-since-list > li').length;
    expect(items()).toBe(3);
    const toggle = root.querySelector<HTMLButtonElement>('.since .link');
    expect(toggle?.textContent).toBe(`${model.since.length - 3} earlier developments`);
    toggle?.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(items()).toBe(model.since.length);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    // The September 2025 decision to cut off services is among them.
    expect(root.querySelector('#bs-since-list')?.textContent).toMatch(/ceased and disabled/);
  });

  it('expands the summary with More and reports it in aria-expanded', async () => {
    mount('azure');
    const more = root.querySelector<HTMLButtonElement>('.btn-primary');
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
    [...root.querySelectorAll<HTMLButtonElement>('.foot button')].find((b) => b.textContent === 'Hide on this site')?.click();
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

/**
 * A page of its own for auditing the card with axe-core: the extension's card lives in a CLOSED shadow
 * root that no page-world script (axe included) can enter, so the e2e test renders the same component
 * with the same stylesheet into an OPEN shadow root in a top-layer popover, and audits that. Options come
 * from the URL hash: `#entity=azure&theme=dark&locale=ar&published=2025-08-10`.
 */
import { h, render } from 'preact';
import css from '../../src/card/card.css';
import { Card } from '../../src/card/Card';
import { buildCardModel } from '../../src/card/model';
import { localeDir, pickLocale, translator } from '../../src/card/i18n';
import { dataset } from '../../src/data/index';
import { contentFor } from '../../src/data/content';
import type { EntityId } from '../../src/data/types';

const params = new URLSearchParams(location.hash.slice(1));
const entity = (params.get('entity') ?? 'microsoft') as EntityId;
const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
const locale = pickLocale([params.get('locale')]);
const published = params.get('published');
// The content in the card's language, as the extension shows it (translated items, "In English" markers, quote originals).
const model = buildCardModel(dataset, entity, published, contentFor(locale));
if (!model) throw new Error(`no card for ${entity}`);

document.documentElement.lang = locale;
document.documentElement.dir = localeDir(locale);
document.body.style.background = theme === 'dark' ? '#121212' : '#ffffff';
const host = document.createElement('backstory-card');
const root = host.attachShadow({ mode: 'open' });
const style = document.createElement('style');
style.textContent = css;
const pop = document.createElement('div');
pop.className = 'pop';
pop.setAttribute('popover', 'manual');
root.append(style, pop);
document.documentElement.append(host);
render(
  h(Card, {
    model,
    t: translator(locale),
    locale,
    dir: localeDir(locale),
    theme,
    publishedDate: published,
    onClose: () => undefined,
    onHideSite: () => undefined,
  }),
  pop,
);
pop.style.left = '16px';
pop.style.top = '16px';
pop.showPopover();
// Translated quotes' originals open, so their English text is audited too.
root.querySelectorAll('details.original').forEach((d) => ((d as HTMLDetailsElement).open = true));
(globalThis as { cardReady?: boolean }).cardReady = true;

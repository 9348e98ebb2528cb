/**
 * A page of its own for measuring the card's layout at small viewports (400% and 200% zoom): the
 * extension's card lives in a CLOSED shadow root that the test cannot enter, so this page renders the
 * same component with the same stylesheet and the same positioning code (card-position.ts, anchored to
 * a Range over a name in a paragraph, as the extension does) into an OPEN shadow root in a top-layer
 * popover, and the test walks it with the real keyboard. Options from the hash: `#entity=unit-8200&published=2025-08-10&at=0.5`
 * (`at`: where the name sits, as a fraction of the viewport's height).
 */
import { h, render } from 'preact';
import css from '../../src/card/card.css';
import { Card } from '../../src/card/Card';
import { buildCardModel } from '../../src/card/model';
import { localeDir, pickLocale, translator } from '../../src/card/i18n';
import { dataset } from '../../src/data/index';
import type { EntityId } from '../../src/data/types';
import { trackPosition } from '../../src/content/card-position';

const params = new URLSearchParams(location.hash.slice(1));
const entity = (params.get('entity') ?? 'unit-8200') as EntityId;
const locale = pickLocale([params.get('locale')]);
const published = params.get('published');
const at = Number(params.get('at') ?? '0.5');
const model = buildCardModel(dataset, entity, published);
if (!model) throw new Error(`no card for ${entity}`);

document.body.style.margin = '0';
document.body.style.font = '16px/1.5 serif';
const para = document.createElement('p');
para.style.margin = '0';
para.style.padding = `${String(Math.round(innerHeight * at))}px 8px 2000px`;
para.textContent = `Reporters said the agency ${model.entity.name} kept recordings on servers in Europe.`;
document.body.append(para);
const text = para.firstChild as Text;
const start = text.data.indexOf(model.entity.name);
const range = document.createRange();
range.setStart(text, start);
range.setEnd(text, start + model.entity.name.length);

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
    theme: 'light',
    publishedDate: published,
    keys: { next: 'Alt+Shift+N', prev: 'Alt+Shift+P' },
    onClose: () => undefined,
    onHideSite: () => undefined,
  }),
  pop,
);
pop.showPopover();
trackPosition(range, pop, undefined, 'bottom-start');
Object.assign(globalThis, { cardRoot: root, cardReady: true });

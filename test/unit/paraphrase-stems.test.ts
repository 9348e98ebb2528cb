/**
 * paraphrase.ts's word lists give the stems that take any ending one shared `\p{L}*` (compile time: each
 * `\p{L}` under the `iu` flags is compiled with its case closure). This differential test checks that the
 * rule still accepts exactly what the lists with one `\p{L}*` per stem accepted (round 6's text, kept here
 * as the reference), on every word of both lists with and without endings, in both orders and with words
 * between, in every case.
 */
import { describe, expect, it } from 'vitest';
import { namesUnit } from '../../src/detect/paraphrase';

const OLD_INTELLIGENCE =
  'intelligence|renseignement|inteligencia|intelig[eê]ncia|inlichtingen\\p{L}*|Geheimdienst\\p{L}*|Nachrichtendienst\\p{L}*|' +
  'Aufklärung\\p{L}*|istihbarat|разведк\\p{L}*|разведывательн\\p{L}*|מודיעין|המודיעין|' +
  '[وبلف]?(?:ال)?استخبارات(?:ية)?|اطلاعات(?:ی|ي)?|情报|情報|정보|' +
  'wywiad\\p{L}*|rozvědk\\p{L}*|zpravodajsk\\p{L}*|розвідк\\p{L}*|розвідувальн\\p{L}*|πληροφοριών|underrättelse\\p{L}*|' +
  'informații|intelijen|tình báo|खुफिया|ख़ुफ़िया|انٹیلی جنس';
const OLD_UNIT =
  'unit|unité|unidad|unidade|unità|eenheid|Einheit|birimi?|подразделени\\p{L}*|[ובלמה]?יחידת|[وبلف]?وحدة|یگان|' +
  '部队|部隊|부대|jednostk\\p{L}*|jednotk\\p{L}*|підрозділ\\p{L}*|μονάδ\\p{L}*|enhet(?:en)?|unitat\\p{L}*|đơn vị|यूनिट|इकाई|یونٹ';
const COMPOUND_UNIT =
  '(?:^|[^\\p{L}])(?:Spionage|Geheimdienst|Nachrichtendienst|Aufklärungs|Abhör|inlichtingen|afluister|signalspanings|underrättelse|Elite|Cyber)-?(?:einheit|eenheid|enhet(?:en)?)';
const ELITE_UNIT = `(?:${OLD_UNIT})\\s+(?:d['’]|de\\s+|di\\s+)?[ée]lite`;
const OLD_NAMED = new RegExp(
  `(?:(?:${OLD_INTELLIGENCE})[\\s,]+(?:\\p{L}+[\\s,]+){0,2}(?:${OLD_UNIT})|(?:${OLD_UNIT})[\\s,]+(?:(?:de|di|of|der|van)\\s+)?(?:${OLD_INTELLIGENCE}))` +
    `[\\s,]+(?:\\p{L}+[\\s,]+){0,3}$`,
  'iu',
);
const OLD_CLOSE = new RegExp(`(?:(?:${OLD_UNIT})[\\s,]+\\p{L}+\\s+(?:${OLD_INTELLIGENCE})|${COMPOUND_UNIT}|${ELITE_UNIT})[\\s,]+$`, 'iu');

/** The plain words of a list (its literal alternatives, the optional parts taken and left out). */
function words(list: string): string[] {
  return list.split('|').flatMap((w) => {
    const stem = w.replace(/\\p\{L\}\*$/, '').replace(/^\[[^\]]*\]\?/, '').replace(/\(\?:ال\)\?/, '');
    const plain = stem.replace(/\[([^\]])[^\]]*\]/g, '$1').replace(/\(\?:([^|)]*)\|?[^)]*\)\?/g, '');
    return [plain, plain.replace(/\(\?:([^|)]*)\|?[^)]*\)\?/g, '$1')];
  });
}

describe('paraphrase: stems sharing one \\p{L}*', () => {
  it('accepts exactly what one \\p{L}* per stem accepted, on every pair of words, endings and cases', () => {
    const endings = ['', 'en', 's', 'ы', 'ie', 'ów', 'ής', 'ung', '-'];
    const intelligence = [...new Set(words(OLD_INTELLIGENCE))];
    const unit = [...new Set(words(OLD_UNIT))];
    let checked = 0;
    let named = 0;
    for (const i of intelligence) for (const u of unit) for (const e of endings) {
      for (const phrase of [`the ${i}${e} ${u}${e}`, `the ${u}${e} of ${i}${e} known as`, `${u}${e} radio ${i}${e}`, `${i}${e} israeli army ${u}${e},`, `${u.toUpperCase()}${e} ${i.toUpperCase()}`]) {
        const text = `${phrase} 8200 was named.`;
        const start = text.indexOf('8200');
        const before = text.slice(0, start);
        const old = OLD_NAMED.test(before) || OLD_CLOSE.test(before);
        expect(namesUnit(text, start, start + 4), text).toBe(old);
        checked++;
        if (old) named++;
      }
    }
    // The comparison is not empty on either side.
    expect(checked).toBeGreaterThan(10_000);
    expect(named).toBeGreaterThan(checked / 10);
    expect(named).toBeLessThan(checked);
  });
});

import type { Lang } from '../data/types';
import type { Needs } from './types';

/*
 * "Azure" is also a colour, a Maltese landmark, an Indian solar company, games and hotels; أزور is also the
 * Arabic verb "I visit" and (الأزور) the Azores; آژور is also Persian for openwork; 애저 is also a roast piglet.
 * Each is judged from the words next to it and, where those say nothing, from its sentence (see matcher.ts);
 * never from a word elsewhere on the page. Word lists are written as they appear in running text; the ALL
 * CAPS spelling of each is added for headlines.
 */

/** How a hit is judged: a `Needs`, or `local` = it counts only if its own sentence is about the cloud or the story. */
/** `local`: settled from its sentence only (Arabic أزور); `evidence`: a numbered unit name that needs unit-evidence.ts. */
export type Judgement = Needs | 'local' | 'evidence';

/** Words after Azure that name the cloud product: "Azure OpenAI", "Azure cloud", "Azure-Cloud", "Azure-datacenters", "Azure-hosted". */
const CLOUD_AFTER =
  'OpenAI|AI|[Cc]loud|Storage|Government|Functions|DevOps|Active Directory|AD|SQL|Blob|Kubernetes|' +
  'AKS|Machine Learning|Cognitive|Stack|Arc|Synapse|Sentinel|Databricks|Cosmos|Monitor|Portal|' +
  'Marketplace|PowerShell|CLI|SDK|Kinect|Sphere|IoT|App Service|Virtual Machines|VMs?|subscriptions?|' +
  'services|platform|regions?|data ?cent(?:er|re)s?|datacent(?:er|re)s?|servers|Rechenzentren|nube|' +
  'clouddiensten|omgeving|hosted|bulut|облак\\p{L}*|云|雲|クラウド|클라우드|السحابية|السحابي|للحوسبة|' +
  'التابعة لمايكروسوفت|من مايكروسوفت|של מיקרוסופט|הענן';
/** Words before Azure that name the cloud product: "Microsoft’s Azure", "منصة أزور", "ענן אז'ור", "облаке Azure". */
const CLOUD_BEFORE =
  "Microsoft['’]s|منصة|خدمة|خدمات|سحابة|حوسبة|خوادم|облак\\p{L}*|سرورهای|سرویس|" +
  '[ובכלמשה]{0,3}(?:ענן|שירות|שירותי|פלטפורמת|שרתי)';
/** Look-alikes that never count, even on a page about Microsoft: "Azure Window", "Azure Power", "Azure waters". */
const OTHER_AFTER =
  'Window|Power|Coast|Dragon|Lane|Striker|Ray|[Ss]eas?|[Ss]ky|[Ss]kies|[Bb]lue|Bay|Beach|Resort|Hotels?|Residences|' +
  'Suites|Villa|Flame|Dreams|Acres|Reflections|Bar|Otel|[Ww]aters|water|[Ee]yes|hues?|tones?|' +
  'Lagoon|lagoons?|ocean|light|glow|horizon|silk|dress';
const OTHER_BEFORE =
  'colou?r|shade of|Lake|[Hh]otel|Villa|Club|HMS|MV|Mount|Cape|Otel|[Оо]тель|hôtel|بافت|کفش';

/** Rule: أزور after a verb particle or with an attached ل is the verb "(to) visit" ("عدت لأزور بيتي", "أريد أن أزور"). */
const ARABIC_VERB_BEFORE = /(?<![\p{L}])(?:أن|ان|لن|لم|كي|لكي|سوف|كنت|أريد|أود|قد|لا|حتى)\s+$/u;
/** Rule: a ل attached to أزور (the letter right before it) makes it the verb: "لأزور". */
const ATTACHED_LAM = /ل$/u;
/** Rule: أزور or آزور after "islands" is the Azores ("جزر الأزور", Persian "جزایر آزور"). */
const AZORES_BEFORE = /(?:جزر|جزيرة|جزائر|أرخبيل|جزایر|الجزایر)\s+(?:ال)?$/u;
/** Rule: 애저 before a cooking word is a roast piglet (애저찜, 애저구이, 애저탕). */
const KOREAN_FOOD_AFTER = /^(?:찜|구이|탕|요리)/u;

/** ALL CAPS of a word pattern, escapes left as written ("облак\p{L}*" → "ОБЛАК\p{L}*"; upper-cased, \p would become \P, "not a letter"). */
const upper = (w: string) => w.replace(/\\.|[^\\]+/g, (part) => (part.startsWith('\\') ? part : part.toUpperCase()));

/** Each word as written, plus ALL CAPS (groups are case-neutral; a class such as [Ss] becomes [SS]): the alternation and its capitals. */
const alternatives = (words: string): string => `${words}|${upper(words)}`;

const GAP = "[\\s\\-\\u2010\\u2011]*";
const END = '(?![\\p{L}\\p{N}])';
const START = '(?<![\\p{L}\\p{N}])';
const cloudAfter = new RegExp(`^${GAP}(?:${alternatives(CLOUD_AFTER)})${END}`, 'u');
const cloudBefore = new RegExp(`${START}(?:${alternatives(CLOUD_BEFORE)})\\s+$`, 'u');
const otherAfter = new RegExp(`^[\\s\\-\\u2010\\u2011]+(?:${alternatives(OTHER_AFTER)})${END}`, 'u');
const otherBefore = new RegExp(`${START}(?:${alternatives(OTHER_BEFORE)})\\s+$`, 'u');

/**
 * How a bare Azure form of one dataset language is judged when the words next to it name neither the cloud
 * nor a look-alike; languages not listed wait for cloud context ('cloud-context').
 */
const BY_LANG: Partial<Record<Lang, (before: string, after: string) => Judgement | null>> = {
  // Arabic أزور: the verb and the Azores are common, the product rare; never counted from the page alone.
  ar: (before) => (AZORES_BEFORE.test(before) || ARABIC_VERB_BEFORE.test(before) || ATTACHED_LAM.test(before) ? null : 'local'),
  ko: (_, after) => (KOREAN_FOOD_AFTER.test(after) ? null : 'cloud-context'),
};

/**
 * What an Azure hit at [start, end) needs, or null for a look-alike.
 * `namesMicrosoft`: the form includes a Microsoft name. `lang`: the dataset language of the form.
 */
export function azureNeeds(text: string, start: number, end: number, namesMicrosoft: boolean, lang: Lang): Judgement | null {
  if (namesMicrosoft) return 'none';
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 32);
  if (otherAfter.test(after) || otherBefore.test(before)) return null;
  if (cloudAfter.test(after) || cloudBefore.test(before)) return 'none';
  const rule = BY_LANG[lang];
  return rule ? rule(before, after) : 'cloud-context';
}

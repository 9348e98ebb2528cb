import type { Needs } from './types';

/*
 * "Azure" is also a colour, a Maltese landmark, an Indian solar company, games and hotels, and أزور is
 * also the Arabic verb "I visit". A bare Azure therefore needs a page about computing; neighbouring words
 * can make it unmistakable either way. Word lists are written as they appear in running text; the ALL
 * CAPS spelling of each is added for headlines.
 */

/** Words after Azure that name the cloud product: "Azure OpenAI", "Azure cloud", "Azure-Cloud". */
const CLOUD_AFTER = [
  'OpenAI', 'AI', 'cloud', 'Cloud', 'Storage', 'Government', 'Functions', 'DevOps', 'Active Directory',
  'AD', 'SQL', 'Blob', 'Kubernetes', 'AKS', 'Machine Learning', 'Cognitive', 'Stack', 'Arc', 'Synapse',
  'Sentinel', 'Databricks', 'Cosmos', 'Monitor', 'Portal', 'Marketplace', 'PowerShell', 'CLI', 'SDK',
  'Kinect', 'Sphere', 'IoT', 'App Service', 'Virtual Machines', 'VMs?', 'subscriptions?', 'services',
  'platform', 'regions?', 'data ?cent(?:er|re)s?', 'servers', 'Rechenzentren', 'nube',
  'السحابية', 'السحابي', 'للحوسبة', 'التابعة لمايكروسوفت', 'من مايكروسوفت', 'של מיקרוסופט', 'הענן',
];
/** Words before Azure that name the cloud product: "Microsoft’s Azure", "منصة أزور", "ענן אז'ור". */
const CLOUD_BEFORE = [
  "Microsoft['’]s", 'منصة', 'خدمة', 'خدمات', 'سحابة', 'حوسبة',
  '[ובכלמשה]{0,3}(?:ענן|שירות|שירותי|פלטפורמת)',
];
/** Look-alikes that never count, even on a page about Microsoft: "Azure Window", "Azure Power". */
const OTHER_AFTER = [
  'Window', 'Power', 'Coast', 'Dragon', 'Lane', 'Striker', 'Ray', 'Seas?', 'Sky', 'Skies', 'Blue',
  'Bay', 'Beach', 'Resort', 'Hotels?', 'Residences', 'Suites', 'Villa', 'Flame', 'Dreams', 'Acres',
  'Reflections',
];
const OTHER_BEFORE = ['colou?r', 'shade of', 'Lake', 'Hotel', 'Villa', 'Club', 'HMS', 'MV', 'Mount', 'Cape'];

/** Each word as written, plus ALL CAPS (the escapes and groups above are case-neutral). */
function alternatives(words: readonly string[]): string {
  return words.flatMap((w) => (w.toUpperCase() === w ? [w] : [w, w.toUpperCase()])).join('|');
}

const GAP = "[\\s\\-\\u2010\\u2011]+";
const END = '(?![\\p{L}\\p{N}])';
const START = '(?:^|[^\\p{L}\\p{N}])';
const cloudAfter = new RegExp(`^${GAP}(?:${alternatives(CLOUD_AFTER)})${END}`, 'u');
const cloudBefore = new RegExp(`${START}(?:${alternatives(CLOUD_BEFORE)})\\s+$`, 'u');
const otherAfter = new RegExp(`^${GAP}(?:${alternatives(OTHER_AFTER)})${END}`, 'u');
const otherBefore = new RegExp(`${START}(?:${alternatives(OTHER_BEFORE)})\\s+$`, 'u');

/** What an Azure hit at [start, end) needs, or null for a look-alike. */
export function azureNeeds(text: string, start: number, end: number, namesMicrosoft: boolean): Needs | null {
  if (namesMicrosoft) return 'none';
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 32);
  if (otherAfter.test(after) || otherBefore.test(before)) return null;
  return cloudAfter.test(after) || cloudBefore.test(before) ? 'none' : 'cloud-context';
}

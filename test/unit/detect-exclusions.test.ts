/** Names of other actors that contain one of ours are not mentions of ours. */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index';
import { compileMatcher } from '../../src/detect';

const matcher = compileMatcher(dataset.entities, dataset.actors);
const found = (text: string) => matcher.find(text).map((c) => `${c.entityId}:${text.slice(c.start, c.end)}`);

describe('names of other actors', () => {
  it.each([
    ['The campaign No Azure for Apartheid said the inquiry was a delay.', []],
    ['NO AZURE FOR APARTHEID protesters gathered in Redmond.', []],
    ['No\u00A0Azure for Apartheid and Microsoft', ['microsoft:Microsoft']],
    ['Workers from No Azure for Apartheid say Microsoft Azure hosted the data.', ['azure:Microsoft Azure']],
    ['Protesters from No Azure For Apartheid met Microsoft staff.', ['microsoft:Microsoft']],
    ['no azure for apartheid, a Microsoft workers’ group', ['microsoft:Microsoft']],
    ['شارك ناشطون من حملة «لا لأزور للفصل العنصري» أمام مقر مايكروسوفت.', ['microsoft:مايكروسوفت']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('still finds the name where it stands alone', () => {
    expect(found('Microsoft said no Azure service was used.')).toEqual(['microsoft:Microsoft', 'azure:Azure']);
  });

  it('the campaign is excluded even without the dataset’s actors (names seen in coverage are built in)', () => {
    const bare = compileMatcher(dataset.entities);
    expect(bare.find('No Azure for Apartheid said Azure OpenAI was used').map((c) => c.entityId)).toEqual(['azure']);
  });

  it('the exclusion covers the whole name only: "No Azure" alone is still Azure', () => {
    expect(found('Microsoft said: no Azure for the army.')).toEqual(['microsoft:Microsoft', 'azure:Azure']);
  });
});

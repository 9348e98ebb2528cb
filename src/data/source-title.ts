/**
 * Source titles in the dataset are the publication's own headline, or, where the fact sheet gives
 * none, our short description in [square brackets]. Readers see the description without brackets
 * and set apart (italic), so it is never mistaken for the publisher's headline.
 */
export function sourceTitle(title: string): { text: string; described: boolean } {
  const described = title.startsWith('[') && title.endsWith(']');
  return { text: described ? title.slice(1, -1) : title, described };
}

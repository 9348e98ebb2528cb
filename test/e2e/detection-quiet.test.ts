/**
 * Issue 18, "quiet where the story is not the topic", in real browsers with the default settings
 * ("automatic"): a games-console review that names Microsoft twenty times gets one mark; a page about the
 * story with the same twenty mentions gets every one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, pageErrors, settle, waitForMarks, type Session } from './harness';

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('marks only the first Microsoft on a review that is not about the story', async () => {
    const page = await session.open('www.theguardian.com', '/fixtures/pages/quiet-review.html');
    await waitForMarks(page, 1);
    expect(await settle(page, 800)).toEqual([{ name: 'backstory-microsoft', texts: ['Microsoft'] }]);
    // The one mark is the first mention on the page.
    const first = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('backstory-microsoft') ?? [])][0] as Range | undefined;
      return range?.startContainer.parentElement?.textContent?.startsWith('The Xbox from Microsoft') ?? false;
    });
    expect(first).toBe(true);
    expect(pageErrors.get(page)).toEqual([]);
    await page.close();
  });

  it('marks all twenty-one on a page about the story', async () => {
    const page = await session.open('www.theguardian.com', '/fixtures/pages/about-story.html');
    await waitForMarks(page, 21);
    const marks = await settle(page);
    expect(marks).toEqual([{ name: 'backstory-microsoft', texts: Array<string>(21).fill('Microsoft') }]);
    await page.close();
  });
});

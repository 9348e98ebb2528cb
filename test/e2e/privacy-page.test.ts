/**
 * The privacy policy inside the extension (issue 17): the options page of the shipped build links to
 * privacy.html, which is PRIVACY.md rendered at build time, so the policy is readable offline and in
 * both browsers. The page is the policy's exact rendering and runs no script.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyPage } from '../../scripts/privacy-page.mjs';
import { BROWSERS, launch, pageErrors, type Session } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('dist/privacy.html is PRIVACY.md as the build renders it', () => {
    const built = readFileSync(join(ROOT, 'dist', name, 'privacy.html'), 'utf8');
    expect(built).toBe(privacyPage(readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8')));
  });

  it('the options page links to it, and the link opens the policy', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector('a[href="privacy.html"]', { timeout: 10_000 });
    const link = await options.$eval('a[href="privacy.html"]', (a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent, target: a.getAttribute('target') }));
    expect(link.href).toBe(session.extensionUrl('privacy.html'));
    expect(link.text).toBe('Privacy policy');
    expect(link.target).toBe('_blank');
    const policy = await session.openExtensionPage('privacy.html');
    await policy.waitForSelector('h1', { timeout: 10_000 });
    const page = await policy.evaluate(() => ({
      heading: document.querySelector('h1')?.textContent,
      sections: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      scripts: document.scripts.length,
    }));
    expect(page.heading).toBe('Backstory privacy policy');
    expect(page.sections).toEqual(expect.arrayContaining(['What Backstory stores', 'Where and for how long', 'What Backstory sends']));
    expect(page.scripts).toBe(0);
    expect(pageErrors.get(policy) ?? []).toEqual([]);
    await policy.close();
    await options.close();
  });
});

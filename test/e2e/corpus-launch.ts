/**
 * The harness's `launch`, optionally with the page's own JavaScript switched off for the whole
 * browser, the way a reader switches it off (not through the automation protocol):
 *   - Chromium: the profile's content setting `javascript: block`. (CDP's
 *     `Emulation.setScriptExecutionDisabled`, i.e. `page.setJavaScriptEnabled(false)`, also stops
 *     extension content scripts, so it cannot test the extension at all.)
 *   - Firefox: the pref `javascript.enabled: false` (WebDriver BiDi has no
 *     `emulation.setScriptingEnabled` in Firefox 153).
 * Extension content scripts still run in both (checked by the corpus test itself).
 *
 * It wraps the harness rather than copying it: `puppeteer.launch` is intercepted for the duration
 * of one `launch()` call and given the extra preference.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type LaunchOptions as PuppeteerLaunchOptions } from 'puppeteer-core';
import { launch, type BrowserName, type Session } from './harness';

export async function launchCorpus(name: BrowserName, javascript: boolean): Promise<Session> {
  if (javascript) return everyMention(await launch(name));
  const original = puppeteer.launch;
  puppeteer.launch = (options: PuppeteerLaunchOptions = {}) => {
    if (name === 'chromium' && options.userDataDir) {
      mkdirSync(join(options.userDataDir, 'Default'), { recursive: true });
      writeFileSync(
        join(options.userDataDir, 'Default', 'Preferences'),
        JSON.stringify({ profile: { default_content_setting_values: { javascript: 2 } } }),
      );
    }
    if (name === 'firefox') options = { ...options, extraPrefsFirefox: { ...options.extraPrefsFirefox, 'javascript.enabled': false } };
    return original.call(puppeteer, options);
  };
  try {
    return everyMention(await launch(name));
  } finally {
    puppeteer.launch = original;
  }
}

/**
 * The corpus checks that every name in each article is marked: it runs in the "every mention" mode (the
 * default, "automatic", marks only the first of each name on pages not about the story, such as engadget's review).
 */
async function everyMention(session: Session): Promise<Session> {
  const page = await session.openExtensionPage('options.html');
  await page.waitForSelector('input[name="mode"][value="all"]');
  await page.click('input[name="mode"][value="all"]');
  await page.waitForFunction(async () => {
    type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = g.browser ?? g.chrome;
    if (!api) return false;
    const stored = await api.storage.local.get('settings');
    return (stored['settings'] as { mode?: string } | undefined)?.mode === 'all';
  });
  await page.close();
  return session;
}

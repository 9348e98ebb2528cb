/**
 * The background's side of the message contract. Every payload is checked here (a type is not a
 * runtime guarantee), and each call is accepted only from the context that should send it:
 * mention counts from a tab's top frame, site and scan changes from the extension's own pages.
 */
import { api, type Runtime } from '../shared/browser';
import type { BackgroundCalls, Handlers, MentionCounts } from '../shared/messages';
import { parseChange, type SettingsChange } from '../shared/settings-change';
import { isSiteOrigin, siteKeyFromUrl } from '../shared/sites';
import { ENTITY_IDS } from '../data/types';
import { TRANSLATED_LANGS, type TranslatedLang } from '../data/translation-items';
import { setBadge } from './badge';
import { enableSite, injectInto, removeSite, resetAll } from './site-scripts';
import { parseDismissChange } from '../shared/dismissed';
import { dismissWriter, settingsWriter } from './writer';

/** A page of this extension (popup, options): not a content script, whose sender.url is the page's. */
export function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
}

/** A content script in a tab's top frame. */
function fromTopFrame(sender: Runtime.MessageSender): sender is Runtime.MessageSender & { tab: { id: number } } {
  return typeof sender.tab?.id === 'number' && sender.tab.id >= 0 && (sender.frameId ?? 0) === 0 && !fromExtensionPage(sender);
}

export function parseCounts(value: unknown): MentionCounts | null {
  if (typeof value !== 'object' || value === null) return null;
  const counts: MentionCounts = { microsoft: 0, azure: 0, 'unit-8200': 0 };
  for (const id of ENTITY_IDS) {
    const n = Object.prototype.hasOwnProperty.call(value, id) ? (value as Record<string, unknown>)[id] : 0;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1e6) return null;
    counts[id] = n;
  }
  return counts;
}

const field = (payload: unknown, key: string): unknown =>
  typeof payload === 'object' && payload !== null && Object.prototype.hasOwnProperty.call(payload, key)
    ? (payload as Record<string, unknown>)[key]
    : undefined;

const refused = { ok: false, error: 'refused' } as const;

/**
 * What a content script may change: only its own page's site, off or back on (the card's "Hide on
 * this site" and its Undo, both gated on trusted input in the card). Everything else comes from the
 * extension's own pages.
 */
function contentMayChange(change: SettingsChange, sender: Runtime.MessageSender): boolean {
  if (change.op !== 'setSiteEnabled') return false;
  const own = typeof sender.url === 'string' ? siteKeyFromUrl(sender.url) : null;
  return own !== null && own === change.site;
}

export const backgroundHandlers: Handlers<BackgroundCalls> = {
  async reportMentions(payload, sender) {
    if (!fromTopFrame(sender)) return;
    const counts = parseCounts(field(payload, 'counts'));
    if (counts) await setBadge(sender.tab.id, counts);
  },

  async enableSite(payload, sender) {
    const origin = field(payload, 'origin');
    if (!fromExtensionPage(sender) || !isSiteOrigin(origin)) return refused;
    try {
      return await enableSite(origin);
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  },

  async removeSite(payload, sender) {
    const origin = field(payload, 'origin');
    if (!fromExtensionPage(sender) || !isSiteOrigin(origin)) return refused;
    try {
      return await removeSite(origin);
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  },

  async loadCard(_payload, sender) {
    if (!fromTopFrame(sender)) return { ok: false };
    // The same isolated world as content.js: card.js hands itself over on that world's global.
    await api.scripting.executeScript({ target: { tabId: sender.tab.id, frameIds: [0] }, files: ['card.js'] });
    return { ok: true };
  },

  async loadTranslations(payload, sender) {
    const lang = field(payload, 'lang');
    if (!fromTopFrame(sender) || !TRANSLATED_LANGS.includes(lang as TranslatedLang)) return { ok: false };
    // Into content.js's and card.js's isolated world, where the card reads it (src/card/translation-files.ts).
    await api.scripting.executeScript({ target: { tabId: sender.tab.id, frameIds: [0] }, files: [`card-${lang as TranslatedLang}.js`] });
    return { ok: true };
  },

  async insertHighlightStyles(_payload, sender) {
    if (!fromTopFrame(sender)) return { ok: false };
    // An extension-inserted sheet: not in the page's DOM (no adoptedStyleSheets or <style> a page could
    // list) and not subject to its CSP. Firefox supports scripting.insertCSS in MV3 as Chrome does.
    await api.scripting.insertCSS({ target: { tabId: sender.tab.id, frameIds: [0] }, files: ['content.css'] });
    return { ok: true };
  },

  async scanOnce(payload, sender) {
    const tabId = field(payload, 'tabId');
    if (!fromExtensionPage(sender) || typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return refused;
    try {
      // Works through activeTab: the reader opened our popup on this tab.
      await injectInto(tabId);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  },

  async openOptions() {
    await api.runtime.openOptionsPage();
  },

  async getSettings(_payload, sender) {
    if (!fromExtensionPage(sender)) return { ok: false, error: 'invalid', settings: null };
    return settingsWriter.read();
  },

  async changeSettings(payload, sender) {
    const change = parseChange(field(payload, 'change'));
    if (!change) return { ok: false, error: 'invalid', settings: null };
    if (!fromExtensionPage(sender) && !(fromTopFrame(sender) && contentMayChange(change, sender))) {
      return { ok: false, error: 'invalid', settings: null };
    }
    return change.op === 'reset' ? resetAll() : settingsWriter.change(change);
  },

  async getDismissed(_payload, sender) {
    if (!fromExtensionPage(sender)) return { ok: false, error: 'invalid', dismissed: null };
    return dismissWriter.read();
  },

  async changeDismissed(payload, sender) {
    const change = parseDismissChange(field(payload, 'change'));
    if (!change) return { ok: false, error: 'invalid', dismissed: null };
    // A page's content script may only dismiss on its own site (the card's "Not about this story",
    // gated on trusted input): never undo, clear, or touch another site's list.
    const own = typeof sender.url === 'string' ? siteKeyFromUrl(sender.url) : null;
    const mayContent = fromTopFrame(sender) && change.op === 'dismiss' && own !== null && own === change.site;
    if (!fromExtensionPage(sender) && !mayContent) return { ok: false, error: 'invalid', dismissed: null };
    return dismissWriter.change(change);
  },
};

/**
 * The page-world patch (entrypoints/shadow-watch.ts) is the one piece of
 * Case Lens that changes something a page's own scripts can touch. It is
 * registered by the background to run only where Case Lens is on: not at all
 * with the master switch off, and not on the sites switched off, so that a
 * reader who switched Case Lens off for a site leaves that site's pages
 * exactly as the browser made them. Its partner in the content scripts'
 * world (shadow-key.ts) stays declared in the manifest; alone, it adds a
 * listener no page can observe.
 */
import { browser } from 'wxt/browser';
import { PAGES } from './pages';
import { FILE_SITE, type Settings } from './settings';

export const PATCH_ID = 'case-lens-shadow-watch';

/** A site a match pattern can name: a host name or an IPv4 address (siteOf has lower-cased it). */
const PATTERN_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * The match patterns of the sites switched off, as `isActiveOn` reads them:
 * a site covers its host and that host with `www.`, on any scheme and port;
 * every local file is one site. A site no pattern can name (an IPv6 address)
 * is left out: the patch still runs there, and Case Lens itself stays off.
 */
export function excludedPatterns(disabledSites: readonly string[]): string[] {
  const patterns: string[] = [];
  for (const site of disabledSites) {
    if (site === FILE_SITE) patterns.push('file:///*');
    else if (PATTERN_HOST.test(site)) patterns.push(`*://${site}/*`, `*://www.${site}/*`);
  }
  return patterns;
}

/** The patch's registration for these settings; null where it must not run anywhere. */
export function patchRegistration(settings: Settings) {
  if (!settings.enabled) return null;
  const excludeMatches = excludedPatterns(settings.disabledSites);
  return {
    id: PATCH_ID,
    js: ['shadow-watch.js'],
    matches: PAGES,
    ...(excludeMatches.length > 0 ? { excludeMatches } : {}),
    allFrames: true,
    matchOriginAsFallback: true,
    runAt: 'document_start' as const,
    world: 'MAIN' as const,
    persistAcrossSessions: true,
  };
}

/** Two lists of patterns or files with the same entries (an absent list is an empty one). */
function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = [...(a ?? [])].sort();
  const y = [...(b ?? [])].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

let syncing: Promise<void> = Promise.resolve();

/** Registers, updates or removes the patch to match `settings`; calls run one after another. */
export function syncPagePatch(settings: Settings): Promise<void> {
  syncing = syncing.then(async () => {
    const wanted = patchRegistration(settings);
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [PATCH_ID] });
    if (wanted === null) {
      if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [PATCH_ID] });
      return;
    }
    // The background starts often (an event page, a service worker): a registration that says the same
    // is left alone, so that pages loading meanwhile never miss the patch.
    const now = registered[0];
    if (now && sameList(now.excludeMatches, wanted.excludeMatches) && sameList(now.js, wanted.js)) return;
    // Unregistered and registered again rather than updated: an update keeps the exclusions it had
    // when the new settings have none.
    if (now) await browser.scripting.unregisterContentScripts({ ids: [PATCH_ID] });
    await browser.scripting.registerContentScripts([wanted]);
  });
  syncing = syncing.catch((error: unknown) => {
    console.error('Case Lens: the page-world patch could not be registered:', error);
  });
  return syncing;
}

/**
 * The page-world patch (entrypoints/shadow-watch.ts) is the one piece of
 * Case Lens that changes something a page's own scripts can touch. It is
 * registered by the background to run only where Case Lens is on: not at all
 * with the master switch off, and not on the sites switched off, so that a
 * reader who switched Case Lens off for a site leaves that site's pages
 * exactly as the browser made them. Its partner in the content scripts'
 * world (shadow-key.ts, which takes the patch's event name) stays declared in
 * the manifest: declared scripts start before registered ones, and alone it
 * adds a listener no page can observe.
 */
import { browser } from 'wxt/browser';
import { PAGES } from './pages';
import { FILE_SITE, type Settings } from './settings';

export const PATCH_ID = 'case-lens-shadow-watch';

/**
 * A pattern no page matches (the .invalid domain never resolves), always in
 * the exclusions: an update that gives a registration no exclusions leaves
 * the ones it had, so the list is never empty and an update always replaces it.
 */
export const NO_PAGE = '*://case-lens.invalid/*';

/** A site a match pattern can name: a host name or an IPv4 address (siteOf has lower-cased it). */
const PATTERN_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;
/** An IPv4 address has no `www.` form, and Chrome refuses a pattern that gives it one. */
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

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
    else if (IPV4.test(site)) patterns.push(`*://${site}/*`);
    else if (PATTERN_HOST.test(site)) patterns.push(`*://${site}/*`, `*://www.${site}/*`);
  }
  return patterns;
}

/** The patch's registration for these settings; null where it must not run anywhere. */
export function patchRegistration(settings: Settings) {
  if (!settings.enabled) return null;
  return {
    id: PATCH_ID,
    js: ['shadow-watch.js'],
    matches: PAGES,
    excludeMatches: [NO_PAGE, ...excludedPatterns(settings.disabledSites)],
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
    // is left alone.
    const now = registered[0];
    if (now && sameList(now.excludeMatches, wanted.excludeMatches) && sameList(now.js, wanted.js)) return;
    // Updated in place rather than unregistered and registered again, which would leave pages that load
    // between the two calls without the patch. (Chrome applies an update as a removal and an addition
    // sent to renderers in turn: a page starting in those few milliseconds can still miss it, and then
    // only misses the announcements of shadow roots attached after it was parsed.)
    // An update that does not name persistAcrossSessions sets it to false (Chrome): it is named.
    if (now) {
      const { id, js, excludeMatches, persistAcrossSessions } = wanted;
      await browser.scripting.updateContentScripts([{ id, js, excludeMatches, persistAcrossSessions }]);
    } else await browser.scripting.registerContentScripts([wanted]);
  });
  syncing = syncing.catch((error: unknown) => {
    console.error('Case Lens: the page-world patch could not be registered:', error);
  });
  return syncing;
}

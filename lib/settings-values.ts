/**
 * The settings as values: their shape, defaults, repair and comparison, and
 * the site a document speaks for. No storage here: the page side imports
 * this and `settings-read.ts` only, and stays free of the storage library
 * the extension's own pages use (lib/settings.ts).
 */
import * as v from 'valibot';
import { CATEGORIES, type Category } from '@/facts/constants';

export interface Settings {
  /** The master switch. */
  enabled: boolean;
  /** Which categories are highlighted. */
  categories: Record<Category, boolean>;
  /** Sites (see `siteOf`) where Case Lens stays off. */
  disabledSites: string[];
  /** How highlights are shown: wrapped in elements, or painted over the page's text (README, "Paint or wrap"). */
  renderer: RendererKind;
}

/** `wrap`: each highlight is an element around the text; `paint`: a range painted by the browser, the DOM untouched. */
export type RendererKind = 'wrap' | 'paint';
export const RENDERER_KINDS: readonly RendererKind[] = ['wrap', 'paint'];

/**
 * The stored shape's version. v1 kept each disabled site as the exact host
 * name; v2 keys sites by `siteOf`, so one switch covers `www.example.com` and
 * `example.com` alike.
 */
export const SETTINGS_VERSION = 2;

/** The settings' key in `storage.local`. */
export const SETTINGS_STORAGE_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  categories: Object.freeze(Object.fromEntries(CATEGORIES.map((c) => [c, true]))) as Record<Category, boolean>,
  disabledSites: Object.freeze([]) as unknown as string[],
  renderer: 'wrap',
});

/** The site a per-site switch speaks for: the host name in lower case, without a leading `www.` or trailing dot. */
export function siteOf(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** The one site every local file (`file://`) shares: files have no host name to tell them apart. */
export const FILE_SITE = 'file://';

/** What `documentSite` reads of a document's location. */
export interface DocumentLocation {
  protocol: string;
  hostname: string;
  href: string;
  /** Chromium only: the origins of the frames above, nearest first. */
  ancestorOrigins?: ArrayLike<string>;
}

/**
 * The site a document's per-site switch speaks for. A document with a host
 * name is that host's site; `file://` pages share FILE_SITE; a frame with no
 * host of its own (srcdoc, about:blank, data: and blob: documents) belongs to
 * the site of the frame that made it: the nearest ancestor origin where the
 * browser lists them (Chromium's `location.ancestorOrigins`), else its
 * referrer (Firefox has no ancestorOrigins; a srcdoc or about:blank frame's
 * referrer is its parent's URL), else the origin inside a blob: URL. Empty
 * when nothing says.
 */
export function documentSite(location: DocumentLocation, referrer = ''): string {
  if (location.hostname) return siteOf(location.hostname);
  if (location.protocol === 'file:') return FILE_SITE;
  const candidates = [
    ...(location.ancestorOrigins ? Array.from(location.ancestorOrigins).slice(0, 1) : []),
    referrer,
    location.protocol === 'blob:' ? location.href.slice('blob:'.length) : '',
  ];
  for (const candidate of candidates) {
    if (!candidate || candidate === 'null') continue;
    try {
      const url = new URL(candidate);
      if (url.hostname) return siteOf(url.hostname);
      if (url.protocol === 'file:') return FILE_SITE;
    } catch {
      // Not a URL: the next candidate may say.
    }
  }
  return '';
}

const categorySwitches = Object.fromEntries(
  CATEGORIES.map((c) => [c, v.fallback(v.boolean(), DEFAULT_SETTINGS.categories[c])]),
) as Record<Category, v.SchemaWithFallback<v.BooleanSchema<undefined>, boolean>>;

/**
 * A list of sites as stored: an entry that is not a string drops out alone,
 * the rest become sites (`siteOf`), once each, sorted.
 */
const siteList = v.pipe(
  v.array(v.fallback(v.string(), '')),
  v.transform((entries) => [...new Set(entries.map(siteOf).filter((s) => s.length > 0))].sort()),
);

/**
 * What a stored settings value may say, key by key. Every key has its own
 * fallback (a fresh copy of its default), so a corrupt key costs only itself
 * and a missing one reads as its default; keys not named here are dropped.
 */
const settingsSchema = v.fallback(
  v.object({
    enabled: v.fallback(v.boolean(), DEFAULT_SETTINGS.enabled),
    categories: v.fallback(v.object(categorySwitches), () => ({ ...DEFAULT_SETTINGS.categories })),
    disabledSites: v.fallback(siteList, () => []),
    renderer: v.fallback(v.picklist(RENDERER_KINDS), DEFAULT_SETTINGS.renderer),
  }),
  () => ({ ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories }, disabledSites: [] }),
);

/**
 * Repairs whatever is stored into valid settings: unknown keys are dropped,
 * a wrong type falls back to its default, missing categories are on. A
 * corrupt value never reaches the rest of the extension.
 */
export function sanitizeSettings(raw: unknown): Settings {
  return v.parse(settingsSchema, raw);
}

/** v1 → v2: disabled hosts become sites, so `www.example.com` and `example.com` merge into `example.com`. */
export function migrateSettingsV1(v1: unknown): Settings {
  return sanitizeSettings(v1);
}

/** A value's JSON with every object's keys sorted: the order in which they were written says nothing. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}

/**
 * True when two settings values say the same thing (used to repair a stored
 * value only when needed), whatever the order of their keys: Chrome's storage
 * gives an object back with its keys sorted, so a value read back never has
 * the order in which it was written.
 */
export function sameSettings(a: Settings, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A version record as @wxt-dev/storage writes it (`{ v }`); none at all is a value stored before versions existed. */

/**
 * The version a stored version record names: a whole number from 1 on, with
 * 1 when there is no record (values stored before versions existed). Anything
 * else (negative, fractional, absurdly large, not a record) is null: unknown,
 * read for what the value still says.
 */
export function storedVersion(meta: unknown): number | null {
  if (meta === null || meta === undefined) return 1;
  if (typeof meta !== 'object' || Array.isArray(meta)) return null;
  const v = (meta as { v?: unknown }).v;
  if (v === undefined) return 1;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? v : null;
}

/** One change a reader makes: it names the key it changes, so it applies to whatever is stored by then. */
export type SettingsChange =
  | { key: 'enabled'; on: boolean }
  | { key: 'category'; category: Category; on: boolean }
  | { key: 'site'; site: string; on: boolean }
  | { key: 'renderer'; renderer: RendererKind };

/** `current` with only what `change` names changed. */
export function applySettingsChange(current: Settings, change: SettingsChange): Settings {
  switch (change.key) {
    case 'enabled':
      return { ...current, enabled: change.on };
    case 'category':
      return { ...current, categories: { ...current.categories, [change.category]: change.on } };
    case 'renderer':
      return sanitizeSettings({ ...current, renderer: change.renderer });
    case 'site': {
      const site = siteOf(change.site);
      const others = current.disabledSites.filter((s) => s !== site);
      return sanitizeSettings({ ...current, disabledSites: change.on ? others : [...others, site] });
    }
  }
}

/** True when Case Lens should highlight on this host. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(siteOf(host));
}

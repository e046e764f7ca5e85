import { storage } from 'wxt/utils/storage';
import { CATEGORIES, type Category } from '@/facts/constants';

export interface Settings {
  /** The master switch. */
  enabled: boolean;
  /** Which categories are highlighted. */
  categories: Record<Category, boolean>;
  /** Sites (see `siteOf`) where Case Lens stays off. */
  disabledSites: string[];
}

/**
 * The stored shape's version. v1 kept each disabled site as the exact host
 * name; v2 keys sites by `siteOf`, so one switch covers `www.example.com` and
 * `example.com` alike.
 */
export const SETTINGS_VERSION = 2;

const SETTINGS_KEY = 'local:settings';
// @wxt-dev/storage keeps an item's version in a companion key named after it.
const SETTINGS_META_KEY = `${SETTINGS_KEY}$` as const;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  categories: Object.freeze(Object.fromEntries(CATEGORIES.map((c) => [c, true]))) as Record<Category, boolean>,
  disabledSites: Object.freeze([]) as unknown as string[],
});

/** The site a per-site switch speaks for: the host name in lower case, without a leading `www.` or trailing dot. */
export function siteOf(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/**
 * Repairs whatever is stored into valid settings: unknown keys are dropped,
 * a wrong type falls back to its default, missing categories are on. A
 * corrupt value never reaches the rest of the extension.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const categoriesRaw = (value.categories && typeof value.categories === 'object' ? value.categories : {}) as Record<
    string,
    unknown
  >;
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => [c, typeof categoriesRaw[c] === 'boolean' ? categoriesRaw[c] : true]),
  ) as Record<Category, boolean>;
  const sites = Array.isArray(value.disabledSites) ? value.disabledSites : [];
  const keys = sites.filter((s): s is string => typeof s === 'string').map(siteOf);
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    categories,
    disabledSites: [...new Set(keys.filter((s) => s.length > 0))].sort(),
  };
}

/** v1 → v2: disabled hosts become sites, so `www.example.com` and `example.com` merge into `example.com`. */
export function migrateSettingsV1(v1: unknown): Settings {
  return sanitizeSettings(v1);
}

/** True when two settings values say the same thing (used to repair a stored value only when needed). */
export function sameSettings(a: Settings, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const settingsItem = storage.defineItem<Settings>(SETTINGS_KEY, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsV1 },
});

function isCurrentMeta(meta: unknown): boolean {
  return JSON.stringify(meta) === JSON.stringify({ v: SETTINGS_VERSION });
}

/**
 * Reads the settings, repairing the stored value and its version when they
 * are corrupt or come from an unknown (newer) version: such a value is read
 * for what it still says, and whatever cannot be read falls back to defaults.
 */
export async function loadSettings(): Promise<Settings> {
  let raw: unknown = null;
  let meta: unknown = null;
  try {
    await settingsItem.getValue(); // waits for the item's migrations
    [raw, meta] = await Promise.all([
      storage.getItem<unknown>(SETTINGS_KEY),
      storage.getItem<unknown>(SETTINGS_META_KEY),
    ]);
  } catch {
    raw = null;
  }
  const settings = sanitizeSettings(raw);
  if (raw !== null && (!sameSettings(settings, raw) || !isCurrentMeta(meta))) {
    // Another part of the extension (the popup, say) may have stored a change
    // since the read: the repair must not write the old value over it.
    const now = await storage.getItem<unknown>(SETTINGS_KEY).catch(() => raw);
    if (JSON.stringify(now) !== JSON.stringify(raw)) return sanitizeSettings(now);
    await storage
      .setItems([
        { key: SETTINGS_KEY, value: settings },
        { key: SETTINGS_META_KEY, value: { v: SETTINGS_VERSION } },
      ])
      .catch(() => undefined);
  }
  return settings;
}

/**
 * Stores settings the caller already holds, starting the write at once: a
 * popup may be closed right after the click that changed something.
 */
export function storeSettings(next: Settings): Promise<void> {
  return settingsItem.setValue(sanitizeSettings(next));
}

export async function saveSettings(update: (current: Settings) => Settings): Promise<Settings> {
  const next = sanitizeSettings(update(await loadSettings()));
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => callback(sanitizeSettings(raw)));
}

/** True when Case Lens should highlight on this host. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(siteOf(host));
}

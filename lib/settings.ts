import { storage } from 'wxt/utils/storage';
import { CATEGORIES, type Category } from '@/facts/constants';

export interface Settings {
  /** The master switch. */
  enabled: boolean;
  /** Which categories are highlighted. */
  categories: Record<Category, boolean>;
  /** Host names where Case Lens stays off. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>,
  disabledSites: [],
});

/**
 * Repairs whatever is stored into valid settings: unknown keys are dropped,
 * a wrong type falls back to its default, missing categories are on. A
 * corrupt value never reaches the rest of the extension.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const categoriesRaw = (
    value.categories && typeof value.categories === 'object' ? value.categories : {}
  ) as Record<string, unknown>;
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => [c, typeof categoriesRaw[c] === 'boolean' ? categoriesRaw[c] : true]),
  ) as Record<Category, boolean>;
  const sites = Array.isArray(value.disabledSites) ? value.disabledSites : [];
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    categories,
    disabledSites: [...new Set(sites.filter((s): s is string => typeof s === 'string' && s.length > 0))].sort(),
  };
}

/** True when two settings values say the same thing (used to repair a stored value only when needed). */
export function sameSettings(a: Settings, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads the settings, repairing the stored value when it was corrupt. */
export async function loadSettings(): Promise<Settings> {
  let raw: unknown;
  try {
    raw = await settingsItem.getValue();
  } catch {
    raw = undefined;
  }
  const settings = sanitizeSettings(raw);
  if (raw !== undefined && !sameSettings(settings, raw)) {
    await settingsItem.setValue(settings).catch(() => undefined);
  }
  return settings;
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
  return settings.enabled && !settings.disabledSites.includes(host);
}

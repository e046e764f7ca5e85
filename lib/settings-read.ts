/**
 * Reading and watching the settings, for every part of Case Lens: plain
 * `storage.local`, so that the page side does not carry the storage library
 * the extension's own pages use to write them (lib/settings.ts). Nothing here
 * writes: pages only read, and a stored value that needs a repair is repaired
 * by the background or the popup (`loadSettings`).
 */
import { browser } from 'wxt/browser';
import { canonicalJson, type Settings, SETTINGS_STORAGE_KEY, sanitizeSettings } from './settings-values';

/**
 * Reads the settings and makes sense of whatever is stored (a corrupt key
 * reads as its default), without writing anything. Pages read the settings
 * each time one loads: a write from there, of a value read a moment before,
 * could land just after a reader's change and undo it.
 */
export async function readSettings(): Promise<Settings> {
  let raw: unknown = null;
  try {
    raw = (await browser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY] ?? null;
  } catch {
    // Storage that cannot be read (the extension going away): the defaults.
  }
  return sanitizeSettings(raw);
}

/** Calls back with the settings, made sense of, each time a different value is stored; returns the unwatch. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const change = area === 'local' ? changes[SETTINGS_STORAGE_KEY] : undefined;
    if (!change) return;
    // The same value written again is no change (as @wxt-dev/storage's watch has it); any other value,
    // corrupt ones too, is told, so that the background can repair what was stored.
    if (canonicalJson(change.newValue ?? null) === canonicalJson(change.oldValue ?? null)) return;
    callback(sanitizeSettings(change.newValue ?? null));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

import { storage } from 'wxt/utils/storage';
import {
  applySettingsChange,
  DEFAULT_SETTINGS,
  SETTINGS_STORAGE_KEY,
  SETTINGS_VERSION,
  type Settings,
  type SettingsChange,
  sameSettings,
  sanitizeSettings,
  storedVersion,
} from './settings-values';
import { readSettings } from './settings-read';

export * from './settings-values';
export { readSettings, watchSettings } from './settings-read';

const SETTINGS_KEY = `local:${SETTINGS_STORAGE_KEY}` as const;
// @wxt-dev/storage keeps an item's version in a companion key named after it.
const SETTINGS_META_KEY = `${SETTINGS_KEY}$` as const;

/**
 * The item carries no `version` or `migrations` of @wxt-dev/storage: its
 * migration runs in every page at start-up and allocates one array slot per
 * version between the stored one and ours, so a stored `{ v: -1e9 }` froze or
 * crashed every tab. The version is read here instead (`storedVersion`) and
 * every version's value is read by `sanitizeSettings`, which is the v1 → v2
 * migration.
 */
export const settingsItem = storage.defineItem<Settings>(SETTINGS_KEY, { fallback: DEFAULT_SETTINGS });

function isCurrentMeta(meta: unknown): boolean {
  return storedVersion(meta) === SETTINGS_VERSION && JSON.stringify(meta) === JSON.stringify({ v: SETTINGS_VERSION });
}

/** The stored value and its version record, as they are; nulls where the storage cannot be read. */
async function readStored(): Promise<{ raw: unknown; meta: unknown }> {
  try {
    const [raw, meta] = await Promise.all([
      storage.getItem<unknown>(SETTINGS_KEY),
      storage.getItem<unknown>(SETTINGS_META_KEY),
    ]);
    return { raw, meta };
  } catch {
    return { raw: null, meta: null };
  }
}

/** Whether what is stored must be written again: corrupt, from another version, or not in today's shape. */
function needsRepair(raw: unknown, meta: unknown, settings: Settings): boolean {
  return raw !== null && (!sameSettings(settings, raw) || !isCurrentMeta(meta));
}

/**
 * Reads the settings, repairing the stored value and its version when they
 * are corrupt or come from an unknown (newer) version: such a value is read
 * for what it still says, and whatever cannot be read falls back to defaults.
 * For the extension's own pages (the background, the popup): the repair is
 * made under the settings lock, from a value read again under it, so it is
 * never written over a change another of them stored meanwhile.
 */
export async function loadSettings(): Promise<Settings> {
  const { raw, meta } = await readStored();
  const settings = sanitizeSettings(raw);
  if (!needsRepair(raw, meta, settings)) return settings;
  return withSettingsLock(async () => {
    const now = await readStored();
    const repaired = sanitizeSettings(now.raw);
    if (needsRepair(now.raw, now.meta, repaired))
      await storage
        .setItems([
          { key: SETTINGS_KEY, value: repaired },
          { key: SETTINGS_META_KEY, value: { v: SETTINGS_VERSION } },
        ])
        .catch(() => undefined);
    return repaired;
  });
}

/** Stores a whole settings value (tests and repairs; the popup stores changes with `changeSettings`). */
export function storeSettings(next: Settings): Promise<void> {
  return settingsItem.setValue(sanitizeSettings(next));
}

/** Extension pages (popups, the background) share one origin, so one lock orders their read-modify-writes. */
const SETTINGS_LOCK = 'case-lens-settings';

/**
 * Stores one change as a read-modify-write of what is stored at that moment,
 * so two popups changing different settings both keep their change (writing
 * a whole value a popup held would let the last writer undo the other's).
 * Rejects when the browser refuses the write (quota, storage errors).
 */
export function changeSettings(change: SettingsChange): Promise<Settings> {
  return withSettingsLock(async () => {
    // Read without repairing (the repair takes this lock): the whole value written here is sound anyway.
    const next = applySettingsChange(await readSettings(), change);
    await storage.setItems([
      { key: SETTINGS_KEY, value: next },
      { key: SETTINGS_META_KEY, value: { v: SETTINGS_VERSION } },
    ]);
    return next;
  });
}

/** Runs a read-modify-write of the settings while no other extension page runs one. */
function withSettingsLock<T>(write: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks) return locks.request(SETTINGS_LOCK, write) as Promise<T>;
  // Without Web Locks, writes from this context at least wait for one another.
  const done = pendingWrite.then(write, write);
  pendingWrite = done.catch(() => undefined);
  return done;
}
let pendingWrite: Promise<unknown> = Promise.resolve();

export async function saveSettings(update: (current: Settings) => Settings): Promise<Settings> {
  const next = sanitizeSettings(update(await loadSettings()));
  await settingsItem.setValue(next);
  return next;
}

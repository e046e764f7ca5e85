/**
 * The fact packs a reader loaded, kept in the extension's own IndexedDB
 * (idb-keyval): a catalogue pack runs to megabytes (ATT&CK's groups and
 * software 1.2 MB, MISP's threat actors 1.6 MB), a few of them pass the
 * 10 MB `storage.local` holds without the `unlimitedStorage` permission, and
 * `storage.local` is what the page side reads, which should stay small.
 * IndexedDB asks for no permission at all, so installing shows nothing new. Only the extension's pages (options, popup) and its background read
 * this database; pages on the web cannot reach it, and nothing leaves the
 * browser.
 */
import { createStore, del, entries, get, set } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { type Pack, PackError, parsePack } from '@/facts/packs/schema';

/** A pack as stored: the pack, whether the reader has it on, and where it came from. */
export interface StoredPack {
  pack: Pack;
  enabled: boolean;
  fileName: string;
  /** ISO time of the load. */
  loadedAt: string;
}

/** A stored record that no longer reads as a pack: listed so the reader can remove it. */
export interface BrokenPack {
  /** The record's key in the store (the id the pack was stored under). */
  id: string;
  problem: string;
}

/**
 * Bumped in `storage.local` after every change, so that the extension's
 * other parts (an open popup, the background) hear of it through
 * `storage.onChanged`, which IndexedDB does not offer.
 */
export const PACKS_REVISION_KEY = 'packsRevision';

let packStore: ReturnType<typeof createStore> | null = null;
/** One connection per page, opened on first use. */
const store = () => {
  packStore ??= createStore('case-lens-packs', 'packs');
  return packStore;
};

/** A value never stored before, so that every change fires `storage.onChanged` even when two pages write at once. */
async function announce(): Promise<void> {
  await browser.storage.local.set({ [PACKS_REVISION_KEY]: `${Date.now()}-${Math.random().toString(36).slice(2)}` });
}

/** Every stored pack, sorted by title; records that fail the schema come back apart, named. */
export async function storedPacks(): Promise<{ packs: StoredPack[]; broken: BrokenPack[] }> {
  const packs: StoredPack[] = [];
  const broken: BrokenPack[] = [];
  for (const [key, record] of await entries<IDBValidKey, unknown>(store())) {
    const r = record as Partial<StoredPack> | null;
    const id = String(key);
    try {
      const pack = parsePack(`stored pack "${id}"`, r?.pack);
      packs.push({
        pack,
        enabled: r?.enabled !== false,
        fileName: typeof r?.fileName === 'string' ? r.fileName : '',
        loadedAt: typeof r?.loadedAt === 'string' ? r.loadedAt : '',
      });
    } catch (error) {
      broken.push({ id, problem: error instanceof PackError ? error.message : String(error) });
    }
  }
  packs.sort((a, b) => a.pack.title.localeCompare(b.pack.title));
  return { packs, broken };
}

/** The packs the reader has on. */
export async function enabledPacks(): Promise<Pack[]> {
  return (await storedPacks()).packs.filter((p) => p.enabled).map((p) => p.pack);
}

/** Stores a checked pack (facts/packs/loading.ts); a pack with the same id is replaced. Returns the one it replaced. */
export async function savePack(pack: Pack, fileName: string): Promise<StoredPack | null> {
  const before = (await get<StoredPack>(pack.id, store())) ?? null;
  const record: StoredPack = { pack, enabled: before?.enabled ?? true, fileName, loadedAt: new Date().toISOString() };
  await set(pack.id, record, store());
  await announce();
  return before;
}

export async function removePack(id: string): Promise<void> {
  await del(id, store());
  await announce();
}

export async function setPackEnabled(id: string, enabled: boolean): Promise<void> {
  const record = await get<StoredPack>(id, store());
  if (!record) return;
  await set(id, { ...record, enabled }, store());
  await announce();
}

/** Calls back after each change to the stored packs, from any extension page; returns the unwatch. */
export function watchPacks(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && PACKS_REVISION_KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

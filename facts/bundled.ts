import type { EntityRecord } from './schema';

/**
 * The fact store as bundled into the extension. Vite inlines the JSON files at
 * build time; the lexicon imports only the fields the page scanner needs, so
 * facts and sources stay out of the content script.
 */
const records = import.meta.glob<EntityRecord>('./entities/*.json', { eager: true, import: 'default' });

export const bundledEntities: EntityRecord[] = Object.values(records).sort((a, b) => a.id.localeCompare(b.id));

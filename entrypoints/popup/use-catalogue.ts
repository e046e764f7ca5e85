import { useEffect, useState } from 'preact/hooks';
import { bundledEntities } from '@/facts/bundled';
import { toEntityRecord } from '@/facts/packs/schema';
import type { EntityRecord } from '@/facts/schema';
import { createStoreSearch, type SearchResult } from '@/facts/search';
import { enabledPacks, watchPacks } from '@/lib/pack-library';

/** What the popup searches and opens: the bundled case, and the packs the reader loaded and has on. */
export interface Catalogue {
  entities: EntityRecord[];
  search(query: string, limit?: number): SearchResult[];
  /** The title of the pack an entity comes from; null for the bundled case. */
  packOf(id: string): string | null;
}

function catalogueOf(packs: { title: string; entities: EntityRecord[] }[]): Catalogue {
  const titles = new Map<string, string>();
  const entities = [...bundledEntities];
  for (const pack of packs) {
    for (const entity of pack.entities) {
      titles.set(entity.id, pack.title);
      entities.push(entity);
    }
  }
  const packOf = (id: string) => titles.get(id) ?? null;
  return { entities, search: createStoreSearch(entities, packOf), packOf };
}

const BUNDLED_ONLY = catalogueOf([]);

/**
 * The bundled case at once; the loaded packs join it when they are read (a
 * catalogue pack is megabytes: the popup does not wait for it), and again
 * whenever the options page changes them. A pack store that cannot be read
 * leaves the bundled case alone, with the reason in the console.
 */
export function useCatalogue(): Catalogue {
  const [catalogue, setCatalogue] = useState<Catalogue>(BUNDLED_ONLY);
  useEffect(() => {
    let current = true;
    const read = () =>
      enabledPacks().then(
        (packs) => {
          if (!current) return;
          setCatalogue(
            packs.length === 0
              ? BUNDLED_ONLY
              : catalogueOf(packs.map((p) => ({ title: p.title, entities: p.entities.map(toEntityRecord) }))),
          );
        },
        (error: unknown) => console.error('Case Lens: the loaded fact packs could not be read:', error),
      );
    void read();
    const unwatch = watchPacks(() => void read());
    return () => {
      current = false;
      unwatch();
    };
  }, []);
  return catalogue;
}

import { foldString } from './matcher/fold';
import MiniSearch from 'minisearch';
import type { Category, EntityRecord } from './schema';

export interface SearchResult {
  id: string;
  name: string;
  category: Category;
  summary: string;
  score: number;
  /** The title of the loaded pack the entity comes from; null for the bundled case. */
  pack: string | null;
}

interface Doc {
  id: string;
  name: string;
  aliases: string;
  summary: string;
  facts: string;
  category: Category;
}

/** The matcher's folding without apostrophes: "P'yŏngyang" finds "Pyongyang" and back. */
export function foldForSearch(term: string): string {
  return foldString(term).replaceAll("'", '');
}

/**
 * Full-text search over the store with MiniSearch: prefix and fuzzy matching,
 * diacritics ignored, names and aliases weighted above summaries and facts.
 * `packOf` names the loaded pack an entity comes from (null: the bundled case).
 */
export function createStoreSearch(
  entities: EntityRecord[],
  packOf: (id: string) => string | null = () => null,
): (query: string, limit?: number) => SearchResult[] {
  const index = new MiniSearch<Doc>({
    fields: ['name', 'aliases', 'summary', 'facts'],
    storeFields: ['name', 'category', 'summary'],
    processTerm: (term) => foldForSearch(term) || null,
    tokenize: (text) => text.split(/[\s\-–—,.;:!?()"“”/]+/u).filter(Boolean),
  });
  index.addAll(
    entities.map((e) => ({
      id: e.id,
      name: e.name,
      aliases: e.aliases.map((a) => a.text).join(' · '),
      summary: e.summary,
      facts: e.facts.map((f) => f.text).join(' '),
      category: e.category,
    })),
  );
  return (query, limit = 20) => {
    const q = query.trim();
    if (!q) return [];
    return index
      .search(q, {
        prefix: true,
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        boost: { name: 4, aliases: 3, summary: 1.5, facts: 1 },
        combineWith: 'AND',
      })
      .slice(0, limit)
      .map((r) => ({
        id: r.id as string,
        name: r.name as string,
        category: r.category as Category,
        summary: r.summary as string,
        score: r.score,
        pack: packOf(r.id as string),
      }));
  };
}

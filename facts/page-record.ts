import type { ClaimSubject } from './claims';
import type { LexiconEntity } from './lexicon';
import type { EntityRecord } from './schema';

/** The share of the bundled record the full page script carries. */
export interface PageRecord {
  lexicon: LexiconEntity[];
  claimSubjects: ClaimSubject[];
}

/**
 * What a page needs of the bundled entities, made when the extension is built
 * (scripts/page-record-plugin.ts): each entity's names for the matcher, and
 * its claims for the claim check without their sources. Facts, summaries and
 * every source stay in the background, which the card asks; the claims'
 * sources alone were two thirds of the claims' bytes.
 */
export function pageRecord(entities: readonly EntityRecord[]): PageRecord {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    lexicon: sorted.map(({ id, category, aliases }) => ({ id, category, aliases })),
    claimSubjects: sorted.map(({ id, category, name, claims }) => ({
      id,
      category,
      claims: claims.map(({ sources: _sources, ...checked }) => checked),
      // The claim check reads "Park" or "Mr. Park" as the Park Jin Hyok its paragraph names.
      name,
    })),
  };
}

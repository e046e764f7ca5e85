import type { ClaimSubject } from './claims';
import type { Alias, Category, Claim } from './schema';
import type { LexiconEntity } from './lexicon';

// Named-export globs pull five fields of each entity file; the rest of the
// file (facts and their sources) is tree-shaken out of the content script.
const ids = import.meta.glob<string>('./entities/*.json', { eager: true, import: 'id' });
const categories = import.meta.glob<Category>('./entities/*.json', { eager: true, import: 'category' });
const aliases = import.meta.glob<Alias[]>('./entities/*.json', { eager: true, import: 'aliases' });
const claims = import.meta.glob<Claim[]>('./entities/*.json', { eager: true, import: 'claims' });
const names = import.meta.glob<string>('./entities/*.json', { eager: true, import: 'name' });

const paths = Object.keys(ids).sort();

export const bundledLexicon: LexiconEntity[] = paths.map((path) => ({
  id: ids[path]!,
  category: categories[path]!,
  aliases: aliases[path]!,
}));

export const bundledClaimSubjects: ClaimSubject[] = paths.map((path) => ({
  id: ids[path]!,
  category: categories[path]!,
  claims: claims[path]!,
  // The claim check reads "Park" or "Mr. Park" as the Park Jin Hyok its paragraph names.
  name: names[path]!,
}));

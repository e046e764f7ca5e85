import type { ClaimSubject } from './claims';
import type { Alias, Category, Claim } from './schema';
import type { LexiconEntity } from './lexicon';

// Named-export globs pull three fields of each entity file; the rest of the
// file (facts and their sources) is tree-shaken out of the content script.
// The store's tests hold every file to two rules that spare two more globs:
// its name is its id (`checkStore`), and its first alias is its name.
const categories = import.meta.glob<Category>('./entities/*.json', { eager: true, import: 'category' });
const aliases = import.meta.glob<Alias[]>('./entities/*.json', { eager: true, import: 'aliases' });
const claims = import.meta.glob<Claim[]>('./entities/*.json', { eager: true, import: 'claims' });

const paths = Object.keys(categories).sort();
/** "./entities/park-jin-hyok.json" → "park-jin-hyok". */
const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length);

export const bundledLexicon: LexiconEntity[] = paths.map((path) => ({
  id: idOf(path),
  category: categories[path]!,
  aliases: aliases[path]!,
}));

export const bundledClaimSubjects: ClaimSubject[] = paths.map((path) => ({
  id: idOf(path),
  category: categories[path]!,
  claims: claims[path]!,
  // The claim check reads "Park" or "Mr. Park" as the Park Jin Hyok its paragraph names.
  name: aliases[path]![0]!.text,
}));

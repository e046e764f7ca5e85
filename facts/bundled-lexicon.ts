import type { Alias, Category } from './schema';
import type { LexiconEntity } from './lexicon';

// Named-export globs pull three fields of each entity file; the rest of the
// file (facts, sources, claims) is tree-shaken out of the content script.
const ids = import.meta.glob<string>('./entities/*.json', { eager: true, import: 'id' });
const categories = import.meta.glob<Category>('./entities/*.json', { eager: true, import: 'category' });
const aliases = import.meta.glob<Alias[]>('./entities/*.json', { eager: true, import: 'aliases' });

export const bundledLexicon: LexiconEntity[] = Object.keys(ids)
  .sort()
  .map((path) => ({ id: ids[path]!, category: categories[path]!, aliases: aliases[path]! }));

import { canonicalAlias } from '../alias-rule';
import type { LexiconEntity } from '../lexicon';
import { WORD_SEPARATORS } from '../pack-scout';
import { scoutFold } from '../scout';
import type { Pack } from './schema';

/**
 * The loaded packs as the page side needs them, made once by the background
 * whenever the packs change (lib/pack-sync.ts) and kept in `storage.local`:
 * only what the matcher reads (ids, categories, alias rules), not the facts,
 * sources and relations that make a catalogue pack megabytes. ATT&CK's groups
 * and software with MISP's threat actors come to about a tenth of their packs.
 * A page compiles its trie from it in slices; the trie itself is not stored,
 * since its typed arrays are several times the size of the names they index
 * and `storage.local` hands values over as JSON.
 */
export interface PageLexicon {
  /** Changes with every change to the loaded packs: a page holding an older one compiles again. */
  revision: string;
  packs: { id: string; title: string }[];
  entities: PackLexiconEntity[];
}

export interface PackLexiconEntity extends LexiconEntity {
  pack: string;
}

/**
 * The names the pack scout looks for in frames' text (facts/pack-scout.ts): only those that may stand alone
 * (a name that needs context is never shown on a page that names nothing
 * else), each as its folded words, one name per line, words separated by a
 * space. Names in scripts written without spaces (Hangul, Han, kana) take
 * particles after them, so they are looked for anywhere in the text instead.
 */
export interface PackScoutWords {
  words: string;
  unspaced: string;
}

const UNSPACED = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The words of a name as the pack scout compares them: folded as the scouts fold page text (scoutFold), split as it splits it. */
export function scoutTokens(text: string): string[] {
  return scoutFold(text)
    .split(WORD_SEPARATORS)
    .filter((w) => w.length > 0);
}

/** The page lexicon of `packs`, and the words their scout looks for. */
export function buildPageLexicon(packs: Pack[], revision: string): { lexicon: PageLexicon; scout: PackScoutWords } {
  const entities: PackLexiconEntity[] = [];
  const words = new Set<string>();
  const unspaced = new Set<string>();
  for (const pack of packs) {
    for (const entity of pack.entities) {
      const aliases = entity.aliasRules.map(canonicalAlias);
      entities.push({ id: entity.id, category: entity.category, pack: pack.id, aliases });
      for (const alias of aliases) {
        if (alias.needsContext) continue;
        if (UNSPACED.test(alias.text)) unspaced.add(scoutFold(alias.text).trim());
        else {
          const tokens = scoutTokens(alias.text);
          if (tokens.length > 0) words.add(tokens.join(' '));
        }
      }
    }
  }
  return {
    lexicon: { revision, packs: packs.map((p) => ({ id: p.id, title: p.title })), entities },
    scout: {
      words: [...words].join('\n'),
      unspaced: [...unspaced].filter((w) => w.length > 0).join('\n'),
    },
  };
}

/** True when a value read from storage has the shape of a page lexicon (a damaged one is ignored, not trusted). */
export function isPageLexicon(value: unknown): value is PageLexicon {
  const v = value as Partial<PageLexicon> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.revision === 'string' &&
    Array.isArray(v.packs) &&
    Array.isArray(v.entities) &&
    v.entities.every(
      (e) =>
        typeof e === 'object' &&
        e !== null &&
        typeof e.id === 'string' &&
        typeof e.pack === 'string' &&
        typeof e.category === 'string' &&
        Array.isArray(e.aliases) &&
        e.aliases.every((a) => typeof a === 'object' && a !== null && typeof a.text === 'string'),
    )
  );
}

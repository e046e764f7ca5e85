import type { Alias } from '../schema';
import { foldString } from '../matcher/fold';

/**
 * Which imported names may stand on a page on their own, and which need the
 * page to be about the subject first. Catalogues hold thousands of names; many
 * are ordinary words ("Play", "Royal", "Empire", "Zinc"), first names ("James",
 * "Kevin"), places ("Cuba"), brands ("Lexus") or a few letters ("at"). No list
 * per name is written here: a name is judged by its length, its shape and
 * whether its words are words of written English, from word lists the caller
 * gives (the import script reads the CMU Pronouncing Dictionary, 135,000 words
 * and names of North American English, and SUBTLEX-US, word counts of 51
 * million words of film subtitles).
 */

/** What the rule knows of everyday English; words are lower case, folded like aliases. */
export interface WordCounts {
  /** The word is a word, name or place of English (any frequency). */
  known(word: string): boolean;
  /** Occurrences in a frequency list; 0 when absent. */
  count(word: string): number;
}

export type AmbiguityReason =
  /** Three letters or digits or fewer: an abbreviation or a common short word. */
  | 'short'
  /** Every word is an everyday word, name or place ("Royal", "Cuba", "James", "Fancy Bear"). */
  | 'common-words'
  /** One word made of two everyday words ("Sandworm", "Dragonfly"). */
  | 'compound-of-common-words'
  /** Written with capitals inside ("NightClub", "LookBack") but an everyday word in any other case. */
  | 'common-word-in-other-case'
  /** One word in small letters ("zlib", "mimo"): how code, handles and ordinary words are written, not a group's name. */
  | 'lower-case-word'
  /** One plain word that a catalogue gives as another name, not the entry's own ("Alibaba" for Cleaver). */
  | 'one-word-synonym';

/** The verdict on one name. */
export interface AliasVerdict {
  /** The alias as the store holds it, or null when it must not be matched at all. */
  alias: Alias | null;
  reason: AmbiguityReason | null;
}

/** Shortest name that may be matched without context, in letters and digits. */
const MIN_DISTINCT_LENGTH = 4;
/**
 * A part of a compound counts as an everyday word from this many occurrences
 * in 51 million words (about one per million): "sand" and "worm" are, while
 * the chance splits of coined names ("kims" + "uky") are not.
 */
const COMPOUND_PART_MIN_COUNT = 50;
/** Parts of three letters split too many coined names ("And" + "ariel", "Elect" + "rum"). */
const COMPOUND_PART_MIN_LENGTH = 4;
/** Words that carry nothing: "The Dukes" is judged by "Dukes". */
const FILLER = new Set(['the', 'of', 'a', 'an', 'and', 'de', 'la']);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const HAS_DIGIT = /\p{N}/u;
/** "WannaCry", "BlackEnergy", "njRAT": a capital after a small letter is a coined name. */
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;
const LATIN_WORD = /^[a-z]+$/;

/** A word no one writes by chance: capitals inside it. */
function isCoined(original: string): boolean {
  return INNER_CAPITAL.test(original);
}

function isCompoundOfCommonWords(word: string, counts: WordCounts): boolean {
  if (!LATIN_WORD.test(word) || word.length < 2 * COMPOUND_PART_MIN_LENGTH) return false;
  for (let cut = COMPOUND_PART_MIN_LENGTH; cut <= word.length - COMPOUND_PART_MIN_LENGTH; cut += 1) {
    if (
      counts.count(word.slice(0, cut)) >= COMPOUND_PART_MIN_COUNT &&
      counts.count(word.slice(cut)) >= COMPOUND_PART_MIN_COUNT
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Why a name is ambiguous, or null when it names its subject on any page.
 * `isName`: the text is the entry's own name, not one of its other names.
 */
export function ambiguityOf(text: string, counts: WordCounts, isName = true): AmbiguityReason | null {
  const length = text.match(LETTER_OR_DIGIT)?.length ?? 0;
  if (length < MIN_DISTINCT_LENGTH) return 'short';
  const originals = text.split(/[\s\u00a0\u2010-\u2015_/.,()-]+/).filter((w) => w.length > 0);
  if (originals.some((w) => HAS_DIGIT.test(w))) return null;
  const words = foldString(text)
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 0);
  const meaningful = words.filter((w) => !FILLER.has(w));
  const judged = meaningful.length > 0 ? meaningful : words;
  if (judged.length === 0) return null;
  let reason: AmbiguityReason | null = null;
  if (judged.every((w) => counts.known(w) || counts.count(w) > 0)) reason = 'common-words';
  else if (judged.length === 1 && isCompoundOfCommonWords(judged[0]!, counts)) reason = 'compound-of-common-words';
  // "NightClub" as written is no one's nightclub: matched in its own case, anywhere.
  if (reason !== null && originals.some(isCoined)) return 'common-word-in-other-case';
  if (reason === null && judged.length === 1 && originals.length === 1 && !isCoined(originals[0]!)) {
    if (!HAS_UPPER.test(text)) return 'lower-case-word';
    if (!isName && HAS_LOWER.test(text)) return 'one-word-synonym';
  }
  return reason;
}

/**
 * The alias rule for an imported name:
 * - not ambiguous: matched anywhere, in any case;
 * - an everyday word written with inner capitals ("NightClub"): matched
 *   anywhere, in that case only;
 * - ambiguous: `needsContext` (shown only on pages that name the subject
 *   unambiguously), and `caseSensitive` too when the catalogue writes it in
 *   capitals ("ZINC" is the group, "zinc" the metal);
 * - short and an everyday word written in small letters ("at", "Net"): not
 *   matched at all, since even on a page about the subject it would mark
 *   ordinary words; the entity keeps it as its name.
 * - one word with a capital, otherwise distinctive ("Turla", "ZLib"): matched
 *   anywhere except written all in small letters ("zlib" is the library).
 */
export function judgeAlias(text: string, counts: WordCounts, isName = true): AliasVerdict {
  const reason = ambiguityOf(text, counts, isName);
  if (reason === null) {
    const oneWord = !/[\s\u00a0_/.,()-]/.test(text.trim());
    const capitalized = oneWord && HAS_UPPER.test(text) && !HAS_DIGIT.test(text);
    return { alias: { text, ...(capitalized ? { capitalized: true } : {}) }, reason };
  }
  if (reason === 'common-word-in-other-case') return { alias: { text, caseSensitive: true }, reason };
  const capitals = HAS_UPPER.test(text) && !HAS_LOWER.test(text);
  if (reason === 'short' && !capitals && counts.known(foldString(text))) return { alias: null, reason };
  return { alias: { text, needsContext: true, ...(capitals ? { caseSensitive: true } : {}) }, reason };
}

/**
 * Everyday English from a list of known words and a frequency list of
 * `{ word, count }` (the shape of SUBTLEX lists), both case folded.
 */
export function everydayWords(
  known: Iterable<string>,
  frequencies: readonly { word: string; count: number }[],
): WordCounts {
  const table = new Map<string, number>();
  for (const { word, count } of frequencies) {
    const key = foldString(word);
    table.set(key, (table.get(key) ?? 0) + count);
  }
  const words = new Set<string>();
  for (const word of known) words.add(foldString(word));
  return { known: (word) => words.has(word) || table.has(word), count: (word) => table.get(word) ?? 0 };
}

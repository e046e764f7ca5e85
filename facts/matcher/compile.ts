import { aliasKey } from '../alias-key';
import { foldTables, foldUnit, isIgnorable, isWordUnit, SEPARATOR, TABLE_SIZE } from './fold';

/** One spelling the matcher looks for. `entry` is returned with every match; `null` marks a blocker. */
export interface Term<E> {
  text: string;
  caseSensitive?: boolean;
  /** Matched in any case except all small letters (see Alias.capitalized). */
  capitalized?: boolean;
  entry: E;
}

export interface TermMatch<E> {
  start: number;
  end: number;
  entry: E;
  /** The other terms of the same spelling that the text satisfies, in the order given: rare, so absent when none. */
  also?: E[];
}

export interface Matcher<E> {
  /**
   * All non-overlapping matches in `text`, leftmost first, longest at each
   * start. With `from` and `to`, only matches that start in that stretch are
   * found (a match may end past `to`); `from` must be a word start, so a long
   * text can be matched in pieces that begin where the last match ended or at
   * a white-space position.
   */
  findAll(text: string, from?: number, to?: number): TermMatch<E>[];
  readonly termCount: number;
}

interface Ending<E> {
  entry: E | null;
  /** For case-sensitive terms: the exact key the page's text must have. */
  exactKey: string | null;
  /** The page's text must hold a capital letter. */
  capitalized: boolean;
}

const UNSPACED_SCRIPT_END = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const WORDLIKE_END = /[\p{L}\p{N}]$/u;
const HAS_CAPITAL = /\p{Lu}/u;

/**
 * Terms ending in a letter or digit need a word boundary after them (not
 * Hangul/Han, which take particles). An ASCII last character is decided
 * without the Unicode expressions, which cost more than the rest of a term's
 * compilation together.
 */
function needsEndBoundary(text: string): boolean {
  const trimmed = text.trim();
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last < 0x80) return (last >= 0x30 && last <= 0x39) || ((last | 0x20) >= 0x61 && (last | 0x20) <= 0x7a);
  return WORDLIKE_END.test(trimmed) && !UNSPACED_SCRIPT_END.test(trimmed);
}

/**
 * A trie over folded characters, walked once from every word start of the
 * text. The cost per position is a few array reads whatever the number of
 * terms, so ten thousand aliases cost about what a hundred do. (A regular
 * expression built from the same trie is fast for a hundred terms but tries
 * alternatives one by one: ten times slower at ten thousand terms, and seconds
 * to compile.)
 *
 * The trie is flat: node n's children are a linked list through typed arrays
 * (`firstChild`, `nextSibling`, `unit`), and the root's children are an array
 * indexed by folded character. Compared with a Map per node this compiles ten
 * thousand aliases about five times faster (a content script compiles it on
 * every page) and walks faster too: a step is a few typed-array reads.
 */
export function compileMatcher<E>(terms: Term<E | null>[]): Matcher<E> {
  const trie = createTrie<E>(terms);
  for (const term of terms) trie.add(term);
  return trie.matcher();
}

/** How `compileMatcherInSlices` shares the thread. */
export interface SliceOptions {
  /** Longest stretch of work before pausing (ms). */
  sliceMs?: number;
  /** Resolves when the thread may be used again (by default after a zero timeout). */
  pause?: () => Promise<void>;
  /** Told of each stretch of work, with performance.now() times. */
  onSlice?: (start: number, end: number) => void;
}

/**
 * The same matcher, compiled in slices of at most `sliceMs` with pauses
 * between them: a content script compiles it on every page, and a store of
 * tens of thousands of aliases would otherwise hold the page's main thread
 * for a long task.
 */
export async function compileMatcherInSlices<E>(
  terms: Term<E | null>[],
  options: SliceOptions = {},
): Promise<Matcher<E>> {
  const { sliceMs = 8, pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0)), onSlice } = options;
  const trie = createTrie<E>(terms);
  let next = 0;
  for (;;) {
    const start = performance.now();
    // The clock is read every 64 terms: a term costs a few microseconds.
    do {
      const end = Math.min(terms.length, next + 64);
      while (next < end) trie.add(terms[next++]!);
    } while (next < terms.length && performance.now() - start < sliceMs);
    const done = next >= terms.length;
    const matcher = done ? trie.matcher() : null;
    onSlice?.(start, performance.now());
    if (matcher) return matcher;
    await pause();
  }
}

function createTrie<E>(terms: Term<E | null>[]): { add(term: Term<E | null>): void; matcher(): Matcher<E> } {
  let capacity = 64;
  for (const term of terms) capacity += term.text.length;
  let firstChild = new Int32Array(capacity);
  let nextSibling = new Int32Array(capacity);
  let unit = new Uint16Array(capacity);
  let boundary = new Uint8Array(capacity);
  /** The terms that end at a node; sparse. */
  const endings: (Ending<E>[] | undefined)[] = [];
  /** Children of the root by folded unit; node 0 is the root, so 0 means none. */
  const rootChild = new Int32Array(TABLE_SIZE);
  // Read once here: the matcher's inner loop indexes them directly.
  const { fold: FOLD, word: WORD } = foldTables();
  const rootFar = new Map<number, number>();
  let nodeCount = 1;

  function newNode(code: number): number {
    if (nodeCount === firstChild.length) {
      // NFC can lengthen a few strings: grow rather than trust the estimate.
      const grow = <T extends Int32Array | Uint16Array | Uint8Array>(old: T): T => {
        const bigger = new (old.constructor as new (n: number) => T)(old.length * 2);
        bigger.set(old);
        return bigger;
      };
      firstChild = grow(firstChild);
      nextSibling = grow(nextSibling);
      unit = grow(unit);
      boundary = grow(boundary);
    }
    unit[nodeCount] = code;
    return nodeCount++;
  }

  function childOrNew(node: number, code: number): number {
    if (node === 0) {
      if (code < TABLE_SIZE) {
        if (rootChild[code] === 0) rootChild[code] = newNode(code);
        return rootChild[code]!;
      }
      let child = rootFar.get(code);
      if (child === undefined) {
        child = newNode(code);
        rootFar.set(code, child);
      }
      return child;
    }
    for (let child = firstChild[node]!; child !== 0; child = nextSibling[child]!)
      if (unit[child] === code) return child;
    const child = newNode(code);
    nextSibling[child] = firstChild[node]!;
    firstChild[node] = child;
    return child;
  }

  let termCount = 0;
  function add(term: Term<E | null>): void {
    // The folded form of the term (see foldString), inserted as it is read:
    // separators collapse to one and none leads or trails.
    const composed = term.text.normalize('NFC');
    let node = 0;
    let pendingSeparator = false;
    for (let k = 0; k < composed.length; k += 1) {
      const code = foldUnit(composed.charCodeAt(k));
      if (isIgnorable(code)) continue;
      if (code === SEPARATOR) {
        pendingSeparator = node !== 0;
        continue;
      }
      if (pendingSeparator) node = childOrNew(node, SEPARATOR);
      pendingSeparator = false;
      node = childOrNew(node, code);
    }
    if (node === 0) return;
    if (needsEndBoundary(term.text)) boundary[node] = 1;
    const ending = {
      entry: term.entry,
      exactKey: term.caseSensitive ? aliasKey(term.text, true) : null,
      capitalized: term.capitalized === true,
    };
    const list = endings[node];
    if (list) list.push(ending);
    else endings[node] = [ending];
    termCount += 1;
  }

  /** Whether the original text satisfies an ending (case-sensitive terms must match their case). */
  function accepts(ending: Ending<E>, text: string, start: number, end: number): boolean {
    if (ending.capitalized && !HAS_CAPITAL.test(text.slice(start, end))) return false;
    return ending.exactKey === null || aliasKey(text.slice(start, end), true) === ending.exactKey;
  }

  /** The first ending that the original text satisfies. */
  function acceptedEnding(list: Ending<E>[], text: string, start: number, end: number): Ending<E> | null {
    for (const ending of list) if (accepts(ending, text, start, end)) return ending;
    return null;
  }

  /** The entries of the other endings of `list` that the text satisfies, after `best`; undefined for none. */
  function otherEntries(list: Ending<E>[], best: Ending<E>, text: string, start: number, end: number): E[] | undefined {
    let others: E[] | undefined;
    for (let k = list.indexOf(best) + 1; k < list.length; k += 1) {
      const ending = list[k]!;
      if (ending.entry === null || !accepts(ending, text, start, end)) continue;
      others ??= [];
      others.push(ending.entry);
    }
    return others;
  }

  function childOf(node: number, code: number): number {
    for (let child = firstChild[node]!; child !== 0; child = nextSibling[child]!)
      if (unit[child] === code) return child;
    return 0;
  }

  function findAll(text: string, from = 0, to = text.length): TermMatch<E>[] {
    const found: TermMatch<E>[] = [];
    const length = text.length;
    let i = from;
    while (i < to) {
      const code = text.charCodeAt(i);
      const first = code < TABLE_SIZE ? rootChild[FOLD[code]!]! : (rootFar.get(foldUnit(code)) ?? 0);
      i += 1;
      if (first !== 0) {
        // Walk the trie from this word start; remember the longest accepted ending.
        const start = i - 1;
        let node = first;
        let j = i;
        let bestEnd = -1;
        let best: Ending<E> | null = null;
        let bestList: Ending<E>[] | null = null;
        for (;;) {
          while (j < length && isIgnorable(text.charCodeAt(j))) j += 1;
          const list = endings[node];
          if (list !== undefined && !(boundary[node] === 1 && j < length && isWordUnit(text.charCodeAt(j)))) {
            const ending = acceptedEnding(list, text, start, j);
            if (ending) {
              best = ending;
              bestEnd = j;
              bestList = list;
            }
          }
          if (j >= length || firstChild[node] === 0) break;
          const folded = foldUnit(text.charCodeAt(j));
          const child = childOf(node, folded);
          if (child === 0) break;
          node = child;
          j += 1;
          // Any run of spaces, no-break spaces, newlines or hyphens stands for one separator.
          if (folded === SEPARATOR) while (j < length && foldUnit(text.charCodeAt(j)) === SEPARATOR) j += 1;
        }
        if (best !== null) {
          if (best.entry !== null) {
            // A spelling more than one entity claims (a pack's name that is also the case's) carries the rest.
            const also = bestList!.length > 1 ? otherEntries(bestList!, best, text, start, bestEnd) : undefined;
            found.push(
              also ? { start, end: bestEnd, entry: best.entry, also } : { start, end: bestEnd, entry: best.entry },
            );
          }
          // Blockers consume their text too: nothing inside "Kim Il-sung" is matched.
          i = bestEnd;
          if (!isWordUnit(text.charCodeAt(bestEnd - 1))) continue;
        } else if (!(code < TABLE_SIZE ? WORD[code] === 1 : isWordUnit(code))) continue;
      } else if (!(code < TABLE_SIZE ? WORD[code] === 1 : isWordUnit(code))) continue;
      // Inside a word no match can start: skip to the first unit after it.
      while (i < length) {
        const next = text.charCodeAt(i);
        i += 1;
        if (!(next < TABLE_SIZE ? WORD[next] === 1 : isWordUnit(next))) break;
      }
    }
    return found;
  }

  return { add, matcher: () => ({ termCount, findAll }) };
}

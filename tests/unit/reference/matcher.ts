// The matcher as it was before its trie was flattened: a Map per node, one
// step per character. Kept as the oracle that the faster matcher must agree
// with on every input (tests/unit/matcher.test.ts).
// It folds text with its own rules (./fold.ts), not the production tables.
import type { Matcher, Term, TermMatch } from '../../../facts/matcher/compile';
import {
  referenceAliasKey as aliasKey,
  referenceFoldUnit as foldUnit,
  referenceIsIgnorable as isIgnorable,
  referenceIsWord as isWordUnit,
} from './fold';

const SEPARATOR = 0x20;

/** A term's text as the trie holds it: folded, separators collapsed, ignorable units dropped. */
function foldString(text: string): string {
  let out = '';
  for (const unit of text.normalize('NFC')) {
    const code = foldUnit(unit.charCodeAt(0));
    if (isIgnorable(code)) continue;
    if (code === SEPARATOR && (out === '' || out.endsWith(' '))) continue;
    out += String.fromCharCode(code);
  }
  return out.trimEnd();
}

interface Ending<E> {
  entry: E | null;
  /** For case-sensitive terms: the exact key the page's text must have. */
  exactKey: string | null;
}

interface TrieNode<E> {
  next: Map<number, TrieNode<E>> | null;
  endings: Ending<E>[] | null;
  /** Terms ending in a letter or digit need a word boundary after them (not Hangul/Han, which take particles). */
  needsEndBoundary: boolean;
}

const newNode = <E>(): TrieNode<E> => ({ next: null, endings: null, needsEndBoundary: false });
const UNSPACED_SCRIPT_END = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const WORDLIKE_END = /[\p{L}\p{N}]$/u;

/**
 * A trie over folded characters, walked once from every word start of the
 * text. The cost per position is a few map look-ups whatever the number of
 * terms, so ten thousand aliases cost about what a hundred do. (A regular
 * expression built from the same trie is fast for a hundred terms but tries
 * alternatives one by one: ten times slower at ten thousand terms, and seconds
 * to compile.)
 */
export function compileReferenceMatcher<E>(terms: Term<E | null>[]): Matcher<E> {
  const root = newNode<E>();
  let termCount = 0;
  for (const term of terms) {
    const folded = foldString(term.text);
    if (folded.length === 0) continue;
    let node = root;
    for (let i = 0; i < folded.length; i += 1) {
      const code = folded.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) {
        child = newNode<E>();
        node.next.set(code, child);
      }
      node = child;
    }
    const trimmed = term.text.trim();
    if (WORDLIKE_END.test(trimmed) && !UNSPACED_SCRIPT_END.test(trimmed)) node.needsEndBoundary = true;
    node.endings ??= [];
    node.endings.push({ entry: term.entry, exactKey: term.caseSensitive ? aliasKey(term.text, true) : null });
    termCount += 1;
  }

  /** The first ending that the original text satisfies (case-sensitive terms must match their case). */
  function acceptedEnding(node: TrieNode<E>, text: string, start: number, end: number): Ending<E> | null {
    let original: string | null = null;
    for (const ending of node.endings!) {
      if (ending.exactKey === null) return ending;
      original ??= aliasKey(text.slice(start, end), true);
      if (original === ending.exactKey) return ending;
    }
    return null;
  }

  function findAll(text: string): TermMatch<E>[] {
    const found: TermMatch<E>[] = [];
    const length = text.length;
    let previousIsWord = false;
    let i = 0;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (previousIsWord) {
        // Inside a word: no match can start here.
        previousIsWord = isWordUnit(code);
        i += 1;
        continue;
      }
      const first = root.next?.get(foldUnit(code));
      if (!first) {
        previousIsWord = isWordUnit(code);
        i += 1;
        continue;
      }
      // Walk the trie from this word start; remember the longest accepted ending.
      let node: TrieNode<E> | undefined = first;
      let j = i + 1;
      let bestEnd = -1;
      let best: Ending<E> | null = null;
      let bestNode: TrieNode<E> | null = null;
      while (node) {
        while (j < length && isIgnorable(text.charCodeAt(j))) j += 1;
        if (node.endings && !(node.needsEndBoundary && j < length && isWordUnit(text.charCodeAt(j)))) {
          const ending = acceptedEnding(node, text, i, j);
          if (ending) {
            best = ending;
            bestEnd = j;
            bestNode = node;
          }
        }
        if (j >= length || !node.next) break;
        const folded = foldUnit(text.charCodeAt(j));
        const child: TrieNode<E> | undefined = node.next.get(folded);
        if (folded === SEPARATOR) {
          // Any run of spaces, no-break spaces, newlines or hyphens stands for one separator.
          if (!child) break;
          j += 1;
          while (j < length && foldUnit(text.charCodeAt(j)) === SEPARATOR) j += 1;
          node = child;
          continue;
        }
        if (!child) break;
        node = child;
        j += 1;
      }
      if (best && bestEnd > i) {
        if (best.entry !== null) {
          // The other claimants of the spelling that the text satisfies, after the first.
          const original = aliasKey(text.slice(i, bestEnd), true);
          const endings = bestNode!.endings!;
          const also = endings
            .slice(endings.indexOf(best) + 1)
            .filter((e) => e.entry !== null && (e.exactKey === null || e.exactKey === original))
            .map((e) => e.entry as E);
          found.push(
            also.length > 0
              ? { start: i, end: bestEnd, entry: best.entry, also }
              : { start: i, end: bestEnd, entry: best.entry },
          );
        }
        // Blockers consume their text too: nothing inside "Kim Il-sung" is matched.
        i = bestEnd;
        previousIsWord = isWordUnit(text.charCodeAt(bestEnd - 1));
        continue;
      }
      previousIsWord = isWordUnit(code);
      i += 1;
    }
    return found;
  }

  return { termCount, findAll };
}

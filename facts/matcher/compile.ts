import { aliasKey } from '../alias-key';
import { tokenKey, tokenize, tokenPattern, type Token } from './fold';

/** One spelling the matcher looks for. `entry` is returned with every match. */
export interface Term<E> {
  text: string;
  caseSensitive?: boolean;
  entry: E;
}

export interface TermMatch<E> {
  start: number;
  end: number;
  entry: E;
}

export interface Matcher<E> {
  /** All non-overlapping matches in `text`, leftmost first, longest at each start. */
  findAll(text: string): TermMatch<E>[];
  /** True when `text` holds at least one match (blockers excluded). Cheaper than findAll. */
  readonly source: string;
  readonly termCount: number;
}

interface TrieNode {
  children: Map<string, { token: Token; node: TrieNode }>;
  terminal: boolean;
  /** Terminals whose alias ends in a letter or digit need a word boundary after them. */
  needsEndBoundary: boolean;
}

const newNode = (): TrieNode => ({ children: new Map(), terminal: false, needsEndBoundary: false });

/** A letter or digit in any script: what a whole-word boundary must not touch. */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';
const END_BOUNDARY = `(?!${WORD_CHAR})`;
/** Scripts written without spaces (Hangul, Han, kana) take particles right after a name. */
const UNSPACED_SCRIPT = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const WORDLIKE_END = /[\p{L}\p{N}]$/u;

function emit(node: TrieNode): string {
  const branches: string[] = [];
  // Children first, the terminal last: the regex engine tries alternatives in
  // order, so the longest alias wins at every start ("Lazarus Group" over "Lazarus").
  const children = [...node.children.values()].sort((a, b) =>
    tokenKey(a.token) < tokenKey(b.token) ? -1 : 1,
  );
  for (const { token, node: child } of children) branches.push(tokenPattern(token) + emit(child));
  if (node.terminal) branches.push(node.needsEndBoundary ? END_BOUNDARY : '');
  if (branches.length === 1) return branches[0]!;
  return `(?:${branches.join('|')})`;
}

/**
 * Compiles every term into one trie-shaped regular expression. The engine
 * tries one alternation per character of the text and per trie level, so the
 * cost per character depends on the alphabet, not on how many terms there are.
 * Terms with `entry === null` are blockers: longer names that contain a term
 * ("Kim Il-sung" for "Kim Il") and are consumed without being reported.
 */
export function compileMatcher<E>(terms: Term<E | null>[]): Matcher<E> {
  const root = newNode();
  const byKey = new Map<string, E | null>();
  let termCount = 0;
  for (const term of terms) {
    const caseSensitive = term.caseSensitive === true;
    const tokens = tokenize(term.text, caseSensitive);
    if (tokens.length === 0) continue;
    let node = root;
    for (const token of tokens) {
      const key = tokenKey(token);
      let next = node.children.get(key);
      if (!next) {
        next = { token, node: newNode() };
        node.children.set(key, next);
      }
      node = next.node;
    }
    node.terminal = true;
    const trimmed = term.text.trim();
    if (WORDLIKE_END.test(trimmed) && !UNSPACED_SCRIPT.test(trimmed)) node.needsEndBoundary = true;
    const key = aliasKey(term.text, caseSensitive);
    if (!byKey.has(key)) byKey.set(key, term.entry);
    termCount += 1;
  }
  const source = root.children.size === 0 ? '(?!)' : `(?<!${WORD_CHAR})${emit(root)}`;
  const pattern = new RegExp(source, 'gu');

  const lookup = (matched: string): E | null | undefined => {
    const exact = byKey.get(aliasKey(matched, true));
    return exact !== undefined ? exact : byKey.get(aliasKey(matched, false));
  };

  return {
    source,
    termCount,
    findAll(text: string): TermMatch<E>[] {
      const found: TermMatch<E>[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const entry = lookup(m[0]);
        if (entry !== null && entry !== undefined) {
          found.push({ start: m.index, end: m.index + m[0].length, entry });
        }
      }
      return found;
    },
  };
}

/**
 * Finding cue words in a sentence without a regular expression per word
 * list. The claims of the store carry dozens of cue and context lists; one
 * expression each, with Unicode letter classes and case folding, cost about
 * a millisecond apiece to compile, paid by every page on its first paragraphs
 * about the case (half of the check's cost on a page). Here a list costs a
 * lowercased copy, and a search is one `indexOf` per word with a look at the
 * letters around each hit.
 */

/** A letter as `\p{L}` reads it; one expression, compiled once. */
const LETTER = /\p{L}/u;

const lowered = new WeakMap<readonly string[], string[]>();

function lowerList(words: readonly string[]): string[] {
  let list = lowered.get(words);
  if (!list) {
    list = words.map((w) => w.toLowerCase());
    lowered.set(words, list);
  }
  return list;
}

function isLetter(codePoint: number): boolean {
  if (codePoint < 0x80) return (codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x41 && codePoint <= 0x5a);
  return LETTER.test(String.fromCodePoint(codePoint));
}

/** Whether the code point that ends just before `index` is a letter. */
export function letterBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const last = text.charCodeAt(index - 1);
  // The second half of a surrogate pair: the letter (if any) is the whole pair.
  if (last >= 0xdc00 && last <= 0xdfff && index >= 2) return isLetter(text.codePointAt(index - 2)!);
  return isLetter(last);
}

/** Whether the code point that begins at `index` is a letter. */
function letterAt(text: string, index: number): boolean {
  return index < text.length && isLetter(text.codePointAt(index)!);
}

/** The last text lowered: the check asks about one sentence with several word lists in a row. */
let lastText = '';
let lastLower = '';

function search(text: string, words: readonly string[], wholeWords: boolean): boolean {
  if (words.length === 0) return false;
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  const lower = lastLower;
  for (const word of lowerList(words)) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
      if (letterBefore(lower, at)) continue;
      if (wholeWords && letterAt(lower, at + word.length)) continue;
      return true;
    }
  }
  return false;
}

/** True when one of `words` begins a word of `text`, ignoring case (the test `(?<!\p{L})(?:words)`, `iu`). */
export function hasWordStart(text: string, words: readonly string[]): boolean {
  return search(text, words, false);
}

/** True when one of `phrases` stands in `text` as whole words, ignoring case (`(?<!\p{L})(?:…)(?!\p{L})`, `iu`). */
export function hasWholePhrase(text: string, phrases: readonly string[]): boolean {
  return search(text, phrases, true);
}

/**
 * The matches of `pattern` (global, without a leading lookbehind) that begin
 * where `blocked` allows (by default: not right after a letter), as
 * `text.matchAll` would give them with the lookbehind `(?<!\p{L})` in front.
 * A leading lookbehind keeps the engine from skipping ahead to the places a
 * match can begin: it is tried at every character of every sentence (the
 * check's reference expression ran 2.5 times slower with it).
 */
export function* matchesAtWordStart(
  pattern: RegExp,
  text: string,
  blocked: (text: string, index: number) => boolean = letterBefore,
): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (blocked(text, m.index)) {
      // The leftmost match began inside a word: look again from the next character.
      pattern.lastIndex = m.index + 1;
      continue;
    }
    // An empty match would be found again at the same place.
    if (m[0].length === 0) pattern.lastIndex += 1;
    yield m;
  }
}

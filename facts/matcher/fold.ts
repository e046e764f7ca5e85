/**
 * Character folding shared by the compiled pattern and the alias lookup, so
 * that what the pattern accepts is exactly what the lookup can name.
 */

/** Hyphens and dashes that may stand between the parts of a name. */
export const SEPARATOR_CLASS = '[\\s\\u00a0\\u2010-\\u2015\\-]+';
/** Straight, curly and modifier apostrophes. */
export const APOSTROPHE_CLASS = "['\\u2018\\u2019\\u02bc]";

const SEPARATOR_CHAR = /[\s\u00a0\u2010-\u2015-]/;
const APOSTROPHE_CHAR = /['\u2018\u2019\u02bc]/;

/** Latin letters with diacritics, grouped by their base letter (lower case). */
const VARIANTS: Map<string, string[]> = (() => {
  const byBase = new Map<string, string[]>();
  const ranges: [number, number][] = [
    [0x00c0, 0x024f], // Latin-1 Supplement, Extended-A, Extended-B
    [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese and others)
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code += 1) {
      const ch = String.fromCharCode(code);
      const base = ch.normalize('NFD')[0]!.toLowerCase();
      if (!/^[a-z]$/.test(base)) continue;
      const list = byBase.get(base) ?? [];
      list.push(ch);
      byBase.set(base, list);
    }
  }
  return byBase;
})();

export type TokenKind = 'separator' | 'apostrophe' | 'letter' | 'exact';
export interface Token {
  kind: TokenKind;
  /** The folded character (letter) or the literal one (exact). */
  char: string;
}

function escapeForClass(ch: string): string {
  return /[\\\]\[^\-]/.test(ch) ? `\\${ch}` : ch;
}

function escapeLiteral(ch: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch;
}

/** Splits an alias into the tokens its pattern is built from. */
export function tokenize(text: string, caseSensitive: boolean): Token[] {
  const tokens: Token[] = [];
  for (const ch of text.trim().normalize('NFC')) {
    if (SEPARATOR_CHAR.test(ch)) {
      if (tokens.at(-1)?.kind !== 'separator') tokens.push({ kind: 'separator', char: ' ' });
    } else if (APOSTROPHE_CHAR.test(ch)) {
      tokens.push({ kind: 'apostrophe', char: "'" });
    } else {
      const base = ch.normalize('NFD')[0]!;
      if (!caseSensitive && /^[a-z]$/i.test(base)) {
        tokens.push({ kind: 'letter', char: base.toLowerCase() });
      } else {
        tokens.push({ kind: 'exact', char: ch });
      }
    }
  }
  return tokens;
}

/** A stable key per token, used to share trie nodes. */
export function tokenKey(token: Token): string {
  return token.kind === 'letter' ? token.char : token.kind === 'exact' ? `=${token.char}` : token.kind;
}

/** The regular-expression source that accepts one token. */
export function tokenPattern(token: Token): string {
  switch (token.kind) {
    case 'separator':
      return SEPARATOR_CLASS;
    case 'apostrophe':
      return APOSTROPHE_CLASS;
    case 'exact':
      return escapeLiteral(token.char);
    case 'letter': {
      const variants = VARIANTS.get(token.char) ?? [];
      const chars = [token.char, token.char.toUpperCase(), ...variants];
      return `[${chars.map(escapeForClass).join('')}]`;
    }
  }
}

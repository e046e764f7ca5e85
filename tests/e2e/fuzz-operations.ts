import fc from 'fast-check';

/**
 * The page-mutation fuzzer's operations (applied in the page by
 * tests/fixtures/hostile/fuzz-driver.js) and their weights: how often each
 * is drawn, out of 100.
 */
export const OPERATION_WEIGHTS = {
  setData: 8,
  setTextContent: 5,
  setInnerHTML: 5,
  appendData: 12,
  insertData: 8,
  deleteData: 8,
  replaceData: 6,
  splitText: 6,
  insert: 8,
  remove: 6,
  move: 6,
  makeEditable: 7,
  replaceBody: 5,
  attachShadow: 5,
  changeContext: 5,
} as const;
export type Kind = keyof typeof OPERATION_WEIGHTS;

/**
 * One operation. `a` picks the target among the nodes the page holds, `b` an
 * offset or a second element, `c` a length or a variant, `k` the words or
 * markup written; `wait` is how long the page with Case Lens runs before the
 * next operation (0: the next comes in the same moment, before any scan).
 */
export interface Operation {
  kind: Kind;
  a: number;
  b: number;
  c: number;
  k: number;
  wait: number;
}

export const operation: fc.Arbitrary<Operation> = fc.record({
  kind: fc.oneof(
    ...Object.entries(OPERATION_WEIGHTS).map(([kind, weight]) => ({ arbitrary: fc.constant(kind as Kind), weight })),
  ),
  a: fc.nat(200),
  b: fc.nat(200),
  c: fc.nat(20),
  k: fc.nat(20),
  wait: fc.constantFrom(0, 0, 30, 150),
});

export const sequence = fc.array(operation, { minLength: 1, maxLength: 8 });

/**
 * The words the page's driver writes for `k`: given to it as `window.fuzzWords` before it loads
 * (fuzz.spec.ts), so that the test's model of an edit and the edit itself read one list.
 */
export const FUZZ_WORDS = [
  ' Park Jin Hyok was charged. ',
  ' Ghaleb Alaumary laundered money. ',
  ' the weather was mild ',
  ' WannaCry spread in 2017. ',
  ' Lazarus ',
  'x',
  ' and ',
];

/** What the target text node looked like in the tab with Case Lens, just before the operation. */
export interface Target {
  /** Its data (null: no text node to edit). */
  before: string | null;
  /** Whether one of Case Lens's highlights follows it: Case Lens split it, and it holds the text before that. */
  split: boolean;
}

/**
 * What an operation lets the test compare with the page without Case Lens.
 * - `exact`: the page's text must equal the other page's, and after
 *   switching off, its DOM too.
 * - `text`: the text must be equal, but the DOM may differ (the page split
 *   a text node at an offset that Case Lens's own split had moved).
 * - `ambiguous`: an edit to a text node Case Lens had split, whose meaning
 *   the MutationObserver record cannot tell: the node holds only the text
 *   before a highlight, and an edit by offset, or an append that does not
 *   start with white space, reads the same as a renderer setting the node's
 *   whole value (which makes the pieces after it stale); a whole value that
 *   starts with what the node held, then white space, reads the same as an
 *   append. The issue accepts this while highlights split the page's text
 *   nodes; the text is not compared from there on.
 *
 * A text edit is plain when the node held the same data in both tabs. On a
 * node Case Lens split, setting the whole value is plain, and so is an append
 * of words that start with white space (mutation-watch.ts tells it from a
 * rewrite). A node whose data differs for any other reason (an earlier
 * operation already made the tabs differ) makes every edit but a split
 * ambiguous.
 */
export function comparison(op: Operation, mine: Target, theirs: string | null): 'exact' | 'text' | 'ambiguous' {
  const { before } = mine;
  if (before === theirs) return 'exact';
  // Splitting a node moves no character, wherever it falls.
  if (op.kind === 'splitText') return 'text';
  if (!mine.split || before === null || theirs === null || !theirs.startsWith(before)) return 'ambiguous';
  const words = FUZZ_WORDS[op.k % FUZZ_WORDS.length]!;
  if (op.kind === 'setData')
    return words.startsWith(before) && /^\s/.test(words.slice(before.length)) ? 'ambiguous' : 'exact';
  if (op.kind === 'appendData') return /^\s/.test(words) ? 'exact' : 'ambiguous';
  return 'ambiguous';
}

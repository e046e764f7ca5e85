/** Which elements the scanner walks into, and which join text into one run. */

/** Our own highlight wrapper; custom, so page CSS for `mark` or `span` cannot touch it. */
export const MARK_TAG = 'case-lens-mark';
export const OWN_PREFIX = 'case-lens-';
/** The class that flashes a wrapper the popup asked to be shown (page-style.ts). */
export const FLASH_CLASS = 'case-lens-flash';

const SKIPPED_TAGS = new Set([
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TITLE',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'META',
  'LINK',
  'BUTTON',
]);

/** The elements `isSkippedElement` skips for an attribute (editors, text boxes), as one selector. */
export const SKIPPED_BY_ATTRIBUTE = '[contenteditable]:not([contenteditable="false"]),[role="textbox"]';

/**
 * Every element `isSkippedElement` names, as one selector (elements outside the HTML namespace apart:
 * only svg and math hold text).
 */
export const SKIPPED_SELECTOR = [
  ...[...SKIPPED_TAGS].map((tag) => tag.toLowerCase()),
  'svg',
  'math',
  SKIPPED_BY_ATTRIBUTE,
].join(',');

/**
 * True when nothing inside `el` may be wrapped: form fields, code-like
 * elements, SVG and MathML, anything editable, and our own UI. Editability is
 * read from the attribute, not `isContentEditable`, which would force a style
 * recalculation on every element.
 */
export function isSkippedElement(el: Element): boolean {
  // Form fields, svg, math, our UI, and text we already wrapped: a rescan leaves existing highlights as they are.
  if (flowOf(el) === FLOW_SKIPPED) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  return false;
}

/**
 * Elements that flow inside a line of text. A name split across these
 * (`Park <em>Jin Hyok</em>`) is one match; every other element ends a run, so
 * nothing is matched across paragraphs, list items or cells.
 */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'RUBY',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);

/** By `flowOf`, which reads the shared `localName` rather than a `tagName` built for each read. */
export function isInlineElement(el: Element): boolean {
  return flowOf(el) === FLOW_INLINE;
}

/** How the page walk treats an element: it ends runs (block), joins them (inline) or is never entered (skipped). */
export const FLOW_BLOCK = 0;
export const FLOW_INLINE = 1;
export const FLOW_SKIPPED = 2;
/** By local name: unlike `tagName`, which Blink upper-cases into a new string on every read, it is a shared string. */
const FLOW_BY_NAME = new Map<string, number>([
  ...[...INLINE_TAGS].map((tag): [string, number] => [tag.toLowerCase(), FLOW_INLINE]),
  ...[...SKIPPED_TAGS].map((tag): [string, number] => [tag.toLowerCase(), FLOW_SKIPPED]),
]);

/**
 * The flow of `el` from its name and namespace alone (`isSkippedElement` also
 * reads attributes; see SKIPPED_BY_ATTRIBUTE). It runs for every element of
 * the page, so it reads one property, and tells HTML from SVG and MathML with
 * `instanceof`, which asks no DOM binding (same as a namespaceURI test).
 */
export function flowOf(el: Element): number {
  if (!(el instanceof HTMLElement)) return FLOW_SKIPPED;
  const name = el.localName;
  const flow = FLOW_BY_NAME.get(name);
  if (flow !== undefined) return flow;
  return name.startsWith(OWN_PREFIX) ? FLOW_SKIPPED : FLOW_BLOCK;
}

/** True when the document itself is editable (designMode, a rich-text editor frame). */
export function isDocumentEditable(doc: Document): boolean {
  return doc.designMode === 'on';
}

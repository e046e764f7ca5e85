/** Which elements the scanner walks into, and which join text into one run. */

/** Our own highlight wrapper; custom, so page CSS for `mark` or `span` cannot touch it. */
export const MARK_TAG = 'case-lens-mark';
export const OWN_PREFIX = 'case-lens-';
/** Dispatched on a host, in the page, when the page attaches an open shadow root to it. */
export const SHADOW_ATTACHED_EVENT = 'case-lens-shadow-attached';

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

/**
 * True when nothing inside `el` may be wrapped: form fields, code-like
 * elements, SVG and MathML, anything editable, and our own UI. Editability is
 * read from the attribute, not `isContentEditable`, which would force a style
 * recalculation on every element.
 */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName;
  if (SKIPPED_TAGS.has(tag)) return true;
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true; // svg, math
  // Our UI, and text we already wrapped: a rescan leaves existing highlights as they are.
  if (tag.startsWith('CASE-LENS-')) return true;
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

export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName);
}

/** True when the document itself is editable (designMode, a rich-text editor frame). */
export function isDocumentEditable(doc: Document): boolean {
  return doc.designMode === 'on';
}

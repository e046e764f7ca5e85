import { CATEGORY_STYLE } from '@/components/categories';
import { CATEGORIES } from '@/facts/constants';
import { MARK_TAG } from './dom-rules';
import type { Tone } from './page-tone';

/** The highlight rules; with a known page tone, its tints; without, the system's colour scheme decides. */
function highlightCss(tone: Tone | null): string {
  const light = CATEGORIES.map(
    (c) =>
      `${MARK_TAG}[data-category="${c}"]{background-color:${CATEGORY_STYLE[c].tint};box-shadow:inset 0 -2px 0 ${CATEGORY_STYLE[c].tone};}`,
  ).join('');
  const dark = CATEGORIES.map(
    (c) => `${MARK_TAG}[data-category="${c}"]{background-color:${CATEGORY_STYLE[c].darkTint};}`,
  ).join('');
  const tints =
    tone === 'dark'
      ? [light, dark]
      : tone === 'light'
        ? [light]
        : [light, `@media (prefers-color-scheme: dark){${dark}}`];
  return [
    `${MARK_TAG}{display:inline;color:inherit;font:inherit;border-radius:2px;cursor:help;text-decoration:inherit;}`,
    ...tints,
    // Values the page states are marked by their verdict only, not by a category colour.
    `${MARK_TAG}[data-claim-index]{background-color:transparent;box-shadow:none;}`,
    `${MARK_TAG}[data-claim="contradicted"]{text-decoration:underline wavy #d32f2f;text-decoration-skip-ink:none;text-underline-offset:3px;}`,
    `${MARK_TAG}[data-claim="confirmed"]{text-decoration:underline dotted rgba(46,125,50,0.8);text-underline-offset:3px;}`,
    `${MARK_TAG}:focus-visible{outline:2px solid #1a56b8;outline-offset:1px;}`,
    `${MARK_TAG}.case-lens-flash{animation:case-lens-flash 1.2s ease-out 2;}`,
    `@keyframes case-lens-flash{50%{outline:3px solid #ff6f00;outline-offset:2px;}}`,
    `@media (prefers-reduced-motion: reduce){${MARK_TAG}.case-lens-flash{animation:none;outline:3px solid #ff6f00;}}`,
  ].join('\n');
}

/**
 * The highlight colours, adopted as a constructed style sheet by the document
 * and by each shadow root we scan (shadow roots do not see document styles).
 * No element is added to the page for it, and removal is exact.
 */
export class PageStyle {
  private sheet: CSSStyleSheet | null = null;
  private tone: Tone | null = null;
  private readonly roots = new Set<Document | ShadowRoot>();

  /** Tints for a page known to be light or dark (null: follow the system's scheme). Applies to every root at once. */
  setTone(tone: Tone | null): void {
    if (tone === this.tone) return;
    this.tone = tone;
    try {
      this.sheet?.replaceSync(highlightCss(tone));
    } catch {
      // The sheet keeps its rules.
    }
  }

  private getSheet(): CSSStyleSheet | null {
    if (!this.sheet) {
      try {
        this.sheet = new CSSStyleSheet();
        this.sheet.replaceSync(highlightCss(this.tone));
      } catch {
        this.sheet = null;
      }
    }
    return this.sheet;
  }

  apply(root: Document | ShadowRoot): void {
    const sheet = this.getSheet();
    if (!sheet || this.roots.has(root)) return;
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.roots.add(root);
    } catch {
      // A root that refuses constructed sheets keeps unstyled (but working) highlights.
    }
  }

  removeAll(): void {
    for (const root of this.roots) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
      } catch {
        /* the root is gone */
      }
    }
    this.roots.clear();
  }
}

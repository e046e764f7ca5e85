import { CATEGORY_STYLE } from '@/components/categories';
import { CATEGORIES, type Category } from '@/facts/constants';
import { MARK_TAG } from './dom-rules';
import { FLASH_HIGHLIGHT } from './painter';
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

/** What a painted highlight name shows: the same colours and lines as a wrapper with the same attributes. */
export interface PaintedStyle {
  category: Category;
  /** A stated value: marked by its verdict only, no category colour. */
  value: boolean;
  /** `contradicted` (a wrong form, a contradicted value), `confirmed`, or null. */
  claim: 'contradicted' | 'confirmed' | null;
}

/** `::highlight()` rules for painted highlights (painter.ts); it takes only colours and lines, no outlines. */
function paintedCss(names: Map<string, PaintedStyle>, tone: Tone | null): string {
  const rules: string[] = [];
  const dark: string[] = [];
  for (const [name, { category, value, claim }] of names) {
    const line =
      claim === 'contradicted'
        ? 'text-decoration:underline wavy #d32f2f;'
        : claim === 'confirmed'
          ? 'text-decoration:underline dotted rgba(46,125,50,0.8);'
          : `text-decoration:underline solid ${CATEGORY_STYLE[category].tone};`;
    const tint = value ? '' : `background-color:${CATEGORY_STYLE[category].tint};`;
    rules.push(`::highlight(${name}){${tint}${line}}`);
    if (!value) dark.push(`::highlight(${name}){background-color:${CATEGORY_STYLE[category].darkTint};}`);
  }
  rules.push(`::highlight(${FLASH_HIGHLIGHT}){background-color:#ffb74d;color:#000;}`);
  if (tone === 'dark') return [...rules, ...dark].join('\n');
  if (tone === 'light' || dark.length === 0) return rules.join('\n');
  return [...rules, `@media (prefers-color-scheme: dark){${dark.join('')}}`].join('\n');
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
  /** The painted highlight names registered so far, each with its look. */
  private readonly painted = new Map<string, PaintedStyle>();

  private css(): string {
    const wrapped = highlightCss(this.tone);
    return this.painted.size > 0 ? `${wrapped}\n${paintedCss(this.painted, this.tone)}` : wrapped;
  }

  /** A painted highlight name was registered: its rules join the sheet every root shares. */
  addPainted(name: string, style: PaintedStyle): void {
    if (this.painted.has(name)) return;
    this.painted.set(name, style);
    try {
      this.sheet?.replaceSync(this.css());
    } catch {
      // The sheet keeps its rules.
    }
  }

  /** Tints for a page known to be light or dark (null: follow the system's scheme). Applies to every root at once. */
  setTone(tone: Tone | null): void {
    if (tone === this.tone) return;
    this.tone = tone;
    try {
      this.sheet?.replaceSync(this.css());
    } catch {
      // The sheet keeps its rules.
    }
  }

  private getSheet(): CSSStyleSheet | null {
    if (!this.sheet) {
      try {
        this.sheet = new CSSStyleSheet();
        this.sheet.replaceSync(this.css());
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

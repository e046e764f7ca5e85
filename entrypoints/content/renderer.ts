import type { Annotation } from '@/facts/annotator';
import type { RendererKind } from '@/lib/settings-values';
import type { Mention } from './mention';
import type { PlacedRange } from './placed-range';

/**
 * What shows an annotation on the page, and forgets it again: the wrapping
 * highlighter (highlighter.ts) or the painter (painter.ts). The scanner, the
 * mutation watch, the card, the popup's summary and the badge speak to it
 * through this, whichever it is.
 */
export interface Renderer {
  readonly kind: RendererKind;
  /** How many highlights are held (some may have left the document). */
  readonly size: number;
  /** Every highlight still in the document, any order. */
  all(): Mention[];
  /** What a highlight of this renderer means; undefined for anything else, whatever it looks like. */
  annotationOf(target: unknown): Annotation | undefined;
  /** One highlight per mention of a name, in document order. */
  names(): Mention[];
  /** One highlight per thing the page gets wrong, in document order. */
  contradictions(): Mention[];
  /** Shows one annotated range; returns what it made (nothing where it would overlap a highlight). */
  wrap(range: PlacedRange, annotation: Annotation): Mention[];
  /** Removes the highlights `select` picks (all by default); returns how many. */
  unwrap(select?: (annotation: Annotation, mention: Mention) => boolean): number;
  /** Turns the reader's attention to a highlight (the popup's "show me"), or takes that away. */
  flash(mention: Mention, on: boolean): void;
  /** The highlight at a point of the viewport, for renderers whose highlights are not elements. */
  mentionAt(x: number, y: number, shadowRoots: ShadowRoot[]): Mention | null;

  // How the page's edits are followed. Wrapping split the page's text nodes and must put them together
  // again; painting changed nothing and lets its live ranges follow, checking what they now cover.
  /** Where a point the scan read stands now (wrapping may have split its node since). */
  resolve(node: Text, offset: number): { node: Text; offset: number };
  /** The page changed or removed a text node. */
  textChanged(node: Text): void;
  inserted(subtree: Node): { node: Text; held: string }[];
  orderMayHaveChanged(): void;
  restoreFrom(source: Text): void;
  discardAfterRewrite(source: Text): boolean;
  discardFrom(node: Node): boolean;
  isCreatedText(node: Node): boolean;
  isFollowedByMark(node: Text): boolean;
}

/**
 * The renderer the reader chose, behind one object that the scanner, the
 * watch and the card keep for the life of the page. It changes only while the
 * page is switched off (nothing shown, nothing scanning).
 */
export class RendererSwitch implements Renderer {
  constructor(private current: Renderer) {}

  /** Takes `next` from now on; the current one must hold nothing. */
  use(next: Renderer): void {
    if (next === this.current) return;
    this.current.unwrap();
    this.current = next;
  }

  get kind(): RendererKind {
    return this.current.kind;
  }
  get size(): number {
    return this.current.size;
  }
  all(): Mention[] {
    return this.current.all();
  }
  annotationOf(target: unknown): Annotation | undefined {
    return this.current.annotationOf(target);
  }
  names(): Mention[] {
    return this.current.names();
  }
  contradictions(): Mention[] {
    return this.current.contradictions();
  }
  wrap(range: PlacedRange, annotation: Annotation): Mention[] {
    return this.current.wrap(range, annotation);
  }
  unwrap(select?: (annotation: Annotation, mention: Mention) => boolean): number {
    return this.current.unwrap(select);
  }
  flash(mention: Mention, on: boolean): void {
    this.current.flash(mention, on);
  }
  mentionAt(x: number, y: number, shadowRoots: ShadowRoot[]): Mention | null {
    return this.current.mentionAt(x, y, shadowRoots);
  }
  resolve(node: Text, offset: number): { node: Text; offset: number } {
    return this.current.resolve(node, offset);
  }
  textChanged(node: Text): void {
    this.current.textChanged(node);
  }
  inserted(subtree: Node): { node: Text; held: string }[] {
    return this.current.inserted(subtree);
  }
  orderMayHaveChanged(): void {
    this.current.orderMayHaveChanged();
  }
  restoreFrom(source: Text): void {
    this.current.restoreFrom(source);
  }
  discardAfterRewrite(source: Text): boolean {
    return this.current.discardAfterRewrite(source);
  }
  discardFrom(node: Node): boolean {
    return this.current.discardFrom(node);
  }
  isCreatedText(node: Node): boolean {
    return this.current.isCreatedText(node);
  }
  isFollowedByMark(node: Text): boolean {
    return this.current.isFollowedByMark(node);
  }
}

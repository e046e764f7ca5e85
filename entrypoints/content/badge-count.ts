import type { Renderer } from './renderer';

/**
 * Keeps the toolbar badge at the number of distinct case entities the page
 * names. Runs after every scan slice that changed the highlights, so it reads
 * the wrappers unsorted (a count needs no document order) and sends only
 * when the number changes.
 */
export class BadgeCount {
  private last = -1;

  constructor(
    private readonly highlighter: Renderer,
    private readonly send: (count: number) => Promise<unknown>,
  ) {}

  update(): void {
    const ids = new Set<string>();
    for (const mark of this.highlighter.all()) {
      const annotation = this.highlighter.annotationOf(mark);
      if (annotation && annotation.kind !== 'value') ids.add(annotation.entityId);
    }
    if (ids.size === this.last) return;
    this.last = ids.size;
    this.send(ids.size).catch(() => undefined);
  }
}

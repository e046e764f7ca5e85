import { expect, type Frame, type Page } from '@playwright/test';
import type { Evaluator } from './driver/types';

/** A Playwright page or frame, or a tab or frame of the browser-neutral driver. */
type Target = Page | Frame | Evaluator;

/** One highlighted mention: the pieces of one match joined back (a match may span inline elements). */
export interface Mention {
  entity: string;
  text: string;
}

/** Where a name must never be wrapped (CONTRACT.md), as one selector for `closest()`. */
export const EXCLUDED_SELECTOR =
  'input, textarea, select, option, script, style, noscript, title, svg, template, [contenteditable]:not([contenteditable="false"])';

/** Whitespace and Unicode forms differ between a page's source and what a reader sees as the same text. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The mentions highlighted in a document, in order. Consecutive wrappers of
 * the same entity with no unwrapped text between them are the pieces of one
 * match. Markers around stated values (data-claim-index) are not name highlights
 * and are left out; a wrong name form is a name highlight that also carries data-claim.
 */
export function readMentions(target: Target): Promise<Mention[]> {
  return (target as Evaluator).evaluate(() => {
    const out: { entity: string; text: string }[] = [];
    let open: { entity: string; text: string } | null = null;
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const mark = text.parentElement?.closest('[data-entity]');
      if (!mark || mark.hasAttribute('data-claim-index')) {
        if (text.data.length > 0) open = null;
        continue;
      }
      const entity = mark.getAttribute('data-entity')!;
      if (open && open.entity === entity) {
        open.text += text.data;
      } else {
        open = { entity, text: text.data };
        out.push(open);
      }
    }
    return out;
  });
}

/** One highlight as the contract describes it (CONTRACT.md): a name, a wrong form of a name, or a stated value. */
export interface MarkRecord {
  entity: string;
  category: string;
  /** `data-claim`: '' for a plain name, `confirmed` or `contradicted`. */
  claim: string;
  /** A stated value (a year, an amount, a title, a term), not a name. */
  value: boolean;
  text: string;
}

/** Every highlight of a document in order, names and values, the pieces of one match joined as in readMentions. */
export function readMarks(target: Target): Promise<MarkRecord[]> {
  return (target as Evaluator).evaluate(() => {
    const out: (MarkRecord & { el: Element })[] = [];
    let open: (MarkRecord & { el: Element }) | null = null;
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const mark = text.parentElement?.closest('[data-entity]');
      if (!mark) {
        if (text.data.length > 0) open = null;
        continue;
      }
      const record = {
        entity: mark.getAttribute('data-entity')!,
        category: mark.getAttribute('data-category') ?? '',
        claim: mark.getAttribute('data-claim') ?? '',
        value: mark.hasAttribute('data-claim-index'),
      };
      if (open && open.el !== mark && open.entity === record.entity && open.value === record.value) {
        open.text += text.data;
        open.el = mark;
      } else if (open && open.el === mark) {
        open.text += text.data;
      } else {
        open = { ...record, text: text.data, el: mark };
        out.push(open);
      }
    }
    return out.map(({ el: _el, ...m }) => m);
  });
}

export interface UnmarkedCheck {
  text: string;
  occurrences: number;
  marked: number;
}

/** For each text: how often it occurs in the document's text, and how many of those occurrences overlap a highlight. */
export function checkUnmarked(target: Target, texts: string[]): Promise<UnmarkedCheck[]> {
  return (target as Evaluator).evaluate((wanted) => {
    let full = '';
    const marked: boolean[] = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const inMark = Boolean(text.parentElement?.closest('[data-entity]'));
      full += text.data;
      for (let i = 0; i < text.data.length; i += 1) marked.push(inMark);
    }
    return wanted.map((needle) => {
      let occurrences = 0;
      let hits = 0;
      for (let at = full.indexOf(needle); at >= 0; at = full.indexOf(needle, at + 1)) {
        occurrences += 1;
        if (marked.slice(at, at + needle.length).some(Boolean)) hits += 1;
      }
      return { text: needle, occurrences, marked: hits };
    });
  }, texts);
}

/** Highlights that sit inside an excluded context, described for the failure message (open shadow roots included). */
export function marksInExcludedContexts(target: Target): Promise<string[]> {
  return (target as Evaluator).evaluate((selector) => {
    const bad: string[] = [];
    // Painted highlights (paint mode): the element each range starts in.
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('case-lens__')) continue;
      for (const range of highlight) {
        if (range.collapsed) continue;
        let parent = range.startContainer.parentElement;
        const excluded = parent?.closest(selector);
        while (parent && !parent.tagName.startsWith('CASE-LENS-')) parent = parent.parentElement;
        if (excluded || parent) bad.push(`a painted ${name} in <${(excluded ?? parent)!.tagName.toLowerCase()}>`);
      }
    }
    const visit = (root: Document | ShadowRoot) => {
      for (const mark of root.querySelectorAll('[data-entity]')) {
        const parent = mark.parentElement;
        const excluded = parent?.closest(selector);
        let own: Element | null = parent;
        while (own && !own.tagName.startsWith('CASE-LENS-')) own = own.parentElement;
        if (excluded || own) bad.push(`${mark.textContent} in <${(excluded ?? own)!.tagName.toLowerCase()}>`);
      }
      // Our own UI's shadow roots hold our markup, not the page's text.
      for (const el of root.querySelectorAll('*'))
        if (el.shadowRoot && !el.tagName.startsWith('CASE-LENS-')) visit(el.shadowRoot);
    };
    visit(document);
    return bad;
  }, EXCLUDED_SELECTOR);
}

/** The body's text, node by node, for exact before/after comparisons. */
export function textNodesSnapshotOf(target: Target): Promise<string[]> {
  return (target as Evaluator).evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
    return out;
  });
}

/**
 * Every painted highlight of a document in document order (paint mode), read
 * as the README says an outside check reads them: each highlight registered in
 * `CSS.highlights` under a name `case-lens__<entity>__<category>__<state>`,
 * its ranges being the highlighted text. `state` is `name`, `wrong-form`, or
 * `value-<verdict>`; the record has the same fields as readMarks gives in wrap mode.
 */
export function readPainted(target: Target): Promise<MarkRecord[]> {
  return (target as Evaluator).evaluate(() => {
    const found: (MarkRecord & { range: AbstractRange })[] = [];
    for (const [name, highlight] of CSS.highlights) {
      const parts = name.split('__');
      if (parts[0] !== 'case-lens' || parts.length !== 4) continue;
      const [, entity, category, state] = parts as [string, string, string, string];
      const value = state.startsWith('value-');
      const claim = value ? state.slice('value-'.length) : state === 'wrong-form' ? 'contradicted' : '';
      for (const range of highlight) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        found.push({ entity, category, claim, value, text: live.toString(), range });
      }
    }
    const startOf = (r: AbstractRange) => {
      const point = document.createRange();
      point.setStart(r.startContainer, r.startOffset);
      return point;
    };
    found.sort((a, b) => startOf(a.range).compareBoundaryPoints(Range.START_TO_START, startOf(b.range)));
    return found.map(({ range: _range, ...m }) => m);
  });
}

/** How many highlights of ours the page's highlight registry holds (paint mode), by name prefix. */
export function paintedNames(target: Target): Promise<string[]> {
  return (target as Evaluator).evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('case-lens')));
}

/**
 * How many highlights lie inside the first element `within` selects, in
 * either mode: wrappers (with `entity`, those whose data-entity names it) and
 * painted ranges that start inside it (with `entity`, in its highlights).
 * A wrapper split over inline elements counts once per piece, as a locator would.
 */
export function countHighlights(target: Target, within: string, entity?: string): Promise<number> {
  return (target as Evaluator).evaluate(
    ([selector, id]) => {
      const root = document.querySelector(selector);
      if (!root) return 0;
      const wrapped = root.querySelectorAll(id ? `[data-entity="${id}"]` : 'case-lens-mark').length;
      let painted = 0;
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith(id ? `case-lens__${id}__` : 'case-lens__')) continue;
        for (const range of highlight) if (root.contains(range.startContainer) && !range.collapsed) painted += 1;
      }
      return wrapped + painted;
    },
    [within, entity ?? ''] as const,
  );
}

/** The centre of the `index`-th highlight of `entity` inside `within`, in either mode; null when there is none. */
export function highlightPoint(
  target: Target,
  within: string,
  entity: string,
  index = 0,
): Promise<{ x: number; y: number } | null> {
  return (target as Evaluator).evaluate(
    ([selector, id, n]) => {
      const root = document.querySelector(selector);
      if (!root) return null;
      const boxes: DOMRect[] = [...root.querySelectorAll(`case-lens-mark[data-entity="${id}"]`)].map((m) =>
        m.getBoundingClientRect(),
      );
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith(`case-lens__${id}__`)) continue;
        for (const r of highlight) {
          if (!root.contains(r.startContainer)) continue;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          boxes.push(range.getClientRects()[0] ?? range.getBoundingClientRect());
        }
      }
      boxes.sort((a, b) => a.top - b.top || a.left - b.left);
      const box = boxes[n];
      return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
    },
    [within, entity, index] as const,
  );
}

/** Waits until `within` holds `count` highlights (of `entity`, or any), in either mode. */
export async function expectHighlights(
  target: Page | Frame,
  within: string,
  entity: string | undefined,
  count: number,
  timeout = 5000,
): Promise<void> {
  await expect
    .poll(() => countHighlights(target, within, entity), {
      timeout,
      message: `highlights${entity ? ` of ${entity}` : ''} in ${within}`,
    })
    .toBe(count);
}

/** Moves the real pointer onto the first highlight of `entity` inside `within` (from outside it), in either mode. */
export async function hoverHighlight(page: Page, within: string, entity: string): Promise<void> {
  let point: { x: number; y: number } | null = null;
  await expect
    .poll(async () => {
      point = await highlightPoint(page, within, entity);
      return point !== null;
    })
    .toBe(true);
  const { x, y } = point!;
  await page.mouse.move(Math.max(1, x - 120), y + 120);
  await page.mouse.move(x, y, { steps: 3 });
}

/** Asserts that a page's highlights are all of the kind `renderer` makes, and that it has some. */
export async function expectRenderer(target: Page | Frame, renderer: 'wrap' | 'paint'): Promise<void> {
  const kinds = await target.evaluate(() => ({
    wrapped: document.querySelectorAll('case-lens-mark').length,
    painted: [...CSS.highlights.keys()].filter((name) => name.startsWith('case-lens__')).length,
  }));
  if (renderer === 'paint') expect(kinds).toEqual({ wrapped: 0, painted: expect.any(Number) });
  else expect(kinds).toEqual({ wrapped: expect.any(Number), painted: 0 });
  expect(kinds.wrapped + kinds.painted, 'highlights').toBeGreaterThan(0);
}

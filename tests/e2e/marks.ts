import type { Frame, Page } from '@playwright/test';
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

import type { Page } from '@playwright/test';
import { EXCLUDED_SELECTOR } from './marks';

/**
 * What the page-mutation fuzzer reads in a page after a sequence (fuzz.spec.ts),
 * the same way in the page with Case Lens and in the page without. Every
 * function walks open shadow roots too, and leaves out the extension's own UI
 * (`case-lens-*` elements other than highlights).
 */

/** Every text node's data in document order: what the page wrote, as it reads now. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let out = '';
    const visit = (node: Node) => {
      if (node instanceof Element && node.localName.startsWith('case-lens-') && node.localName !== 'case-lens-mark')
        return;
      if (node.nodeType === Node.TEXT_NODE) out += (node as Text).data;
      if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
      for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
    };
    visit(document.documentElement);
    return out;
  });
}

/** The DOM node by node (elements with their attributes, each text node), for an exact comparison. */
export function domShape(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visit = (node: Node, depth: number) => {
      if (node.nodeType === Node.TEXT_NODE) out.push(`${depth} ${JSON.stringify((node as Text).data)}`);
      else if (node instanceof Element) {
        if (node.localName === 'script') return;
        const attrs = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
        out.push(`${depth} <${node.localName} ${attrs}>`);
        if (node.shadowRoot) {
          out.push(`${depth + 1} #shadow`);
          visit(node.shadowRoot, depth + 2);
        }
      }
      for (let c = node.firstChild; c; c = c.nextSibling) visit(c, depth + 1);
    };
    visit(document.documentElement, 0);
    return out;
  });
}

/**
 * Where two DOM shapes first differ, with the nodes around it on each side (a
 * split left in pieces shows as one node where the other has two), or null.
 */
export function shapeDifference(shape: string[], expected: string[]): string | null {
  const at = shape.findIndex((line, i) => line !== expected[i]);
  if (at < 0 && shape.length === expected.length) return null;
  const i = at >= 0 ? at : Math.min(shape.length, expected.length);
  const around = (lines: string[]) => lines.slice(Math.max(0, i - 3), i + 4).join(' | ');
  return `at node ${i}: ${shape[i] ?? '(none)'} where the page without Case Lens has ${expected[i] ?? '(none)'} (around it: ${around(shape)}; without: ${around(expected)})`;
}

/**
 * Highlights where a reader's editor would take them for its own text: any
 * highlight in a document in designMode, and any whose parent is editable as
 * the browser sees it (contenteditable on an ancestor, across shadow roots).
 */
export function marksInEditors(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    // Painted highlights (paint mode): where each range starts.
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('case-lens__')) continue;
      for (const range of highlight) {
        if (range.collapsed) continue;
        const parent = range.startContainer.parentElement as HTMLElement | null;
        if (document.designMode === 'on') bad.push(`a painted ${name} in a document in designMode`);
        else if (parent?.isContentEditable) bad.push(`a painted ${name} in an editable <${parent.localName}>`);
      }
    }
    const visit = (root: Document | ShadowRoot) => {
      for (const mark of root.querySelectorAll('case-lens-mark')) {
        if (document.designMode === 'on') bad.push(`${mark.textContent} in a document in designMode`);
        else if ((mark.parentElement as HTMLElement | null)?.isContentEditable)
          bad.push(`${mark.textContent} in an editable <${mark.parentElement!.localName}>`);
      }
      for (const el of root.querySelectorAll('*'))
        if (el.shadowRoot && !el.localName.startsWith('case-lens-')) visit(el.shadowRoot);
    };
    visit(document);
    return bad;
  });
}

/**
 * Occurrences of `names` in text a reader sees as plain flow (not in an
 * excluded or editable context, not in the light DOM of a shadow host, whole
 * words within one block) that are not wholly inside highlights.
 */
export function unhighlightedNames(page: Page, names: string[]): Promise<string[]> {
  return page.evaluate(
    ([wanted, excludedSelector]) => {
      if (document.designMode === 'on') return [];
      // The inline elements the driver's markup uses, and our highlight (dom-rules.ts has the full list).
      const INLINE = new Set(['a', 'b', 'em', 'i', 'span', 'strong', 'small', 'code', 'u', 'case-lens-mark']);
      const chars: { ch: string; block: Node; marked: boolean; excluded: boolean }[] = [];
      const blockOf = (text: Text): Node => {
        let el = text.parentElement;
        while (el && INLINE.has(el.localName)) {
          if (!el.parentElement) return el.parentNode ?? el;
          el = el.parentElement;
        }
        return el ?? text.parentNode!;
      };
      const excludedIn = (text: Text): boolean => {
        if ((text.parentElement as HTMLElement | null)?.isContentEditable) return true;
        // Inside an excluded element, or in a shadow host's light DOM, on the way up to the document.
        let fromShadow = text.parentElement === null;
        let el: Element | null = text.parentElement ?? (text.parentNode as ShadowRoot | null)?.host ?? null;
        while (el) {
          if (el.matches(excludedSelector)) return true;
          if (el.shadowRoot && !fromShadow) return true;
          fromShadow = false;
          if (el.parentElement) el = el.parentElement;
          else if (el.parentNode instanceof ShadowRoot) {
            el = el.parentNode.host;
            fromShadow = true;
          } else el = null;
        }
        return false;
      };
      // Painted highlights (paint mode): the stretches of each text node their ranges cover.
      const painted = new Map<Node, [number, number][]>();
      const cover = (node: Node, from: number, to: number) => {
        const list = painted.get(node) ?? [];
        list.push([from, to]);
        painted.set(node, list);
      };
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('case-lens__')) continue;
        for (const r of highlight) {
          if (r.collapsed) continue;
          if (r.startContainer === r.endContainer) {
            cover(r.startContainer, r.startOffset, r.endOffset);
            continue;
          }
          cover(r.startContainer, r.startOffset, Number.MAX_SAFE_INTEGER);
          cover(r.endContainer, 0, r.endOffset);
          const walker = document.createTreeWalker(r.startContainer.getRootNode(), NodeFilter.SHOW_TEXT);
          walker.currentNode = r.startContainer;
          for (let n = walker.nextNode(); n && n !== r.endContainer; n = walker.nextNode())
            cover(n, 0, Number.MAX_SAFE_INTEGER);
        }
      }
      const visit = (node: Node) => {
        if (node instanceof Element && node.localName.startsWith('case-lens-') && node.localName !== 'case-lens-mark')
          return;
        if (node.nodeType === Node.TEXT_NODE) {
          const text = node as Text;
          const block = blockOf(text);
          const wrapped = Boolean(text.parentElement?.closest('case-lens-mark'));
          const stretches = painted.get(text) ?? [];
          const excluded = excludedIn(text);
          let i = 0;
          for (const ch of text.data) {
            const marked = wrapped || stretches.some(([from, to]) => i >= from && i < to);
            chars.push({ ch, block, marked, excluded });
            i += ch.length;
          }
        }
        if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
        for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
      };
      if (document.body) visit(document.body);
      const full = chars.map((c) => c.ch).join('');
      const missed: string[] = [];
      const isWordChar = (i: number, block: Node) =>
        i >= 0 && i < chars.length && chars[i]!.block === block && /[\p{L}\p{N}]/u.test(chars[i]!.ch);
      for (const name of wanted) {
        for (let at = full.indexOf(name); at >= 0; at = full.indexOf(name, at + 1)) {
          const span = chars.slice(at, at + name.length);
          const block = span[0]!.block;
          if (span.some((c) => c.block !== block || c.excluded)) continue;
          if (isWordChar(at - 1, block) || isWordChar(at + name.length, block)) continue;
          if (!span.every((c) => c.marked))
            missed.push(`${name} in …${full.slice(Math.max(0, at - 30), at + name.length + 30)}…`);
        }
      }
      return missed;
    },
    [names, EXCLUDED_SELECTOR] as const,
  );
}

/** Characters one text has more of than the other, both ways, for a failure message. */
export function characterDifference(actual: string, expected: string): { lost: string; duplicated: string } {
  const count = (s: string) => {
    const m = new Map<string, number>();
    for (const ch of s) m.set(ch, (m.get(ch) ?? 0) + 1);
    return m;
  };
  const a = count(actual);
  const e = count(expected);
  let lost = '';
  let duplicated = '';
  for (const [ch, n] of e) lost += ch.repeat(Math.max(0, n - (a.get(ch) ?? 0)));
  for (const [ch, n] of a) duplicated += ch.repeat(Math.max(0, n - (e.get(ch) ?? 0)));
  return { lost, duplicated };
}

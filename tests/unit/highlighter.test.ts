import { describe, expect, it } from 'vitest';
import { Highlighter } from '../../entrypoints/content/highlighter';
import { PRUNE_FLOOR } from '../../entrypoints/content/wrapper-list';
import { inBounds, type PlacedRange } from '../../entrypoints/content/placed-range';
import { type Annotation, createAnnotator } from '../../facts/annotator';
import { textRuns, walkTextRuns } from '../../entrypoints/content/text-runs';
import { referenceTextRuns } from './reference/text-runs';
import { ReferenceHighlighter } from './reference/highlighter';
import { matcher as lexicon, placedAnnotations } from './case-annotator';
import { seededRandom } from './seeded-random';

const annotator = createAnnotator({ matcher: lexicon, categoryOf: () => undefined });
const placedNames = (root: Node) => placedAnnotations(root, annotator);

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function runsOf(root: Node): string[] {
  return [...textRuns(root)].map((r) => r.text);
}

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Matches and wraps every run under `root`, as the scanner does. */
function highlightAll(root: Node, highlighter: Highlighter): void {
  for (const { range, annotation } of placedNames(root)) highlighter.wrap(range, annotation);
}

describe('text runs', () => {
  it('joins text across inline elements and splits at blocks', () => {
    const body = page(
      '<p>Park <em>Jin Hyok</em> and <a href="#">Lazarus</a> Group</p><p>WannaCry</p><ul><li>a</li><li>b</li></ul>',
    );
    expect(runsOf(body)).toEqual(['Park Jin Hyok and Lazarus Group', 'WannaCry', 'a', 'b']);
  });

  it('skips form fields, scripts, editable regions and our own UI, and ends runs there', () => {
    const body = page(
      '<p>Park <textarea>Lazarus Group</textarea> Jin Hyok</p><div contenteditable="true">WannaCry</div>' +
        '<script>var x = "Park Jin Hyok"</script><case-lens-card>Lazarus Group</case-lens-card><svg><text>RGB</text></svg>',
    );
    expect(runsOf(body)).toEqual(['Park ', ' Jin Hyok']);
  });

  it('joins text across inline elements at the top of a shadow root, and splits at its blocks', () => {
    const host = page('<div></div>').firstElementChild!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = 'Charged: <b>Park</b> Jin Hyok, <i>Kim</i> Il<p>WannaCry</p><span>Lazarus</span> Group';
    expect(runsOf(shadow)).toEqual(['Charged: Park Jin Hyok, Kim Il', 'WannaCry', 'Lazarus Group']);
  });

  it('does not join text across a block nested in an inline context', () => {
    const body = page('<div>Park <p>x</p> Jin Hyok</div>');
    expect(runsOf(body)).toEqual(['Park ', 'x', ' Jin Hyok']);
  });
});

describe('wrapping and unwrapping', () => {
  it('wraps a name split across inline elements, every piece with the same attributes', () => {
    const body = page('<p>Then Park <em>Jin Hyok</em> spoke.</p>');
    highlightAll(body, new Highlighter());
    const pieces = [...body.querySelectorAll('case-lens-mark')];
    expect(pieces.map((p) => p.textContent)).toEqual(['Park ', 'Jin Hyok']);
    for (const p of pieces) {
      expect(p.getAttribute('data-entity')).toBe('park-jin-hyok');
      expect(p.getAttribute('data-category')).toBe('person');
    }
  });

  it('restores the same text nodes with the same data', () => {
    const body = page(
      '<p>The Lazarus Group, Park Jin Hyok and WannaCry; again WannaCry.</p><p>Park <em>Jin Hyok</em> and <b>Ghaleb Alaumary</b>.</p>',
    );
    const before = textNodes(body);
    const beforeData = before.map((n) => n.data);
    const highlighter = new Highlighter();
    highlightAll(body, highlighter);
    expect(body.querySelectorAll('case-lens-mark').length).toBeGreaterThanOrEqual(6);
    highlighter.unwrap();
    const after = textNodes(body);
    expect(after.map((n) => n.data)).toEqual(beforeData);
    expect(after).toEqual(before); // the very same node objects
    expect(body.querySelector('case-lens-mark')).toBeNull();
  });

  it('unwraps one category at a time and still restores exactly at the end', () => {
    const body = page('<p>Park Jin Hyok of the Lazarus Group released WannaCry and Park Jin Hyok again.</p>');
    const before = textNodes(body);
    const beforeData = before.map((n) => n.data);
    const highlighter = new Highlighter();
    highlightAll(body, highlighter);
    highlighter.unwrap((annotation) => annotation.category === 'group');
    expect(body.querySelector('[data-category="group"]')).toBeNull();
    expect(body.querySelectorAll('[data-category="person"]').length).toBe(2);
    expect(body.textContent).toContain('Park Jin Hyok of the Lazarus Group released WannaCry');
    highlighter.unwrap();
    expect(textNodes(body).map((n) => n.data)).toEqual(beforeData);
    expect(textNodes(body)).toEqual(before);
  });

  it('after an unwrap, places the next stretch of a node in the node as it now is', () => {
    // The scanner places a long run's stretches in order, each after the last was wrapped: the second
    // point is then found past the first wrapper, and that remainder is remembered for the next point.
    const body = page('<p>Park Jin Hyok met Park Jin Hyok, and Park Jin Hyok left.</p>');
    const node = body.querySelector('p')!.firstChild as Text;
    const highlighter = new Highlighter();
    const [third, second, first] = placedNames(body).map((p) => p.annotation);
    const at = (annotation: Annotation): PlacedRange => {
      const start = highlighter.resolve(node, annotation.start);
      const end = highlighter.resolve(node, annotation.end);
      return { startNode: start.node, startOffset: start.offset, endNode: end.node, endOffset: end.offset };
    };
    for (const annotation of [first!, second!, third!]) highlighter.wrap(at(annotation), annotation);
    expect(body.querySelectorAll('case-lens-mark')).toHaveLength(3);
    // Switched off and on: the node holds its whole text again, and is read as one stretch, whose
    // annotations are wrapped last first.
    highlighter.unwrap();
    expect(node.data).toBe('Park Jin Hyok met Park Jin Hyok, and Park Jin Hyok left.');
    for (const annotation of [third!, second!, first!]) highlighter.wrap(at(annotation), annotation);
    expect([...body.querySelectorAll('case-lens-mark')].map((m) => m.textContent)).toEqual([
      'Park Jin Hyok',
      'Park Jin Hyok',
      'Park Jin Hyok',
    ]);
  });

  it('never resolves a point read before the page changed its text to a negative offset', () => {
    // Found by the page-mutation fuzzer: a name waiting for context, read at offsets 3..9 of a node the
    // page then rewrote, and a highlight made since at 3..11: the waiting name's points fall inside that
    // highlight. They resolved to offsets below zero, and placing a DOM Range there threw in every scan after.
    const body = page('<p>ab WannaCry cd</p>');
    const node = body.querySelector('p')!.firstChild as Text;
    const highlighter = new Highlighter();
    const names = placedNames(body);
    for (const { range, annotation } of names) highlighter.wrap(range, annotation);
    expect(body.querySelector('case-lens-mark')?.textContent).toBe('WannaCry');
    const start = highlighter.resolve(node, 3);
    const end = highlighter.resolve(node, 9);
    expect(start.offset).toBeGreaterThanOrEqual(0);
    expect(end.offset).toBeGreaterThanOrEqual(0);
    // Past the node's end: nothing is placed there, and nothing throws.
    expect(end).toEqual({ node, offset: 9 });
    const stale: PlacedRange = {
      startNode: start.node,
      startOffset: start.offset,
      endNode: end.node,
      endOffset: end.offset,
    };
    expect(highlighter.wrap(stale, names[0]!.annotation)).toEqual([]);
    expect(inBounds({ startNode: node, startOffset: -3, endNode: node, endOffset: 1 })).toBe(false);
  });

  it('drops stale pieces when the page rewrites a text node it owns', () => {
    const body = page('<p>Park Jin Hyok was charged</p>');
    const original = textNodes(body)[0]!;
    const highlighter = new Highlighter();
    highlightAll(body, highlighter);
    original.data = 'Now a different sentence'; // what React does on re-render
    highlighter.discardAfterRewrite(original);
    expect(body.textContent).toBe('Now a different sentence');
    expect(highlighter.size).toBe(0);
  });

  it('never merges our text into a node the page added beside a highlight', () => {
    const body = page('<p>Park Jin Hyok, Jon Chang Hyok and Ghaleb Alaumary.</p>');
    const original = textNodes(body)[0]!;
    const highlighter = new Highlighter();
    highlightAll(body, highlighter);
    const pageNode = document.createTextNode(' (alias Pak Jin Hek)');
    body.querySelector('case-lens-mark')!.after(pageNode);
    highlightAll(body, highlighter); // the page's node names someone too
    expect(body.querySelectorAll('case-lens-mark').length).toBe(4);
    highlighter.unwrap();
    expect(pageNode.data).toBe(' (alias Pak Jin Hek)');
    expect(original.data).toBe('Park Jin Hyok');
    expect(body.textContent).toBe('Park Jin Hyok (alias Pak Jin Hek), Jon Chang Hyok and Ghaleb Alaumary.');
    expect(body.querySelector('case-lens-mark')).toBeNull();
  });

  it('drops the other pieces of a match when the page rewrites one of its nodes', () => {
    const body = page('<p>Then Park <em>Jin Hyok</em> spoke.</p>');
    const highlighter = new Highlighter();
    highlightAll(body, highlighter);
    const inEm = body.querySelector('em')!.firstChild as Text; // the node the page rendered, emptied by the split
    inEm.data = 'Jin-ho';
    highlighter.discardAfterRewrite(inEm);
    expect(body.querySelector('case-lens-mark')).toBeNull();
    expect(body.textContent).toBe('Then Park Jin-ho spoke.');
  });

  it('never wraps text inside a wrapper of its own (a range read before the page changed its text)', () => {
    // Found by the page-mutation fuzzer: a highlight nested in another one.
    const body = page('<p>Then Kim Il and Park Jin Hyok.</p>');
    const highlighter = new Highlighter();
    highlightAll(body, highlighter);
    const inside = body.querySelector('case-lens-mark')!.firstChild as Text;
    const before = body.innerHTML;
    const stale = { startNode: inside, startOffset: 0, endNode: inside, endOffset: inside.length };
    expect(
      highlighter.wrap(stale, { kind: 'name', entityId: 'kim-il', category: 'person', start: 0, end: 6 } as Annotation),
    ).toEqual([]);
    expect(body.innerHTML).toBe(before);
  });
});

describe('wrappers of removed content', () => {
  const paragraphs = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => `<p>Item ${from + i}: Park Jin Hyok and WannaCry.</p>`).join('');

  it('are let go once the page removed them: a page that keeps replacing its content does not grow them', () => {
    const body = page('<div id="live"></div>');
    const highlighter = new Highlighter();
    const live = body.querySelector('#live')!;
    let most = 0;
    for (let round = 0; round < 40; round++) {
      live.innerHTML = paragraphs(50, round * 50);
      highlightAll(live, highlighter);
      most = Math.max(most, highlighter.size);
    }
    // 100 live wrappers at a time; never more than the floor or twice what is live, plus one round.
    expect(document.querySelectorAll('case-lens-mark')).toHaveLength(100);
    expect(most).toBeLessThanOrEqual(Math.max(PRUNE_FLOOR, 2 * 100) + 100);
  });

  it('are still ours when the page puts them back, and unwrapping then restores their text', () => {
    const body = page(`<div id="kept">${paragraphs(3)}</div><div id="live"></div>`);
    const highlighter = new Highlighter();
    const kept = body.querySelector('#kept')!;
    const before = kept.innerHTML;
    highlightAll(kept, highlighter);
    const mark = kept.querySelector('case-lens-mark')!;
    kept.remove();
    const live = body.querySelector('#live')!;
    for (let round = 0; round < 10; round++) {
      live.innerHTML = paragraphs(50, round * 50);
      highlightAll(live, highlighter);
    }
    body.append(kept);
    expect(highlighter.inserted(kept)).toEqual([]);
    expect(highlighter.annotationOf(mark)?.entityId).toBe('park-jin-hyok');
    expect(highlighter.names().filter((m) => kept.contains(m))).toHaveLength(6);
    highlighter.unwrap();
    expect(kept.innerHTML).toBe(before);
    expect(document.querySelectorAll('case-lens-mark')).toHaveLength(0);
  });
});

describe('the hand-walked runs agree with the reference walk', () => {
  const next = seededRandom(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const TAGS = [
    'span',
    'em',
    'a',
    'b',
    'code',
    'p',
    'div',
    'li',
    'br',
    'td',
    'section',
    'textarea',
    'script',
    'button',
    'case-lens-mark',
  ];
  const TEXTS = ['Park ', 'Jin Hyok', ' ', '\n  ', '', 'Lazarus', ' Group', 'x', '\u00a0'];

  function fill(parent: Node, depth: number): void {
    const count = Math.floor(next() * 5);
    for (let i = 0; i < count; i += 1) {
      if (depth > 4 || next() < 0.45) {
        parent.appendChild(document.createTextNode(pick(TEXTS)));
        continue;
      }
      const r = next();
      const el =
        r < 0.05 ? document.createElementNS('http://www.w3.org/2000/svg', 'svg') : document.createElement(pick(TAGS));
      if (r > 0.95) el.setAttribute('contenteditable', next() < 0.5 ? 'true' : 'false');
      else if (r > 0.92) el.setAttribute('role', 'textbox');
      parent.appendChild(el);
      if (el instanceof HTMLElement && el.tagName === 'DIV' && next() < 0.3)
        fill(el.attachShadow({ mode: 'open' }), depth + 1);
      fill(el, depth + 1);
    }
  }

  it('on 500 generated pages, including the shadow roots it reports', () => {
    for (let n = 0; n < 500; n += 1) {
      document.body.replaceChildren();
      const root = document.createElement(next() < 0.2 ? 'span' : 'div');
      document.body.appendChild(root);
      fill(root, 0);
      const shadows: ShadowRoot[] = [];
      const referenceShadows: ShadowRoot[] = [];
      const runs = [...textRuns(root, (s) => shadows.push(s))];
      const expected = [...referenceTextRuns(root, (s) => referenceShadows.push(s))];
      // The scanner walks each shadow root it is told of on its own.
      for (const shadow of [...shadows]) runs.push(...textRuns(shadow, (s) => shadows.push(s)));
      for (const shadow of [...referenceShadows])
        expected.push(...referenceTextRuns(shadow, (s) => referenceShadows.push(s)));
      // Runs of white space only are no longer handed out: they can hold no name.
      const kept = expected.filter((r) => r.text.trim() !== '');
      expected.splice(0, expected.length, ...kept);
      expect(runs.map((r) => r.text)).toEqual(expected.map((r) => r.text));
      expect(runs.map((r) => r.starts)).toEqual(expected.map((r) => r.starts));
      runs.forEach((r, i) => {
        r.nodes.forEach((node, j) => {
          expect(node).toBe(expected[i]!.nodes[j]);
        });
      });
      expect(shadows).toEqual(referenceShadows);
    }
  });
});

describe('hand-written wrapping makes the DOM mark.js made', () => {
  const next = seededRandom(5);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const WORDS = [
    'Park ',
    'Jin',
    ' Hyok',
    'Park Jin Hyok',
    ' and ',
    'the Lazarus Group',
    'WannaCry',
    '',
    ' ',
    'RGB',
    'Kim Il',
    '.',
  ];
  const INLINE = ['span', 'em', 'a', 'b'];

  /** A paragraph of text nodes (some empty) and inline elements, as pages split text. */
  function paragraph(): HTMLElement {
    const p = document.createElement('p');
    const add = (parent: Node, depth: number) => {
      for (let i = 0, n = 1 + Math.floor(next() * 5); i < n; i += 1) {
        if (depth < 2 && next() < 0.3) {
          const el = document.createElement(pick(INLINE));
          parent.appendChild(el);
          add(el, depth + 1);
        } else parent.appendChild(document.createTextNode(pick(WORDS)));
      }
    };
    add(p, 0);
    return p;
  }

  function wrapAll(root: Node, highlighter: { wrap(r: PlacedRange, a: Annotation): HTMLElement[] }): number {
    let made = 0;
    for (const { range, annotation } of placedNames(root)) made += highlighter.wrap(range, annotation).length;
    return made;
  }

  /** The DOM with every text node shown, empty ones included (serialising HTML would hide them). */
  function shape(node: Node): string {
    if (node.nodeType === Node.TEXT_NODE) return JSON.stringify((node as Text).data);
    const el = node as Element;
    const attrs = [...el.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
    return `<${el.localName}${attrs}>${[...el.childNodes].map(shape).join('')}</${el.localName}>`;
  }

  it('on 300 generated paragraphs, and unwrapping restores the same text nodes', () => {
    let wrapped = 0;
    for (let n = 0; n < 300; n += 1) {
      const ours = document.createElement('div');
      ours.append(paragraph(), paragraph());
      const theirs = ours.cloneNode(true) as HTMLElement;
      document.body.replaceChildren(ours, theirs);
      const before = textNodes(ours);
      const beforeData = before.map((t) => t.data);
      const highlighter = new Highlighter();
      wrapped += wrapAll(ours, highlighter);
      wrapAll(theirs, new ReferenceHighlighter());
      expect(shape(ours)).toBe(shape(theirs));
      highlighter.unwrap();
      expect(textNodes(ours)).toEqual(before);
      expect(textNodes(ours).map((t) => t.data)).toEqual(beforeData);
    }
    expect(wrapped).toBeGreaterThan(300);
  });
});

describe('pausing inside a long run', () => {
  function longParagraph(): HTMLElement {
    const p = document.createElement('p');
    for (let i = 0; i < 600; i += 1) {
      const em = document.createElement('em');
      em.textContent = `word${i} `;
      p.append(`Park Jin Hyok ${i} `, em);
    }
    return p;
  }

  it('lets the caller stop inside a run and still hands out the whole run', () => {
    const body = page('');
    body.append(longParagraph());
    const steps = [...walkTextRuns(body)];
    expect(steps.filter((s) => s === null).length).toBeGreaterThan(0);
    const runs = steps.filter((s): s is NonNullable<typeof s> => s !== null);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.nodes).toHaveLength(1200);
    expect(runs.map((r) => r.text)).toEqual([...textRuns(body)].map((r) => r.text));
  });

  it('drops a run the page changed while the walk was paused', () => {
    const body = page('');
    const p = longParagraph();
    body.append(p);
    const walk = walkTextRuns(body);
    expect(walk.next().value).toBeNull();
    (p.firstChild as Text).data = 'rewritten by the page';
    expect([...walk].filter((s) => s !== null)).toEqual([]);
  });
});

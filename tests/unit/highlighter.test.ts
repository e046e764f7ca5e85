import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../facts/lexicon';
import { loadEntityFiles } from '../../scripts/fact-files';
import { Highlighter, type PlacedMatch } from '../../entrypoints/content/highlighter';
import { locate, textRuns } from '../../entrypoints/content/text-runs';

const lexicon = compileLexicon(loadEntityFiles().map(({ entity }) => entity));

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
  for (const run of [...textRuns(root)]) {
    const placed: PlacedMatch[] = lexicon.findAll(run.text).map((m) => {
      const s = locate(run, m.start, false);
      const e = locate(run, m.end, true);
      return { hit: m.entry, startNode: s.node, startOffset: s.offset, endNode: e.node, endOffset: e.offset };
    });
    for (let i = placed.length - 1; i >= 0; i -= 1) highlighter.wrap(placed[i]!);
  }
}

describe('text runs', () => {
  it('joins text across inline elements and splits at blocks', () => {
    const body = page('<p>Park <em>Jin Hyok</em> and <a href="#">Lazarus</a> Group</p><p>WannaCry</p><ul><li>a</li><li>b</li></ul>');
    expect(runsOf(body)).toEqual(['Park Jin Hyok and Lazarus Group', 'WannaCry', 'a', 'b']);
  });

  it('skips form fields, scripts, editable regions and our own UI, and ends runs there', () => {
    const body = page(
      '<p>Park <textarea>Lazarus Group</textarea> Jin Hyok</p><div contenteditable="true">WannaCry</div>' +
        '<script>var x = "Park Jin Hyok"</script><case-lens-card>Lazarus Group</case-lens-card><svg><text>RGB</text></svg>',
    );
    expect(runsOf(body)).toEqual(['Park ', ' Jin Hyok']);
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
    highlighter.unwrap((m) => m.getAttribute('data-category') === 'group');
    expect(body.querySelector('[data-category="group"]')).toBeNull();
    expect(body.querySelectorAll('[data-category="person"]').length).toBe(2);
    expect(body.textContent).toContain('Park Jin Hyok of the Lazarus Group released WannaCry');
    highlighter.unwrap();
    expect(textNodes(body).map((n) => n.data)).toEqual(beforeData);
    expect(textNodes(body)).toEqual(before);
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
});

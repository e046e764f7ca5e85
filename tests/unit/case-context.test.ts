import { describe, expect, it } from 'vitest';
import { CaseContext, CONTEXT_ENTITIES, MAX_DEFERRED } from '../../entrypoints/content/case-context';
import type { WaitingName } from '../../entrypoints/content/case-context';
import type { NameAnnotation } from '../../facts/annotator';

const lazarus: NameAnnotation = {
  kind: 'name',
  entityId: 'lazarus-group',
  category: 'group',
  start: 0,
  end: 7,
  aliasIndex: 1,
  needsContext: true,
};

/** Points are where the scan read them: nothing was split meanwhile. */
const unchanged = (node: Text, offset: number) => ({ node, offset });

function paragraph(text: string): { p: HTMLParagraphElement; text: Text } {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return { p, text: p.firstChild as Text };
}

function at(node: Text, start: number, end: number, endNode: Text = node): WaitingName {
  return { annotation: lazarus, range: { startNode: node, startOffset: start, endNode, endOffset: end } };
}

describe('case context', () => {
  it(`needs ${CONTEXT_ENTITIES} different entities named in blocks that are still on the page`, async () => {
    document.body.innerHTML = '';
    const context = new CaseContext();
    const a = paragraph('Lazarus Group');
    const b = paragraph('WannaCry');
    context.note('lazarus-group', a.p);
    context.note('lazarus-group', a.p);
    expect(context.active).toBe(false);
    context.note('wannacry', b.p);
    expect(context.active).toBe(true);
    // A single-page app swaps the article out, in a task of its own (the answer holds for the rest of a task).
    await new Promise((resolve) => setTimeout(resolve));
    b.p.remove();
    expect(context.active).toBe(false);
  });

  it('keeps the newest evidence when an entity is named in many blocks', () => {
    document.body.innerHTML = '';
    const context = new CaseContext();
    const blocks = Array.from({ length: 10 }, (_, i) => paragraph(`WannaCry ${i}`).p);
    for (const block of blocks) context.note('wannacry', block);
    context.note('lazarus-group', paragraph('Lazarus Group').p);
    for (const block of blocks.slice(0, 6)) block.remove(); // an infinite feed dropped its oldest items
    expect(context.active).toBe(true);
  });

  it('keeps a deferred match once, and hands back only matches still on the page, last first', () => {
    document.body.innerHTML = '';
    const context = new CaseContext();
    const one = paragraph('Lazarus and Lazarus');
    const two = paragraph('then Lazarus');
    const gone = paragraph('Lazarus');
    const edited = paragraph('Lazarus');
    context.defer(at(one.text, 0, 7), 'Lazarus');
    context.defer(at(one.text, 0, 7), 'Lazarus'); // found again by a rescan
    context.defer(at(one.text, 12, 19), 'Lazarus');
    context.defer(at(two.text, 5, 12), 'Lazarus');
    context.defer(at(gone.text, 0, 7), 'Lazarus');
    context.defer(at(edited.text, 0, 7), 'Lazarus');
    expect(context.pending).toBe(5);
    gone.p.remove();
    edited.text.data = 'Lazy';
    const taken = context.takeDeferred(unchanged);
    expect(taken.map(({ range }) => [range.startNode === one.text ? 'one' : 'two', range.startOffset])).toEqual([
      ['two', 5],
      ['one', 12],
      ['one', 0],
    ]);
    expect(context.pending).toBe(0);
  });

  it('checks a match that spans text nodes against its text as a whole', () => {
    document.body.innerHTML = '<p>Park <em>Jin Hyok</em></p>';
    const context = new CaseContext();
    const first = document.querySelector('p')!.firstChild as Text;
    const second = document.querySelector('em')!.firstChild as Text;
    context.defer(at(first, 0, 8, second), 'Park Jin Hyok');
    expect(context.takeDeferred(unchanged)).toHaveLength(1);
    context.defer(at(first, 0, 8, second), 'Park Jin Hyok');
    second.data = 'Jin';
    expect(context.takeDeferred(unchanged)).toHaveLength(0);
  });

  it(`holds at most ${MAX_DEFERRED} matches and says when it had to drop some`, () => {
    document.body.innerHTML = '';
    const context = new CaseContext();
    const { text } = paragraph('Lazarus '.repeat(MAX_DEFERRED + 10));
    for (let i = 0; i < MAX_DEFERRED + 10; i += 1) context.defer(at(text, i * 8, i * 8 + 7), 'Lazarus');
    expect(context.pending).toBe(MAX_DEFERRED);
    expect(context.overflowed).toBe(true);
  });

  it('makes room by forgetting matches whose text left the page', () => {
    document.body.innerHTML = '';
    const context = new CaseContext();
    const old = paragraph('Lazarus '.repeat(MAX_DEFERRED));
    for (let i = 0; i < MAX_DEFERRED; i += 1) context.defer(at(old.text, i * 8, i * 8 + 7), 'Lazarus');
    old.p.remove();
    const fresh = paragraph('Lazarus');
    context.defer(at(fresh.text, 0, 7), 'Lazarus');
    expect(context.pending).toBe(1);
    expect(context.overflowed).toBe(false);
  });
});

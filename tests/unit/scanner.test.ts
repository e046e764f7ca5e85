import { afterEach, describe, expect, it, vi } from 'vitest';
import { Highlighter } from '../../entrypoints/content/highlighter';
import { Scanner } from '../../entrypoints/content/scanner';
import type { Category } from '../../facts/constants';
import { caseAnnotator as annotator } from './case-annotator';

/**
 * The scanner's scheduling in jsdom: slices, batches of page changes, the case
 * context, storms and stopping. What it marks is the annotator's business
 * (annotator.test.ts); here it is only read back to see that work was done.
 */

let scanner: Scanner | null = null;

function start(html: string, shown: (c: Category) => boolean = () => true) {
  document.body.innerHTML = html;
  performance.clearMeasures();
  const highlighter = new Highlighter();
  const onChange = vi.fn();
  scanner = new Scanner(document, {
    timers: window,
    annotator,
    highlighter,
    isCategoryShown: shown,
    onChange,
  });
  scanner.start();
  return { highlighter, onChange, scanner };
}

/** Waits until the scan has caught up (after the page's changes reach the observers, a microtask later). */
const idle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await vi.waitFor(() => expect(scanner!.idle).toBe(true), { timeout: 10_000, interval: 20 });
};
const entitiesOf = (h: Highlighter) => h.names().map((m) => h.annotationOf(m)!.entityId);
const scanMeasures = () => performance.getEntriesByName('case-lens:scan').length;

afterEach(() => {
  scanner?.stop();
  scanner = null;
});

describe('scanner scheduling', () => {
  it('reads the document in measured slices and reports the change', async () => {
    const { highlighter, onChange } = start('<p>Park Jin Hyok and Ghaleb Alaumary.</p><p>WannaCry spread.</p>');
    expect(highlighter.size).toBe(0); // nothing happens in the caller's task
    await idle();
    expect(entitiesOf(highlighter)).toEqual(['park-jin-hyok', 'ghaleb-alaumary', 'wannacry']);
    expect(scanMeasures()).toBeGreaterThan(0);
    expect(onChange).toHaveBeenCalled();
  });

  it('reads what the page adds later, in a batch, and leaves its own wrapping alone', async () => {
    const { highlighter } = start('<p>Park Jin Hyok</p>');
    await idle();
    for (let i = 0; i < 20; i += 1) document.body.insertAdjacentHTML('beforeend', `<p>Ghaleb Alaumary ${i}</p>`);
    await idle();
    expect(highlighter.names()).toHaveLength(21);
    // A rescan of everything marks nothing twice.
    scanner!.rescan();
    await idle();
    expect(highlighter.names()).toHaveLength(21);
  });

  it('spreads one long run over several slices and marks every name in it', async () => {
    const filler = 'The worm spread widely in that year, and the banks were slow to notice it. '.repeat(60);
    const { highlighter } = start(`<p>${`${filler}Park Jin Hyok was charged. `.repeat(100)}</p>`);
    await idle();
    expect(highlighter.names()).toHaveLength(100);
    expect(scanMeasures()).toBeGreaterThan(3);
  });

  it('marks ambiguous names only while the document is about the case', async () => {
    const { highlighter } = start('<p>Lazarus rose again.</p>');
    await idle();
    expect(highlighter.size).toBe(0);
    document.body.insertAdjacentHTML('beforeend', '<p id="case">Park Jin Hyok and the WannaCry worm.</p>');
    await idle();
    expect(entitiesOf(highlighter)).toContain('lazarus-group');
    document.getElementById('case')!.remove();
    await idle();
    expect(entitiesOf(highlighter)).toEqual([]);
    expect(document.body.textContent).toBe('Lazarus rose again.');
  });

  it('answers a storm of changes with one walk and still marks what the storm added', async () => {
    const { highlighter } = start('<div id="feed"></div>');
    await idle();
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 700; i += 1) {
      const item = document.createElement('section');
      item.textContent = i === 699 ? 'Ghaleb Alaumary' : `item ${i}`;
      feed.append(item);
    }
    await idle();
    expect(entitiesOf(highlighter)).toEqual(['ghaleb-alaumary']);
  });

  it('skips hidden categories and does no more work once stopped', async () => {
    const { highlighter } = start('<p>Park Jin Hyok and WannaCry.</p>', (c) => c !== 'person');
    await idle();
    expect(entitiesOf(highlighter)).toEqual(['wannacry']);
    scanner!.stop();
    const before = scanMeasures();
    document.body.insertAdjacentHTML('beforeend', '<p>Ghaleb Alaumary</p>');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(scanMeasures()).toBe(before);
    expect(highlighter.names()).toHaveLength(1);
  });

  it('never wraps in a document that became an editor, and takes its highlights out', async () => {
    const { highlighter } = start('<p>Park Jin Hyok</p>');
    await idle();
    expect(highlighter.size).toBe(1);
    document.designMode = 'on';
    document.body.insertAdjacentHTML('beforeend', '<p>Ghaleb Alaumary</p>');
    await idle();
    expect(highlighter.size).toBe(0);
    expect(document.querySelector('case-lens-mark')).toBeNull();
    document.designMode = 'off';
  });

  it('keeps the whole sentence when the page appends to a text node it holds and we split', async () => {
    const { highlighter } = start('<p id="log">Park Jin Hyok was charged.</p>');
    const held = document.getElementById('log')!.firstChild as Text;
    await idle();
    expect(highlighter.size).toBe(1);
    held.appendData(' The hearing was adjourned.');
    await idle();
    expect(document.getElementById('log')!.textContent).toBe('Park Jin Hyok was charged. The hearing was adjourned.');
    expect(highlighter.names()).toHaveLength(1);
  });

  it('takes highlights out of a block that becomes editable, and reads it again when it stops being', async () => {
    const { highlighter } = start('<div id="box"><p>Park Jin Hyok</p></div><p>WannaCry</p>');
    await idle();
    const box = document.getElementById('box')!;
    box.setAttribute('contenteditable', 'true'); // jsdom has no contentEditable property
    await idle();
    expect(box.querySelector('case-lens-mark')).toBeNull();
    expect(entitiesOf(highlighter)).toEqual(['wannacry']);
    box.removeAttribute('contenteditable');
    await idle();
    expect(box.querySelector('case-lens-mark')).not.toBeNull();
  });

  it('reads a new body that replaced the old one while a full walk was queued', async () => {
    const { highlighter } = start('<p>Park Jin Hyok</p>');
    scanner!.rescan();
    const next = document.createElement('body');
    next.innerHTML = '<p>Ghaleb Alaumary</p>';
    document.body.replaceWith(next);
    await idle();
    expect(entitiesOf(highlighter)).toEqual(['ghaleb-alaumary']);
    next.insertAdjacentHTML('beforeend', '<p>WannaCry</p>');
    await idle();
    expect(entitiesOf(highlighter)).toEqual(['ghaleb-alaumary', 'wannacry']);
  });
});

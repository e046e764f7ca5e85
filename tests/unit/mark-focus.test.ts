import { describe, expect, it } from 'vitest';
import { focusMark, mentionIndexOf } from '../../entrypoints/content/mark-focus';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('mark focus', () => {
  it('makes a highlight focusable only while it holds focus', () => {
    const body = page('<p><case-lens-mark id="a">Park</case-lens-mark> and <button id="b">x</button></p>');
    const mark = body.querySelector<HTMLElement>('#a')!;
    focusMark(mark);
    expect(document.activeElement).toBe(mark);
    expect(mark.getAttribute('tabindex')).toBe('-1');
    body.querySelector<HTMLElement>('#b')!.focus();
    expect(mark.hasAttribute('tabindex')).toBe(false);
    expect(mark.attributes.length).toBe(1); // only its id: nothing of ours is left behind
  });

  it('leaves a tabindex the page set itself', () => {
    const body = page('<case-lens-mark id="a" tabindex="0">Park</case-lens-mark><button id="b">x</button>');
    const mark = body.querySelector<HTMLElement>('#a')!;
    focusMark(mark);
    body.querySelector<HTMLElement>('#b')!.focus();
    expect(mark.getAttribute('tabindex')).toBe('0');
  });

  it('counts a later piece of a split match as the mention it belongs to', () => {
    const body = page(
      '<p><case-lens-mark id="m1">Lazarus Group</case-lens-mark></p>' +
        '<p><case-lens-mark id="m2">Park </case-lens-mark><em><case-lens-mark id="m2b">Jin Hyok</case-lens-mark></em></p>' +
        '<p><case-lens-mark id="m3">Lazarus Group</case-lens-mark></p>',
    );
    const [m1, m2, m2b, m3] = ['m1', 'm2', 'm2b', 'm3'].map((id) => body.querySelector<HTMLElement>(`#${id}`)!);
    const mentions = [m1!, m2!, m3!];
    expect(mentionIndexOf(mentions, m2!)).toBe(1);
    expect(mentionIndexOf(mentions, m2b!)).toBe(1);
    expect(mentionIndexOf(mentions, m3!)).toBe(2);
    expect(mentionIndexOf([m3!], m1!)).toBe(-1);
  });
});

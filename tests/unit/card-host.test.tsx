import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { scriptTimers } from '../../entrypoints/content/script-timers';
import { CardHost } from '../../entrypoints/content/card-host';
import { HighlightNavigator } from '../../entrypoints/content/highlight-navigator';
import { Highlighter } from '../../entrypoints/content/highlighter';
import { buildEntityView } from '../../facts/view';
import { entities, placedAnnotations } from './case-annotator';

/** The card host and the navigator in jsdom, against highlights made by the real highlighter. */

function highlight(html: string): Highlighter {
  document.body.innerHTML = html;
  const highlighter = new Highlighter();
  for (const { range, annotation } of placedAnnotations(document.body)) highlighter.wrap(range, annotation);
  return highlighter;
}

let ctx: ContentScriptContext;
let card: CardHost;
let highlighter: Highlighter;
const fetchEntity = vi.fn(async (r: { id: string; aliasIndex?: number; claimIndex?: number }) =>
  buildEntityView(entities, r.id, r.aliasIndex, r.claimIndex),
);
const mentionsOf = (id: string) => highlighter.names().filter((m) => highlighter.annotationOf(m)?.entityId === id);

/**
 * The card's root is closed, so `host.shadowRoot` is null here as in a page:
 * the test keeps every root it sees attached (in a browser, the specs read it
 * over the DevTools protocol).
 */
const roots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
beforeAll(() => {
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    return root;
  };
});
afterAll(() => {
  Element.prototype.attachShadow = attachShadow;
});

function cardRoot(): ShadowRoot | undefined {
  const host = document.querySelector('case-lens-card');
  return host ? roots.get(host) : undefined;
}

/** The card as a reader sees it: inside our own shadow root. */
function cardText(): string {
  return cardRoot()?.querySelector('.cl-card')?.textContent ?? '';
}

beforeEach(() => {
  fakeBrowser.reset();
  ctx = new ContentScriptContext('card-test');
  highlighter = highlight(
    '<p>Park Jin Hyok worked for Chosun Expo. Park Jin Hyok was charged.</p><p>WannaCry spread in 2018.</p>',
  );
  card = new CardHost(ctx, {
    css: '',
    annotationOf: (m) => highlighter.annotationOf(m),
    mentionsOf,
    fetchEntity,
    timers: scriptTimers(ctx),
  });
  fetchEntity.mockClear();
});

afterEach(() => {
  card.destroy();
  ctx.notifyInvalidated();
});

describe('the card host', () => {
  it("opens for the extension's own highlight with its record, and never for a page's look-alike", async () => {
    const forged = document.createElement('case-lens-mark');
    forged.setAttribute('data-entity', 'park-jin-hyok');
    forged.setAttribute('data-claim', 'confirmed');
    forged.setAttribute('data-claim-index', '0');
    forged.textContent = 'they stole $9';
    document.body.append(forged);
    await card.open(forged);
    expect(card.isOpen).toBe(false);
    expect(fetchEntity).not.toHaveBeenCalled();

    await card.open(mentionsOf('park-jin-hyok')[0]!);
    await vi.waitFor(() => expect(cardText()).toContain('Park Jin Hyok'));
    expect(cardText()).toContain('Mention 1 of 2');
  });

  it('opened on a value, asks for that claim and says what the page says', async () => {
    const value = highlighter.contradictions().find((m) => highlighter.annotationOf(m)?.entityId === 'wannacry')!;
    expect(value.textContent).toBe('2018');
    await card.open(value);
    expect(fetchEntity).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'wannacry', claimIndex: expect.any(Number) }),
    );
    await vi.waitFor(() => expect(cardText()).toContain('This page says “2018”'));
  });

  it('follows a relation and comes back to where it started', async () => {
    await card.open(mentionsOf('park-jin-hyok')[0]!);
    await vi.waitFor(() => expect(cardText()).toContain('Chosun Expo'));
    const host = document.querySelector('case-lens-card')!;
    expect(host.shadowRoot).toBeNull(); // closed: the page cannot read it
    const shadow = cardRoot()!;
    const relation = [...shadow.querySelectorAll('button')].find((b) => b.textContent?.includes('Chosun Expo'))!;
    relation.click();
    await vi.waitFor(() => expect(shadow.querySelector('.cl-title')?.textContent).toContain('Chosun Expo'));
    expect(card.isPinned).toBe(true); // navigating inside the card keeps it open
    shadow.querySelector<HTMLButtonElement>('.cl-back')!.click();
    await vi.waitFor(() => expect(shadow.querySelector('.cl-title')?.textContent).toBe('Park Jin Hyok'));
  });

  it('gives focus back to the highlight a keyboard user came from', async () => {
    const mark = mentionsOf('park-jin-hyok')[1]!;
    await card.open(mark, { focus: true });
    expect(card.sticky).toBe(true);
    card.close(true);
    expect(document.activeElement).toBe(mark);
    expect(card.isOpen).toBe(false);
  });

  it('closes a hover card a moment after the pointer leaves, unless it is pinned', async () => {
    await card.open(mentionsOf('park-jin-hyok')[0]!);
    card.scheduleClose();
    await vi.waitFor(() => expect(card.isOpen).toBe(false), { timeout: 2000 });
  });
});

describe('the highlight navigator', () => {
  it("steps through the page's names in order and reveals one entity's mentions", async () => {
    const opened: HTMLElement[] = [];
    const stub = { anchor: null, open: async (m: HTMLElement) => void opened.push(m) } as unknown as CardHost;
    const navigation = new HighlightNavigator({
      timers: ctx,
      mentions: () => highlighter.names(),
      mentionsOf,
      card: stub,
      flash: (mention, on) => highlighter.flash(mention, on),
    });
    // jsdom lays nothing out (every highlight reads as being at the top of the screen) and has no media queries.
    vi.stubGlobal('matchMedia', () => ({ matches: true }));
    Element.prototype.scrollIntoView = () => undefined;
    expect(navigation.step('next')).toBe(true);
    expect(opened.map((m) => m.textContent)).toEqual(['Park Jin Hyok']);
    expect(navigation.reveal('park-jin-hyok', 1)).toBe(true);
    expect(mentionsOf('park-jin-hyok')[1]!.classList.contains('case-lens-flash')).toBe(true);
    expect(navigation.reveal('ghaleb-alaumary', 0)).toBe(false);
    navigation.destroy();
    expect(document.querySelector('.case-lens-flash')).toBeNull();
    vi.unstubAllGlobals();
  });
});

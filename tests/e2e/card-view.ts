import type { CDPSession, Page } from '@playwright/test';

/**
 * The hover card lives in a closed shadow root: neither the page nor
 * Playwright's locators can look into it. The specs reach it as an outside
 * check would, over the DevTools protocol, whose `DOM.getDocument` with
 * `pierce` lists closed roots too. `card(page)` answers the few questions the
 * specs ask of a locator (count, text, attributes, box, visibility, a real
 * click) about parts of the card, found by CSS selector and, for buttons, by
 * accessible name.
 */

export interface ProtocolNode {
  nodeName: string;
  backendNodeId: number;
  children?: ProtocolNode[];
  shadowRoots?: (ProtocolNode & { shadowRootType?: string })[];
  contentDocument?: ProtocolNode;
}

/** One step from the parts found so far: their descendants matching `selector`, with `name`, the `index`th. */
interface Step {
  selector: string;
  name?: string | RegExp;
  index?: number;
}

const sessions = new WeakMap<Page, CDPSession>();

async function sessionOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** The shadow root of the first element `isHost` accepts (in document order, through shadow trees). */
function findRoot(node: ProtocolNode, isHost: (host: ProtocolNode) => boolean): ProtocolNode | null {
  const root = node.shadowRoots?.[0];
  if (root && isHost(node)) return root;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findRoot(child, isHost);
    if (found) return found;
  }
  return null;
}

/**
 * Runs `fn` (serialised: it sees only its arguments) on the shadow root of
 * the first element `isHost` accepts, open or closed, in the page's own
 * world, with `arg` as JSON; null when there is no such element.
 */
export async function inShadowRootOf<R, A>(
  page: Page,
  isHost: (host: ProtocolNode) => boolean,
  fn: (root: ShadowRoot, arg: A) => R,
  arg?: A,
): Promise<R | null> {
  const cdp = await sessionOf(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: ProtocolNode };
  const shadow = findRoot(root, isHost);
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `async function (arg) { return JSON.stringify((await (${fn.toString()})(this, JSON.parse(arg))) ?? null); }`,
      arguments: [{ value: JSON.stringify(arg ?? null) }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in the shadow root: ${exceptionDetails.exception?.description}`);
    return JSON.parse(result.value as string) as R;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId! }).catch(() => undefined);
  }
}

/** Our card's host: a `case-lens-card…` element with a closed root (a page may name its own elements so). */
const isCardHost = (host: ProtocolNode) =>
  host.nodeName.startsWith('CASE-LENS-CARD') && host.shadowRoots?.[0]?.shadowRootType === 'closed';

/** `inShadowRootOf` for the card's root; null when no card exists. */
export function inCard<R, A>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | null> {
  return inShadowRootOf(page, isCardHost, fn, arg);
}

/** In the page: the parts `steps` lead to from `root`. Serialised with the function that calls it. */
const FIND_PARTS = `function findParts(root, steps) {
  let found = [root];
  for (const step of steps) {
    let next = [];
    for (const el of found) for (const part of el.querySelectorAll(step.selector)) if (!next.includes(part)) next.push(part);
    if (step.name !== undefined) {
      const test = step.name.regex ? new RegExp(step.name.regex) : null;
      next = next.filter((el) => {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
        return test ? test.test(name) : name === step.name;
      });
    }
    if (step.index !== undefined) next = next[step.index] ? [next[step.index]] : [];
    found = next;
  }
  return found;
}`;

type JsonStep = Omit<Step, 'name'> & { name?: string | { regex: string } };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * In the page (serialised): the middle of `el`, scrolled into view inside
 * the card (whose body scrolls when it is taller than the room it has, as a
 * reader would scroll it), whether a pointer there hits `el` rather than
 * something over it (as Playwright's own click checks), and where the page
 * is scrolled to.
 */
export const POINT_ON = `function pointOn(el) {
  el.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  const r = el.getBoundingClientRect();
  const x = Math.round(r.left + r.width / 2);
  const y = Math.round(r.top + r.height / 2);
  const top = el.getRootNode().elementFromPoint(x, y);
  return { x, y, hits: top !== null && (top === el || el.contains(top)), scroll: scrollX + ',' + scrollY };
}`;

export interface PartPoint {
  x: number;
  y: number;
  hits: boolean;
  scroll: string;
}

/**
 * Polls `where` until the part stands still and a pointer on it hits it: the
 * card follows its highlight while the page scrolls (smoothly, to a mention),
 * and a click taken mid-scroll lands beside the button. Fails after 10 s.
 */
export async function restingPoint(
  where: () => Promise<PartPoint | null>,
  what: string,
): Promise<{ x: number; y: number }> {
  const deadline = Date.now() + 10_000;
  let point = await where();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const again = await where();
    const still = point && again && again.x === point.x && again.y === point.y && again.scroll === point.scroll;
    if (still && again.hits) return again;
    point = again;
  }
  throw new Error(`no card part to point at: ${what} (last seen: ${JSON.stringify(point)})`);
}

/** A part of the card, as a locator would name it; every question is asked afresh. */
export class CardPart {
  constructor(
    readonly page: Page,
    private readonly steps: Step[],
  ) {}

  locator(selector: string): CardPart {
    return new CardPart(this.page, [...this.steps, { selector }]);
  }
  first(): CardPart {
    return this.nth(0);
  }
  nth(index: number): CardPart {
    const last = this.steps.at(-1)!;
    return new CardPart(this.page, [...this.steps.slice(0, -1), { ...last, index }]);
  }
  /** Buttons by accessible name (`aria-label`, else text), as `getByRole('button', { name })` with an exact name. */
  button(name: string | RegExp): CardPart {
    return new CardPart(this.page, [...this.steps, { selector: 'button, [role="button"]', name }]);
  }

  /** Runs `op` (serialised) on the first part, or answers `none` when there is none. */
  private async ask<R, A>(op: (el: HTMLElement, arg: A) => R, none: R, arg?: A): Promise<R> {
    const steps: JsonStep[] = this.steps.map((s) => ({
      ...s,
      name: s.name instanceof RegExp ? { regex: s.name.source } : s.name,
    }));
    const fn = new Function(
      'root',
      'arg',
      `${FIND_PARTS}; const el = findParts(root, arg.steps)[0]; return el ? (${op.toString()})(el, arg.arg) : { none: true };`,
    ) as (root: ShadowRoot, a: { steps: JsonStep[]; arg: A | undefined }) => R | { none: true };
    const answer = await inCard(this.page, fn, { steps, arg });
    if (answer === null || (typeof answer === 'object' && answer !== null && 'none' in answer)) return none;
    return answer as R;
  }

  async count(): Promise<number> {
    const steps = this.steps.map((s) => ({ ...s, name: s.name instanceof RegExp ? { regex: s.name.source } : s.name }));
    const fn = new Function('root', 'arg', `${FIND_PARTS}; return findParts(root, arg).length;`) as (
      root: ShadowRoot,
      a: JsonStep[],
    ) => number;
    return (await inCard(this.page, fn, steps)) ?? 0;
  }
  textContent(): Promise<string | null> {
    return this.ask((el) => el.textContent, null);
  }
  /** Its text with white space collapsed, as `toHaveText` compares it; null when there is no such part. */
  text(): Promise<string | null> {
    return this.ask((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim(), null);
  }
  getAttribute(name: string): Promise<string | null> {
    return this.ask((el, attribute: string) => el.getAttribute(attribute), null, name);
  }
  /** Visible as Playwright means it: a box of some size, and not hidden by `visibility`. */
  isVisible(): Promise<boolean> {
    return this.ask((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    }, false);
  }
  boundingBox(): Promise<Box | null> {
    return this.ask((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, null);
  }
  /** Runs `fn` (serialised) on the first part; throws when there is none. */
  async evaluate<R, A = undefined>(fn: (el: HTMLElement, arg: A) => R, arg?: A): Promise<R> {
    const missing = Symbol('missing');
    const answer = await this.ask(fn, missing as unknown as R, arg);
    if ((answer as unknown) === missing) throw new Error(`no card part for ${JSON.stringify(this.steps)}`);
    return answer;
  }

  /** The middle of the part once it stands still, and hit by a pointer there. */
  private restingPoint(): Promise<{ x: number; y: number }> {
    const pointOn = new Function('el', `${POINT_ON}; return pointOn(el);`) as (el: HTMLElement) => PartPoint;
    return restingPoint(() => this.ask(pointOn, null), JSON.stringify(this.steps));
  }
  /** A real click in its middle. */
  async click(): Promise<void> {
    const { x, y } = await this.restingPoint();
    await this.page.mouse.click(x, y);
  }
  /** The real pointer on its middle. */
  async hover(): Promise<void> {
    const { x, y } = await this.restingPoint();
    await this.page.mouse.move(x, y);
  }
}

/** The card itself (`.cl-card`), or a part of it with `selector`. */
export function card(page: Page, selector = '.cl-card'): CardPart {
  return new CardPart(page, [{ selector }]);
}

/** Which element inside the card has focus, as its title says; null when focus is not in the card. */
export function focusedCardTitle(page: Page): Promise<string | null> {
  return inCard(page, (root) => {
    const inner = root.activeElement;
    return inner ? (inner.closest('.cl-card')?.querySelector('.cl-title')?.textContent ?? '') : null;
  });
}

/**
 * For an accessibility audit: axe walks into shadow roots through
 * `host.shadowRoot`, which a closed root hides. The root reached over the
 * protocol is handed to it as an own property of the host, in the page's
 * world only (the extension's card stays closed). False when no card exists.
 */
export async function showCardToAudit(page: Page): Promise<boolean> {
  const shown = await inCard(page, (root) => {
    Object.defineProperty(root.host, 'shadowRoot', { get: () => root, configurable: true });
    return true;
  });
  return shown === true;
}

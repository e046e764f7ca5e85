import type { CDPSession, Page } from '@playwright/test';
import { launch, type Harness } from '../extension';
import { activeTabId, type Driver, type LaunchOptions, type PageFunction, type Tab } from './types';
import { AutomatedTab } from './input';

/** Serialised into the page: runs `fn` on `this` (a node the protocol handed over) and returns JSON. */
const callOn = (fn: string) => `function (arg) { return JSON.stringify((${fn})(this, JSON.parse(arg)) ?? null); }`;

interface ProtocolNode {
  nodeName: string;
  backendNodeId: number;
  children?: ProtocolNode[];
  shadowRoots?: ProtocolNode[];
  contentDocument?: ProtocolNode;
}

function findNode(node: ProtocolNode, name: string): ProtocolNode | null {
  if (node.nodeName === name) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, name);
    if (found) return found;
  }
  return null;
}

class ChromiumTab extends AutomatedTab implements Tab {
  #cdp: CDPSession | null = null;
  constructor(
    readonly page: Page,
    private readonly h: Harness,
  ) {
    super();
  }
  url(): string {
    return this.page.url();
  }
  evaluate<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as never, arg as never) as Promise<R>;
  }
  async goto(pathOrUrl: string): Promise<void> {
    await this.page.goto(/^[a-z-]+:/.test(pathOrUrl) ? pathOrUrl : this.h.baseUrl + pathOrUrl);
  }

  type(text: string): Promise<void> {
    return this.page.keyboard.type(text);
  }
  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }
  /** DevTools protocol: `DOM.getDocument` with `pierce` lists shadow roots, open or closed. */
  async inShadowOf<R, A>(host: string, fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | null> {
    this.#cdp ??= await this.page.context().newCDPSession(this.page);
    const cdp = this.#cdp;
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: ProtocolNode };
    const shadow = findNode(root, host.toUpperCase())?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: callOn(fn.toString()),
      arguments: [{ value: JSON.stringify(arg ?? null) }],
      returnByValue: true,
    });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId! });
    if (exceptionDetails) throw new Error(`in the shadow root: ${exceptionDetails.exception?.description}`);
    return JSON.parse(result.value as string) as R;
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

export class ChromiumDriver implements Driver {
  readonly engine = 'chromium' as const;
  private constructor(readonly harness: Harness) {}

  static async launch(options: LaunchOptions = {}): Promise<ChromiumDriver> {
    return new ChromiumDriver(await launch({ extra: options.extra, recordOutside: false }));
  }
  get baseUrl(): string {
    return this.harness.baseUrl;
  }
  get popupUrl(): string {
    return `chrome-extension://${this.harness.extensionId}/popup.html`;
  }
  async newTab(viewport?: { width: number; height: number }): Promise<Tab> {
    const page = await this.harness.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    return new ChromiumTab(page, this.harness);
  }
  inExtension<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return this.harness.worker.evaluate(fn as never, arg as never) as Promise<R>;
  }
  async tabIdOf(tab: Tab): Promise<number> {
    await tab.bringToFront();
    return activeTabId(this);
  }
  close(): Promise<void> {
    return this.harness.close();
  }
}

/**
 * What the end-to-end specs ask of a browser, the same in Chromium (Playwright,
 * DevTools protocol) and Firefox (puppeteer-core, WebDriver BiDi). The specs
 * speak only to this, so one spec runs in both.
 */

export type Engine = 'chromium' | 'firefox';

/** A function serialised into the page: it sees only its argument (JSON), never the test's scope. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface Evaluator {
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  url(): string;
}

export interface Tab extends Evaluator {
  /** Loads a path of the static server (or an absolute address) and waits for the load event. */
  goto(pathOrUrl: string): Promise<void>;
  /** The tab's frames, the top one first. */
  frames(): Evaluator[];
  /** Real pointer input: moves to a point of the viewport. */
  mouseMove(x: number, y: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  bringToFront(): Promise<void>;
  /**
   * Runs `fn` on the shadow root of the first element named `host` (our
   * `case-lens-card`), reached over the browser's own protocol, so it works as
   * well on a closed root; null when there is no such element.
   */
  inShadowOf<R, A = undefined>(host: string, fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | null>;
  close(): Promise<void>;
}

export interface Driver {
  engine: Engine;
  /** The static server on 127.0.0.1 that serves the repository. */
  baseUrl: string;
  /** The popup's page, e.g. `chrome-extension://<id>/popup.html` or `moz-extension://<uuid>/popup.html`. */
  popupUrl: string;
  newTab(viewport?: { width: number; height: number }): Promise<Tab>;
  /** Runs `fn` in an extension page (`browser`/`chrome` are there), e.g. to read storage. */
  inExtension<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  /** The browser's id of a tab's page (brings it to the front: the extension holds no `tabs` permission). */
  tabIdOf(tab: Tab): Promise<number>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra directories the server shows under /__extra/<name>/. */
  extra?: Record<string, string>;
}

/** What the tests use of the extension API, as an extension page or the service worker sees it. */
export interface ExtensionApi {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

/** The id of the tab in front (the caller brought it there). */
export async function activeTabId(driver: Driver): Promise<number> {
  const id = await driver.inExtension(async () => {
    const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
    const [active] = await (g.browser ?? g.chrome)!.tabs.query({ active: true, lastFocusedWindow: true });
    return active?.id;
  });
  if (id === undefined) throw new Error('no active tab');
  return id;
}

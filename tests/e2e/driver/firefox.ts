import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error: a plain ES module shared with the scripts
import { serveDirectory } from '../../../scripts/static-server.mjs';
import { activeTabId, type Driver, type LaunchOptions, type PageFunction, type Tab } from './types';
import { AutomatedTab } from './input';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
/** The add-on id the Firefox manifest names (wxt.config.ts). */
const GECKO_ID = 'case-lens@case-lens.invalid';
/** Fixed with `extensions.webextensions.uuids`, so the popup has a known address. */
const ADDON_UUID = '6f1c5f0e-2b7a-4c39-9d53-c45e1e2a0b11';

/** The part of puppeteer's WebDriver BiDi connection used here (raw commands for the shadow tree). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}
interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: RemoteNode | null };
}

/** The value of a `script.callFunction` whose function returned JSON, or its exception as an error. */
function parseOutcome<R>(result: Record<string, unknown>): R {
  const outcome = result as { type: string; result?: { value: string }; exceptionDetails?: { text: string } };
  if (outcome.type === 'exception') throw new Error(`in the page: ${outcome.exceptionDetails?.text}`);
  return JSON.parse(outcome.result!.value) as R;
}

class FirefoxTab extends AutomatedTab implements Tab {
  constructor(
    readonly page: Page,
    private readonly driver: FirefoxDriver,
  ) {
    super();
  }
  #extensionUrl: string | null = null;
  url(): string {
    return this.#extensionUrl ?? this.page.url();
  }
  evaluate<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    if (this.#extensionUrl) return this.#evaluateRaw(fn, arg);
    return this.page.evaluate(fn as never, arg as never) as Promise<R>;
  }
  /** puppeteer keeps the realm of the page before a moz-extension: navigation: evaluate there over BiDi itself. */
  async #evaluateRaw<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    const called = await this.driver.connection.send('script.callFunction', {
      functionDeclaration: `(arg) => Promise.resolve((${fn.toString()})(JSON.parse(arg))).then((r) => JSON.stringify(r ?? null))`,
      arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
      awaitPromise: true,
      target: { context: this.contextId },
    });
    return parseOutcome<R>(called.result);
  }
  get contextId(): string {
    return (this.page.mainFrame() as unknown as { _id: string })._id;
  }
  async goto(pathOrUrl: string): Promise<void> {
    if (pathOrUrl.startsWith('moz-extension:')) {
      // puppeteer loses track of a tab that moves into the extension's process (it never sees the load): ask BiDi.
      await this.driver.connection.send('browsingContext.navigate', {
        context: this.contextId,
        url: pathOrUrl,
        wait: 'complete',
      });
      this.#extensionUrl = pathOrUrl;
      return;
    }
    this.#extensionUrl = null;
    await this.page.goto(/^[a-z-]+:/.test(pathOrUrl) ? pathOrUrl : this.driver.baseUrl + pathOrUrl);
  }

  type(text: string): Promise<void> {
    return this.page.keyboard.type(text);
  }
  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }
  /** WebDriver BiDi: a node serialised with `includeShadowTree: 'all'` carries its shadow root, open or closed. */
  async inShadowOf<R, A>(host: string, fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | null> {
    const connection = this.driver.connection;
    const target = { context: this.contextId };
    const found = await connection.send('script.callFunction', {
      functionDeclaration: `() => document.querySelector(${JSON.stringify(host)})`,
      awaitPromise: false,
      target,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const node = (found.result as { result: RemoteNode }).result;
    const shadow = node.type === 'node' ? node.value?.shadowRoot : null;
    if (!shadow?.sharedId) return null;
    const called = await connection.send('script.callFunction', {
      functionDeclaration: `(root, arg) => JSON.stringify((${fn.toString()})(root, JSON.parse(arg)) ?? null)`,
      arguments: [{ sharedId: shadow.sharedId }, { type: 'string', value: JSON.stringify(arg ?? null) }],
      awaitPromise: false,
      target,
    });
    return parseOutcome<R>(called.result);
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

/**
 * Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core, with the
 * Firefox build installed as a temporary add-on. Other hosts go to a dead proxy
 * (loopback is never proxied), so saved pages cannot reach the network.
 */
export class FirefoxDriver implements Driver {
  readonly engine = 'firefox' as const;
  readonly popupUrl = `moz-extension://${ADDON_UUID}/popup.html`;
  #extensionTab: FirefoxTab | null = null;
  private constructor(
    readonly browser: Browser,
    readonly baseUrl: string,
    private readonly closeServer: () => void,
  ) {}

  static async launch(options: LaunchOptions = {}): Promise<FirefoxDriver> {
    const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
    const server = await serveDirectory(resolve('.'), options.extra ?? {});
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: mkdtempSync(join(tmpdir(), 'case-lens-e2e-firefox-')),
      defaultViewport: { width: 1200, height: 900 },
      // Without it WebDriver BiDi refuses to navigate a tab to a moz-extension: page (the popup).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: ADDON_UUID }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.allow_hijacking_localhost': false,
        'ui.systemUsesDarkTheme': 0,
      },
    });
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== GECKO_ID) throw new Error(`the add-on was installed as ${installed}, not ${GECKO_ID}`);
    return new FirefoxDriver(browser, server.url, server.close);
  }
  get connection(): BidiConnection {
    return (this.browser as unknown as { connection: BidiConnection }).connection;
  }
  async newTab(viewport?: { width: number; height: number }): Promise<Tab> {
    const page = await this.browser.newPage();
    if (viewport) {
      // The viewport alone, over BiDi: Puppeteer's setViewport also overrides the screen orientation, a
      // command Firefox 140 ESR (the manifest's minimum, and Debian bookworm's package) does not know.
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      await (this.connection as unknown as { send(method: string, params: object): Promise<unknown> }).send(
        'browsingContext.setViewport',
        { context, viewport },
      );
    }
    // A page's own alert() would hold its load for good: dismissed, as Playwright does in Chromium when
    // nothing listens (a corpus page, remove-script-tags.html, alerts as it loads).
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    return new FirefoxTab(page, this);
  }
  /** An extension page kept open in a background tab: Firefox's background is an event page tests cannot reach. */
  async inExtension<R, A>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    if (!this.#extensionTab) {
      const tab = (await this.newTab()) as FirefoxTab;
      await tab.goto(this.popupUrl);
      this.#extensionTab = tab;
    }
    return this.#extensionTab.evaluate(fn, arg);
  }
  async tabIdOf(tab: Tab): Promise<number> {
    await tab.bringToFront();
    return activeTabId(this);
  }
  async close(): Promise<void> {
    await this.browser.close();
    this.closeServer();
  }
}

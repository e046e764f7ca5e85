import type { Page } from '@playwright/test';
import { inShadowRootOf } from '../card-view';
import { launch, type Harness } from '../extension';
import { activeTabId, type Driver, type LaunchOptions, type PageFunction, type Tab } from './types';
import { AutomatedTab } from './input';

class ChromiumTab extends AutomatedTab implements Tab {
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
  inShadowOf<R, A>(host: string, fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | null> {
    const name = host.toUpperCase();
    return inShadowRootOf(this.page, (node) => node.nodeName === name, fn, arg);
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

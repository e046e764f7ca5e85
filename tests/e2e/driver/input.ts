import type { Evaluator, PageFunction } from './types';

/** What Playwright's and puppeteer's pages both offer for frames, the pointer and keys. */
export interface AutomatedPage {
  frames(): { url(): string; evaluate(fn: never, arg: never): Promise<unknown> }[];
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { press(key: never): Promise<void> };
}

/** A tab's frames and real input, the same in both browsers. */
export abstract class AutomatedTab {
  abstract readonly page: AutomatedPage;

  frames(): Evaluator[] {
    return this.page.frames().map((frame) => ({
      url: () => frame.url(),
      evaluate: <R, A>(fn: PageFunction<A, R>, arg?: A) => frame.evaluate(fn as never, arg as never) as Promise<R>,
    }));
  }
  mouseMove(x: number, y: number): Promise<void> {
    return this.page.mouse.move(x, y);
  }
  mouseClick(x: number, y: number): Promise<void> {
    return this.page.mouse.click(x, y);
  }
  press(key: string): Promise<void> {
    return this.page.keyboard.press(key as never);
  }
}

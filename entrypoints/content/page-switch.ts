import { CATEGORIES, type Category } from '@/facts/constants';
import { isActiveOn, type Settings } from '@/lib/settings-values';

/** What the switch turns on and off. */
export interface SwitchedParts {
  /** Starts scanning and styling the page. */
  start(): void;
  /** Removes every highlight and stops, leaving the page as it was. */
  stop(): void;
  /** Removes the highlights of categories switched off. */
  hide(categories: Category[]): void;
  /** Reads the page again for categories switched on. */
  show(): void;
}

/**
 * Follows the reader's settings on one page: the master switch, the per-site
 * switch and the categories. The parts do the work; this decides when.
 */
export class PageSwitch {
  private running = false;

  constructor(
    private readonly host: string,
    public settings: Settings,
    private readonly parts: SwitchedParts,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  isCategoryShown = (category: Category): boolean => this.settings.categories[category];

  apply(next: Settings): void {
    const previous = this.settings;
    this.settings = next;
    if (!isActiveOn(next, this.host)) {
      this.turnOff();
      return;
    }
    if (!this.running) {
      this.turnOn();
      return;
    }
    if (previous.renderer !== next.renderer) {
      // Another renderer: everything shown the old way goes, and the page is read again the new way.
      this.turnOff();
      this.turnOn();
      return;
    }
    const hidden = CATEGORIES.filter((c) => previous.categories[c] && !next.categories[c]);
    if (hidden.length > 0) this.parts.hide(hidden);
    if (CATEGORIES.some((c) => !previous.categories[c] && next.categories[c])) this.parts.show();
  }

  turnOn(): void {
    if (this.running) return;
    this.running = true;
    this.parts.start();
  }

  turnOff(): void {
    if (!this.running) return;
    this.running = false;
    this.parts.stop();
  }
}

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { watchDesignMode } from '../../entrypoints/content/design-mode-watch';

/** Timers run by hand: each `tick()` fires what is due, as a second passing would. */
function manualTimers() {
  let due: (() => void)[] = [];
  return {
    setTimeout(handler: () => void) {
      due.push(handler);
      return due.length;
    },
    tick() {
      const now = due;
      due = [];
      for (const handler of now) handler();
    },
    get pending() {
      return due.length;
    },
  };
}

describe('watchDesignMode', () => {
  it('asks once a second while there are highlights, and drops them when the document became an editor', () => {
    const timers = manualTimers();
    const doc = { designMode: 'off' } as Document;
    let highlights = 3;
    let dropped = 0;
    const arm = watchDesignMode(
      timers,
      doc,
      () => highlights > 0,
      () => {
        dropped += 1;
        highlights = 0;
      },
    );
    arm();
    arm();
    expect(timers.pending).toBe(1);
    timers.tick();
    expect(dropped).toBe(0);
    expect(timers.pending).toBe(1);
    doc.designMode = 'on';
    timers.tick();
    expect(dropped).toBe(1);
    // Nothing left to drop: nothing runs until highlights may have appeared again.
    expect(timers.pending).toBe(0);
  });

  it('runs nothing on a document without highlights', () => {
    const timers = manualTimers();
    const arm = watchDesignMode(
      timers,
      { designMode: 'on' } as Document,
      () => false,
      () => {
        throw new Error('nothing to drop');
      },
    );
    arm();
    timers.tick();
    expect(timers.pending).toBe(0);
  });
});

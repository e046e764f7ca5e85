// @vitest-environment node
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { boundedTimeline, KEPT, MOST } from '../../entrypoints/content/timeline';

const NAMES = ['case-lens:scan', 'case-lens:compile', 'case-lens:card'];
const ours = () => performance.getEntriesByType('measure').filter((e) => NAMES.includes(e.name));

afterEach(() => {
  for (const name of NAMES) performance.clearMeasures(name);
  performance.clearMeasures('page:own');
});

describe("Case Lens's performance entries", () => {
  it('never grow past MOST, and always hold the latest KEPT with their own times, names and details', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: MOST * 2 + 300 }), (names) => {
        for (const name of NAMES) performance.clearMeasures(name);
        const timeline = boundedTimeline(performance);
        let most = 0;
        names.forEach((name, i) => {
          timeline.measure(name, i, i + 0.5, name === 'case-lens:card' ? { index: i } : undefined);
          most = Math.max(most, ours().length);
        });
        expect(most).toBeLessThanOrEqual(MOST - 1);
        const kept = ours().sort((a, b) => a.startTime - b.startTime);
        const expected = names.map((name, i) => ({ name, i })).slice(-KEPT);
        const tail = kept.slice(-expected.length);
        expect(tail.map((e) => [e.name, e.startTime, e.duration])).toEqual(
          expected.map(({ name, i }) => [name, i, 0.5]),
        );
        const lastCard = expected.filter((e) => e.name === 'case-lens:card').at(-1);
        if (lastCard)
          expect(kept.find((e) => e.startTime === lastCard.i && e.name === 'case-lens:card')).toMatchObject({
            detail: { index: lastCard.i },
          });
      }),
      {
        numRuns: 12,
        // Past two trims, and ending between them.
        examples: [[Array.from({ length: MOST * 2 + 300 }, (_, i) => NAMES[i % 3]!)]],
      },
    );
  });

  it("leaves the page's own measures alone", () => {
    performance.measure('page:own', { start: 0, end: 1 });
    const timeline = boundedTimeline(performance);
    for (let i = 0; i < MOST + 10; i++) timeline.measure('case-lens:scan', i, i + 1);
    expect(performance.getEntriesByName('page:own')).toHaveLength(1);
  });
});

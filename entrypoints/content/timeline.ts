/**
 * Case Lens's entries in the page's performance timeline (`case-lens:scan`,
 * `case-lens:compile`, `case-lens:card`: CONTRACT.md). A page that re-renders
 * for hours would otherwise collect them without bound, in memory and in
 * front of its own analytics. The last KEPT stay; once MOST have been
 * recorded, the rest are cleared and the last KEPT recorded again with their
 * own times, so the timeline never holds more than MOST of them.
 */

/** At least this many of the latest entries stay in the timeline. */
export const KEPT = 1_000;
/** Never more than this many. */
export const MOST = 2_000;

type Timeline = Pick<Performance, 'measure' | 'clearMeasures'>;

interface Entry {
  name: string;
  start: number;
  end: number;
  detail?: unknown;
}

export interface CaseLensTimeline {
  measure(name: string, start: number, end: number, detail?: unknown): void;
}

export function boundedTimeline(performance: Timeline): CaseLensTimeline {
  /** The latest KEPT entries, as a ring: `next` is where the oldest is (and the next goes). */
  const latest: Entry[] = [];
  let next = 0;
  let inTimeline = 0;
  const names = new Set<string>();

  const record = ({ name, start, end, detail }: Entry) =>
    performance.measure(name, detail === undefined ? { start, end } : { start, end, detail });

  return {
    measure(name, start, end, detail) {
      const entry = { name, start, end, detail };
      record(entry);
      names.add(name);
      inTimeline += 1;
      if (latest.length < KEPT) latest.push(entry);
      else {
        latest[next] = entry;
        next = (next + 1) % KEPT;
      }
      if (inTimeline < MOST) return;
      for (const each of names) performance.clearMeasures(each);
      const ordered = [...latest.slice(next), ...latest.slice(0, next)];
      for (const each of ordered) record(each);
      inTimeline = ordered.length;
    },
  };
}

/** The one timeline of this frame's Case Lens. */
export const caseLensTimeline: CaseLensTimeline = boundedTimeline(performance);

import { matchesAtWordStart } from './word-search';

/**
 * Places a page may state about the case (where a defendant is believed to be,
 * where a case was filed, where a bank is), with what contains what, so that
 * "Ontario" agrees with a record that says Mississauga and "Pyongyang" does
 * not agree with a record that says only North Korea.
 */

/** [place, the place that contains it, other spellings]. */
const GAZETTEER: [string, string | undefined, string[]][] = [
  ['North Korea', undefined, ['DPRK', 'N. Korea']],
  ['Pyongyang', 'North Korea', []],
  ['South Korea', undefined, []],
  ['Seoul', 'South Korea', []],
  ['China', undefined, []],
  ['Beijing', 'China', []],
  ['Shenyang', 'China', []],
  ['Dalian', 'China', []],
  ['Russia', undefined, []],
  ['Moscow', 'Russia', []],
  ['Vladivostok', 'Russia', []],
  ['Iran', undefined, []],
  ['Japan', undefined, []],
  ['Taiwan', undefined, []],
  ['Vietnam', undefined, []],
  ['Philippines', undefined, []],
  ['Indonesia', undefined, []],
  ['Malaysia', undefined, []],
  ['Singapore', undefined, []],
  ['India', undefined, []],
  ['Pakistan', undefined, []],
  ['Bangladesh', undefined, []],
  ['Malta', undefined, []],
  ['Cyprus', undefined, []],
  ['Mexico', undefined, []],
  ['Poland', undefined, []],
  ['Slovenia', undefined, []],
  ['United Kingdom', undefined, ['U.K.', 'Britain', 'Great Britain']],
  ['London', 'United Kingdom', []],
  ['United States', undefined, ['America']],
  ['California', 'United States', []],
  ['Los Angeles', 'California', []],
  ['Culver City', 'California', []],
  ['New York', 'United States', []],
  ['Washington', 'United States', []],
  ['Boston', 'United States', []],
  ['St. Louis', 'United States', []],
  ['Atlanta', 'United States', []],
  ['Texas', 'United States', []],
  ['Ohio', 'United States', []],
  ['Canada', undefined, []],
  ['Ontario', 'Canada', ['Ont.']],
  ['Mississauga', 'Ontario', []],
  ['Toronto', 'Ontario', []],
  ['British Columbia', 'Canada', []],
  ['Vancouver', 'British Columbia', []],
];

const PARENT = new Map<string, string | undefined>(GAZETTEER.map(([name, parent]) => [name, parent]));
const CANONICAL = new Map<string, string>(
  GAZETTEER.flatMap(([name, , others]) => [[name, name] as const, ...others.map((o) => [o, name] as const)]),
);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Begins a word: see matchesAtWordStart. */
const PLACE = new RegExp(
  `(${[...CANONICAL.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}])`,
  'gu',
);

/** True when `outer` is `inner` or contains it. */
function contains(outer: string, inner: string): boolean {
  for (let p: string | undefined = inner; p !== undefined; p = PARENT.get(p)) if (p === outer) return true;
  return false;
}

export interface StatedPlace {
  start: number;
  end: number;
  place: string;
}

/**
 * The places named in a sentence. "Mississauga, Ont." and "Ontario, Canada"
 * are one place each: a trailing name of a place that contains the first is
 * part of it.
 */
export function findPlaces(sentence: string): StatedPlace[] {
  const found = [...matchesAtWordStart(PLACE, sentence)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    place: CANONICAL.get(m[1]!)!,
  }));
  const out: StatedPlace[] = [];
  for (const p of found) {
    const last = out[out.length - 1];
    if (last && /^,\s*$/.test(sentence.slice(last.end, p.start)) && contains(p.place, last.place)) continue;
    out.push(p);
  }
  return out;
}

/**
 * true: the page names the record's place or one that contains it ("Canada"
 * for Mississauga); false: another place, or a narrower one the record does
 * not give ("Pyongyang" where the record says only North Korea).
 */
export function placeAgrees(stated: string, record: string): boolean {
  return contains(stated, CANONICAL.get(record) ?? record);
}

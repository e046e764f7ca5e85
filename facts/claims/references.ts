import type { Category } from '../constants';
import { matchesAtWordStart } from './word-search';

/**
 * References across sentences: "the men", "the three", "he", "Mr. Park" stand
 * for names the paragraph gives elsewhere. A reference is resolved only when
 * the paragraph's names leave one reading: "he" in a paragraph that names one
 * person, "the men" in one that names two or more of a case's defendants and
 * no other person, "the three" or "the trio" when it names any of them.
 */

export interface NamedInRun {
  entityId: string;
  category: Category;
  /** The entity's full name, for short forms ("Park", "Mr. Park"). */
  name?: string;
}

export interface CaseGroup {
  /** The entity that stands for the group (the indictment). */
  id: string;
  category: Category;
  /** The people it charges. */
  members: Set<string>;
}

export interface Reference {
  start: number;
  end: number;
  entityId: string;
  category: Category;
}

const COUNTED = String.raw`(?:the\s+)?(?:three|trio)(?:\s+(?:alleged|accused|indicted|north\s+korean|computer|military|state-sponsored))*(?:\s+(?:men|hackers|programmers|defendants|north\s+koreans|koreans|suspects|officers|operatives|spies|agents|conspirators))?`;
const PLURAL = String.raw`(?:the\s+)(?:alleged\s+|accused\s+|indicted\s+|north\s+korean\s+)*(?:men|hackers|programmers|defendants|accused|north\s+koreans|suspects|conspirators)|they|them|their`;
const SINGULAR = String.raw`he|him|his|the\s+(?:\d{1,2}-year-old\s+)?(?:man|defendant|canadian|programmer|launderer|hacker)`;
const GROUP = String.raw`the\s+group`;
/** Begins a word: see matchesAtWordStart. */
const REFERENCE = new RegExp(String.raw`(?:(${COUNTED})|(${PLURAL})|(${SINGULAR})|(${GROUP}))(?![\p{L}])`, 'giu');

/**
 * Prepares, once per paragraph, the reading of its references: given the
 * entities the whole paragraph names and the case groups of the record, it
 * returns what finds the references of one sentence (offsets in the sentence).
 */
export function referenceReader(named: NamedInRun[], groups: CaseGroup[]): (sentence: string) => Reference[] {
  const people = [...new Set(named.filter((n) => n.category === 'person').map((n) => n.entityId))];
  const groupFor = (all: boolean): CaseGroup | undefined => {
    const fits = groups.filter((g) => {
      const members = people.filter((p) => g.members.has(p));
      return all ? members.length >= 2 && members.length === people.length : members.length >= 1;
    });
    return fits.length === 1 ? fits[0] : undefined;
  };
  const counted = groupFor(false);
  const plural = groupFor(true);
  const person = people.length === 1 ? named.find((n) => n.entityId === people[0]) : undefined;
  const groupsNamed = [...new Set(named.filter((n) => n.category === 'group').map((n) => n.entityId))];
  const targets: ({ id: string; category: Category } | undefined)[] = [
    counted && { id: counted.id, category: counted.category },
    plural && { id: plural.id, category: plural.category },
    person && { id: person.entityId, category: person.category },
    groupsNamed.length === 1 ? { id: groupsNamed[0]!, category: 'group' } : undefined,
  ];
  // Short forms of the people named: "Park", "Mr. Park", "Hyok", when no other person shares the word.
  const words = new Map<string, string[]>();
  for (const id of people) {
    const name = named.find((n) => n.entityId === id && n.name)?.name;
    if (!name) continue;
    const parts = name.split(/\s+/);
    for (const word of new Set([parts[0]!, parts[parts.length - 1]!])) {
      if (word.length < 3) continue;
      words.set(word, [...(words.get(word) ?? []), id]);
    }
  }
  const short = [...words].filter(([, ids]) => ids.length === 1);
  const shortForm =
    short.length > 0 ? new RegExp(String.raw`(${short.map(([w]) => w).join('|')})(?![\p{L}'’-])`, 'gu') : undefined;
  const shortIds = new Map(short.map(([w, ids]) => [w, ids[0]!]));
  if (!targets.some(Boolean) && !shortForm) return () => [];
  return (sentence) => {
    const out: Reference[] = [];
    for (const m of matchesAtWordStart(REFERENCE, sentence)) {
      const target = targets[m[1] ? 0 : m[2] ? 1 : m[3] ? 2 : 3];
      if (target)
        out.push({ start: m.index, end: m.index + m[0].length, entityId: target.id, category: target.category });
    }
    if (shortForm) {
      for (const m of matchesAtWordStart(shortForm, sentence)) {
        out.push({ start: m.index, end: m.index + m[0].length, entityId: shortIds.get(m[1]!)!, category: 'person' });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  };
}

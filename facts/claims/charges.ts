/**
 * Charges as a page states them ("charged with conspiracy to commit wire fraud
 * and bank fraud") and as the record holds them (one claim per count, in the
 * words of the indictment or complaint). Both are reduced to the offences
 * they name, so that "wire and bank fraud" reads as the record's "wire fraud
 * and bank fraud" and "computer-related fraud" as "computer fraud and abuse".
 */

export type Offence = 'computer-fraud' | 'wire-fraud' | 'bank-fraud' | 'money-laundering';

/** What a stated charge list names: offences of the record's vocabulary, and words for others. */
export interface ChargeReading {
  offences: Offence[];
  /** Items that name an offence outside that vocabulary ("internet fraud", "espionage"). */
  others: string[];
  /** Items too vague to judge ("fraud", "criminal conspiracy"). */
  vague: string[];
}

const KNOWN: [RegExp, Offence][] = [
  [/^computer(?:[- ]related)? (?:fraud(?: and abuse)?|intrusions?)$/, 'computer-fraud'],
  [/^wire fraud$/, 'wire-fraud'],
  [/^bank fraud$/, 'bank-fraud'],
  [/^(?:money laundering|launder(?:ing)? money|laundering)$/, 'money-laundering'],
];

/** Words that make an item the name of an offence (so a name outside the record is a wrong charge). */
const OFFENCE_WORD =
  /\b(?:fraud|theft|laundering|misappropriation|embezzlement|espionage|extortion|racketeering|terrorism|acts|bribery|smuggling|intrusion)\b/;

function cleanItem(item: string): string {
  return item
    .toLowerCase()
    .replace(/^(?:and|or)\s+/, '')
    .replace(/^(?:(?:one|two|three|a|the|single)\s+)*(?:counts?|charges?)\s+of\s+/, '')
    .replace(/^(?:criminal\s+)?(?:conspirac(?:y|ies)|conspiring|conspired)\s+to\s+(?:commit\s+)?/, '')
    .replace(/^to\s+commit\s+/, '')
    .replace(/\s+(?:charges?|counts?)$/, '')
    .trim();
}

/** Reads a stated list of charges. */
export function readCharges(list: string): ChargeReading {
  const items = list
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/)
    .map(cleanItem)
    .filter((i) => i.length > 0 && i !== 'abuse');
  // "computer and wire fraud", "wire and bank fraud": a bare modifier takes the noun of the next item.
  for (let i = items.length - 2; i >= 0; i -= 1) {
    if (/^(?:computer|wire|bank)$/.test(items[i]!) && / fraud$/.test(items[i + 1]!)) items[i] = `${items[i]} fraud`;
  }
  const reading: ChargeReading = { offences: [], others: [], vague: [] };
  for (const item of items) {
    const known = KNOWN.find(([pattern]) => pattern.test(item));
    if (known) reading.offences.push(known[1]);
    // "hacking Sony", "stealing money": conduct, not the name of a charge.
    else if (/^(?:fraud|conspiracy|criminal conspiracy|crimes?)$/.test(item) || /^\p{L}+ing\s+\p{L}/u.test(item))
      reading.vague.push(item);
    else if (!OFFENCE_WORD.test(item)) reading.vague.push(item);
    else reading.others.push(item);
  }
  return reading;
}

/** Verbs and nouns after which a page lists charges. */
const CHARGE_OPENER =
  /\b(?:charged\s+with|charges?\s+(?:of|that\s+include|including)|(?:guilty\s+)?plea\s+(?:on|to)\s+(?:a|the)\s+charge\s+of|(?:the\s+)?charge\s+of|accused\s+of|indicted\s+(?:on|for)|pleaded\s+guilty\s+(?:to|on)|pleads?\s+guilty\s+(?:to|on)|counts?\s+(?:of|alleging)|convicted\s+of)\s+/gi;

/** Where a list of charges ends: a relative clause, a preposition that starts the circumstances, a dash. */
const LIST_END =
  /,?\s+(?:which|that|who|for|in|on|over|after|by|under|while|according|as|because|from|with)\b|\s+[-–—]\s|[;:(.]/i;

export interface StatedCharges {
  start: number;
  end: number;
  reading: ChargeReading;
}

/** The lists of charges a sentence states. */
export function findCharges(sentence: string): StatedCharges[] {
  const out: StatedCharges[] = [];
  for (const m of sentence.matchAll(CHARGE_OPENER)) {
    let start = m.index + m[0].length;
    // "one count of", "a charge of" right after the opener belong to it.
    const lead = /^(?:(?:one|two|a|the|single)\s+)*(?:counts?|charges?)\s+(?:of|alleging)\s+/i.exec(
      sentence.slice(start),
    );
    if (lead) start += lead[0].length;
    if (out.some((c) => start < c.end)) continue;
    const rest = sentence.slice(start);
    const stop = LIST_END.exec(rest);
    let list = stop ? rest.slice(0, stop.index) : rest;
    list = list.replace(/[\s,.]+$/, '').replace(/\s+(?:charges?|counts?)$/i, '');
    // "accused of hacking Sony" states conduct; only "accused of conspiracy to ..." names a charge.
    if (/^accused/i.test(m[0]) && !/^conspir/i.test(list)) continue;
    if (list.length === 0) continue;
    const reading = readCharges(list);
    if (reading.offences.length === 0 && reading.others.length === 0) continue;
    out.push({ start, end: start + list.length, reading });
  }
  return out;
}

/**
 * true: every item names an offence the record charges; false: an item names an
 * offence the record does not; undefined: nothing to judge (vague items only).
 */
export function chargesAgree(reading: ChargeReading, record: Set<Offence>): boolean | undefined {
  if (reading.others.length > 0) return false;
  if (reading.offences.some((o) => !record.has(o))) return false;
  if (reading.vague.length > 0 || reading.offences.length === 0) return undefined;
  return true;
}

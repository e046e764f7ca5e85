/**
 * The store's closed vocabularies, free of the schema library so that the
 * content script can use them without bundling the validator.
 */

export const CATEGORIES = [
  'person',
  'group',
  'organization',
  'malware',
  'incident',
  'legal',
  'place',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * How sure the record is about a fact. Chosen per fact, by the strongest thing
 * its sources support (see facts/README.md):
 * - established: a matter of public record nobody disputes (a birth, an office, a date of release).
 * - charged: stated in a complaint or indictment; not proven in court.
 * - pleaded-guilty / sentenced: a court record of a plea or a sentence.
 * - sanctioned: a government designation (OFAC, UN).
 * - attributed: a government or security vendor names who did it.
 * - alleged: an accusation by officials or others, not (yet) a charge.
 * - reported: what the press reported, not confirmed by an official record.
 * - unverified: carried for completeness; shown as such, never as fact.
 */
export const STATUSES = [
  'established',
  'charged',
  'pleaded-guilty',
  'sentenced',
  'sanctioned',
  'attributed',
  'alleged',
  'reported',
  'unverified',
] as const;
export type Status = (typeof STATUSES)[number];

export const RELATION_TYPES = [
  'member-of',
  'part-of',
  'sub-group-of',
  'controlled-by',
  'persona-of',
  'employed-by',
  'official-of',
  'attributed-to',
  'charged-in',
  'defendant-in',
  'victim-of',
  'motive-for',
  'used-in',
  'uses',
  'investigated-by',
  'sanctioned-by',
  'prosecuted-by',
  'laundered-proceeds-of',
  'located-in',
  'related-to',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const CLAIM_KINDS = ['year', 'amount', 'title', 'sentence-months', 'charge', 'place', 'age', 'count'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

import type { CheckedClaim } from '../schema';

/**
 * How a verdict reads, built in one place for the card, the popup's list of
 * checks and any other view: "This page says X — the record says Y (about)".
 */

// Made on first use: building an Intl formatter loads locale data, several milliseconds that a frame
// would otherwise spend while its content script is evaluated, before it has anything to say.
let money: Intl.NumberFormat | undefined;

/** Builds the number format now (the card does, hidden, while the first hover-intent delay runs). */
export function prepareMoneyFormat(): Intl.NumberFormat {
  money ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
  return money;
}

function formatAmount(value: number, currency?: string): string {
  const money = prepareMoneyFormat();
  const symbol = currency === 'EUR' ? '€' : currency === 'GBP' ? '£' : currency === 'CAD' ? 'C$' : '$';
  if (value >= 1e9) return `${symbol}${money.format(value / 1e9)} billion`;
  if (value >= 1e6) return `${symbol}${money.format(value / 1e6)} million`;
  return `${symbol}${money.format(value)}`;
}

const QUALIFIER: Record<NonNullable<CheckedClaim['qualifier']>, string> = {
  exact: '',
  about: 'about ',
  'more-than': 'more than ',
  'at-least': 'at least ',
};

/** The record's value as a reader should see it: "more than $1.3 billion", "140 months". */
export function describeClaim(claim: CheckedClaim): string {
  const qualifier = claim.qualifier ? QUALIFIER[claim.qualifier] : '';
  switch (claim.kind) {
    case 'amount':
      return typeof claim.value === 'number'
        ? qualifier + formatAmount(claim.value, claim.currency)
        : String(claim.value);
    case 'sentence-months':
      return typeof claim.value === 'number'
        ? `${claim.value} months (${Math.floor(claim.value / 12)} years${claim.value % 12 ? ` ${claim.value % 12} months` : ''})`
        : String(claim.value);
    case 'place':
      // An open list of places ("including China and Russia"): each is one of them, not a minimum.
      return String(claim.value);
    default:
      return qualifier + String(claim.value);
  }
}

export interface VerdictWording {
  /** "This page says" */
  lead: string;
  /** The page's words. */
  stated: string;
  /** " — the record says " or ", which agrees with the record: " */
  link: string;
  /** What the record says: one value, or the counts of a charge sheet joined. */
  record: string;
  /** What the value is about, e.g. "year of the WannaCry outbreak". */
  about: string;
  /** The whole sentence, for plain-text views and accessible names. */
  text: string;
}

/** What the record says, for one value or for several compared together (the counts of a charge sheet). */
export function describeRecord(claims: readonly CheckedClaim[]): string {
  return [...new Set(claims.map(describeClaim))].join('; ');
}

/** What the values are about: the claim's own words, or "the counts charged" for a charge sheet. */
export function describeAbout(claims: readonly CheckedClaim[]): string {
  const first = claims[0];
  if (!first) throw new Error('a verdict needs at least one record value');
  return claims.length > 1 && first.kind === 'charge' ? 'the counts charged' : first.about;
}

/** The wording of a verdict from what the record says, already described. */
export function wordVerdict(
  stated: string,
  verdict: 'contradicted' | 'confirmed',
  record: string,
  about: string,
): VerdictWording {
  const lead = 'This page says';
  const link = verdict === 'contradicted' ? ' — the record says ' : ', which agrees with the record: ';
  return { lead, stated, link, record, about, text: `${lead} “${stated}”${link}${record} (${about}).` };
}

/**
 * The wording of one verdict. `claims` are the record values the page was
 * compared with (several for charges: one per count).
 */
export function describeVerdict(
  stated: string,
  verdict: 'contradicted' | 'confirmed',
  claims: readonly CheckedClaim[],
): VerdictWording {
  return wordVerdict(stated, verdict, describeRecord(claims), describeAbout(claims));
}

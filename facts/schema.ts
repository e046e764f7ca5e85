import { z } from 'zod';
import { CATEGORIES, CLAIM_KINDS, RELATION_TYPES, STATUSES } from './constants';

export * from './constants';

/**
 * The fact store's record format. Every file in `facts/entities/` is one
 * `EntityRecord`; tests parse each file with this schema and fail naming the
 * file and the path of the broken field.
 */

const DATE_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar day. */
export function isIsoDate(value: string): boolean {
  const m = DATE_SHAPE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return year >= 1000;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'date must be YYYY, YYYY-MM or YYYY-MM-DD and a real day' });

export const sourceSchema = z.strictObject({
  title: z.string().min(3),
  url: z.string().regex(/^https?:\/\/[^\s]+$/, { message: 'url must be an absolute http(s) URL' }),
});
export type Source = z.infer<typeof sourceSchema>;

export const factSchema = z.strictObject({
  date: isoDateSchema.optional(),
  text: z.string().min(10),
  status: z.enum(STATUSES),
  sources: z.array(sourceSchema).min(1, { message: 'every fact needs at least one source' }),
});
export type Fact = z.infer<typeof factSchema>;

/**
 * One spelling under which the entity appears in text.
 * - caseSensitive: acronyms (RGB, GOP, DOJ) match only in exactly this case.
 * - needsContext: words with other common meanings (Lazarus, Sony, SWIFT, RGB)
 *   are highlighted only on pages that also name the case unambiguously.
 * - correction: the form is wrong (a typo or garble seen in reporting); it is
 *   matched so the card can say what the right form is.
 * - capitalized: a proper name of one word ("Turla", "ZLib"), matched in any
 *   case but not written all in small letters, which is how code, handles and
 *   file names are written ("zlib").
 */
export const aliasSchema = z.strictObject({
  text: z.string().min(2),
  caseSensitive: z.literal(true).optional(),
  capitalized: z.literal(true).optional(),
  needsContext: z.literal(true).optional(),
  correction: z.string().min(10).optional(),
});
export type Alias = z.infer<typeof aliasSchema>;

export const relationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
});
export type Relation = z.infer<typeof relationSchema>;

/**
 * A value an article may state about the entity, for the claim check.
 * `cues` are words that must appear in the same sentence for a stated value to
 * be taken as a statement of this claim (a year near "Sony" is only about the
 * hack when the sentence speaks of a hack or an attack).
 */
export const claimSchema = z.strictObject({
  kind: z.enum(CLAIM_KINDS),
  about: z.string().min(3),
  value: z.union([z.number(), z.string().min(1)]),
  qualifier: z.enum(['exact', 'about', 'more-than', 'at-least']).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  cues: z.array(z.string().min(2)).optional(),
  /**
   * "case": the claim also judges sentences that name no entity, on pages about
   * the case, when a `context` word is present too ("the three were charged
   * with trying to steal $1.4 billion").
   */
  scope: z.literal('case').optional(),
  context: z.array(z.string().min(2)).optional(),
  sources: z.array(sourceSchema).min(1),
});
export type Claim = z.infer<typeof claimSchema>;
/** What the claim check reads of a claim: all but its sources, which only the card shows (from the background). */
export type CheckedClaim = Omit<Claim, 'sources'>;

/**
 * Where public catalogues list the entity: MITRE ATT&CK external ids (G0032,
 * S0366, C0022) and MISP galaxy cluster UUIDs. The alias check compares the
 * store's spellings with what these entries list (tests/unit/catalogue-aliases.test.ts).
 */
export const catalogueIdsSchema = z.strictObject({
  attack: z
    .array(z.string().regex(/^[CGS]\d{4}$/, { message: 'ATT&CK id like G0032, S0366 or C0022' }))
    .min(1)
    .optional(),
  misp: z
    .array(
      z
        .string()
        .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'MISP cluster UUID' }),
    )
    .min(1)
    .optional(),
});
export type CatalogueIds = z.infer<typeof catalogueIdsSchema>;

export const entitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'id must be kebab-case' }),
  name: z.string().min(2),
  category: z.enum(CATEGORIES),
  kind: z.string().min(3).optional(),
  summary: z.string().min(20),
  aliases: z.array(aliasSchema),
  catalogueIds: catalogueIdsSchema.optional(),
  facts: z.array(factSchema).min(1),
  relations: z.array(relationSchema),
  claims: z.array(claimSchema),
});
export type EntityRecord = z.infer<typeof entitySchema>;

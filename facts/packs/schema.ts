import { z } from 'zod';
import { aliasSchema, type EntityRecord, entitySchema, sourceSchema } from '../schema';
import { entityHeader } from '../entity-header';

/**
 * A fact pack: one catalogue of entities with its provenance. The bundled case
 * is one (facts/case-pack.json plus facts/entities/); `facts:import` makes
 * others from STIX bundles and MISP galaxies. Entities have the shape that
 * `facts:export` prints: `aliases` as plain strings (for outside tools) and
 * `aliasRules` with the matcher's flags.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An identifier a public catalogue gives the entity: an ATT&CK id (G0032,
 * S0366), a STIX id (intrusion-set--…), a MISP cluster uuid. Two entities in
 * different packs with one such id in common are the same thing.
 */
export const catalogueIdSchema = z.string().regex(/^[A-Za-z0-9][\w.:-]*$/, {
  message: 'catalogue id must be a word of letters, digits, ".", ":", "_" or "-"',
});

export const packEntitySchema = entitySchema.omit({ aliases: true }).extend({
  aliases: z.array(z.string().min(2)),
  aliasRules: z.array(aliasSchema),
  catalogueIds: z.array(catalogueIdSchema).optional(),
});
export type PackEntity = z.infer<typeof packEntitySchema>;

export const packManifestSchema = z.strictObject({
  id: z.string().regex(KEBAB, { message: 'pack id must be kebab-case' }),
  title: z.string().min(3),
  version: z.string().min(1),
  licence: z.string().min(3),
  sources: z.array(sourceSchema).min(1, { message: 'a pack names at least one source' }),
});
export type PackManifest = z.infer<typeof packManifestSchema>;

export const packSchema = packManifestSchema
  .extend({ entities: z.array(packEntitySchema) })
  .superRefine((pack, ctx) => {
    pack.entities.forEach((entity, index) => {
      const texts = entity.aliasRules.map((a) => a.text);
      if (texts.length !== entity.aliases.length || texts.some((t, i) => t !== entity.aliases[i])) {
        ctx.addIssue({
          code: 'custom',
          path: ['entities', index, 'aliasRules'],
          message: `aliasRules of "${entity.id}" must list the same spellings, in the same order, as aliases`,
        });
      }
    });
  });
export type Pack = z.infer<typeof packSchema>;

/** The bundled case's manifest: a pack's fields without its entities (they are facts/entities/*.json). */
export const caseManifestSchema = packManifestSchema;
export type CaseManifest = z.infer<typeof caseManifestSchema>;

/** An entity of the store in the exported shape; its catalogue ids (ATT&CK, then MISP) as one list. */
export function toPackEntity(entity: EntityRecord): PackEntity {
  const catalogueIds = [...(entity.catalogueIds?.attack ?? []), ...(entity.catalogueIds?.misp ?? [])];
  return {
    id: entity.id,
    name: entity.name,
    category: entity.category,
    ...(entity.kind ? { kind: entity.kind } : {}),
    aliases: entity.aliases.map((a) => a.text),
    aliasRules: entity.aliases,
    summary: entity.summary,
    facts: entity.facts,
    relations: entity.relations,
    claims: entity.claims,
    ...(catalogueIds.length > 0 ? { catalogueIds } : {}),
  };
}

/** A pack entity as the store's record (what the matcher, search and cards read). */
export function toEntityRecord(entity: PackEntity): EntityRecord {
  return {
    ...entityHeader(entity),
    aliases: entity.aliasRules,
    facts: entity.facts,
    relations: entity.relations,
    claims: entity.claims,
  };
}

/** The bundled case as a pack: its manifest and the entity files, unchanged. */
export function casePack(manifest: CaseManifest, entities: EntityRecord[]): Pack {
  return { ...manifest, entities: entities.map(toPackEntity) };
}

/** A problem with a pack, named so a reader can find it. */
export class PackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackError';
  }
}

/** Parses a pack's JSON value; the error names the pack and every broken field. */
export function parsePack(label: string, raw: unknown): Pack {
  const result = packSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 20)
    .map((issue) => `  ${issue.path.join('.') || '(pack)'}: ${issue.message}`)
    .join('\n');
  const more = result.error.issues.length > 20 ? `\n  … and ${result.error.issues.length - 20} more` : '';
  throw new PackError(`${label}: invalid pack\n${problems}${more}`);
}

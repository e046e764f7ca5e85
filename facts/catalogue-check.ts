import { aliasKey } from './alias-key';
import type { EntityRecord } from './schema';
import { REJECTION_REASONS, type CatalogueRejection, type RejectionReason } from './catalogue-rejections';

/**
 * Compares the store's spellings with what public catalogues (MITRE ATT&CK,
 * the MISP galaxy) list for the same entities. Pure: the caller reads the
 * catalogue files and passes their parsed JSON.
 */

export type CatalogueName = 'attack' | 'misp';

/** One name a catalogue gives an entity, with the entry it comes from. */
export interface CatalogueAlias {
  catalogue: CatalogueName;
  /** ATT&CK external id or MISP UUID. */
  entry: string;
  text: string;
}

interface StixObject {
  type?: string;
  name?: string;
  aliases?: string[];
  x_mitre_aliases?: string[];
  revoked?: boolean;
  x_mitre_deprecated?: boolean;
  external_references?: { source_name?: string; external_id?: string }[];
}

interface MispCluster {
  values?: { value: string; uuid: string; meta?: { synonyms?: string[] } }[];
}

/** Every name ATT&CK gives each external id (G0032, S0366, C0022): the object's name and its aliases. */
export function attackNames(bundle: { objects?: StixObject[] }): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const o of bundle.objects ?? []) {
    if (!o.name || o.revoked || o.x_mitre_deprecated) continue;
    const id = o.external_references?.find((r) => r.source_name === 'mitre-attack')?.external_id;
    if (!id) continue;
    names.set(id, [o.name, ...(o.aliases ?? []), ...(o.x_mitre_aliases ?? [])]);
  }
  return names;
}

/** Every name the MISP clusters give each UUID: the value and its synonyms. */
export function mispNames(clusters: MispCluster[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const cluster of clusters) {
    for (const v of cluster.values ?? []) names.set(v.uuid, [v.value, ...(v.meta?.synonyms ?? [])]);
  }
  return names;
}

export interface AliasCheck {
  /** Catalogue names the entity itself carries. */
  listed: CatalogueAlias[];
  /** Catalogue names the store carries on another entity (the catalogues disagree on where a name belongs). */
  elsewhere: (CatalogueAlias & { owner: string })[];
  /** Catalogue names the store leaves out on purpose, by reason. */
  rejected: Map<RejectionReason, CatalogueAlias[]>;
  /** Catalogue names neither carried nor rejected: the check fails on these. */
  unexplained: (CatalogueAlias & { entity: string })[];
  /** Ids an entity claims that the catalogue does not have. */
  unknownIds: { entity: string; catalogue: CatalogueName; id: string }[];
  /** Rejections no catalogue name needs any more. */
  stale: CatalogueRejection[];
}

const fold = (text: string) => aliasKey(text, false);

export function checkCatalogueAliases(
  entities: EntityRecord[],
  catalogues: Record<CatalogueName, Map<string, string[]>>,
  rejections: readonly CatalogueRejection[],
): AliasCheck {
  const owners = new Map<string, string>();
  for (const e of entities) for (const a of e.aliases) owners.set(fold(a.text), e.id);
  const rejectionOf = new Map(rejections.map((r) => [`${r.entity}\u0000${fold(r.alias)}`, r]));
  const used = new Set<CatalogueRejection>();
  const result: AliasCheck = {
    listed: [],
    elsewhere: [],
    rejected: new Map(REJECTION_REASONS.map((r) => [r, []])),
    unexplained: [],
    unknownIds: [],
    stale: [],
  };
  for (const e of entities) {
    for (const catalogue of ['attack', 'misp'] as const) {
      for (const id of e.catalogueIds?.[catalogue] ?? []) {
        const names = catalogues[catalogue].get(id);
        if (!names) {
          result.unknownIds.push({ entity: e.id, catalogue, id });
          continue;
        }
        const seen = new Set<string>();
        for (const text of names) {
          const key = fold(text);
          if (seen.has(key)) continue;
          seen.add(key);
          const alias = { catalogue, entry: id, text };
          const owner = owners.get(key);
          const rejection = rejectionOf.get(`${e.id}\u0000${key}`);
          if (owner === e.id) result.listed.push(alias);
          else if (owner) result.elsewhere.push({ ...alias, owner });
          else if (rejection) {
            used.add(rejection);
            result.rejected.get(rejection.reason)!.push(alias);
          } else result.unexplained.push({ ...alias, entity: e.id });
        }
      }
    }
  }
  result.stale = rejections.filter((r) => !used.has(r));
  return result;
}

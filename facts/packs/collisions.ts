import { aliasKey } from '../alias-key';
import type { Pack } from './schema';

/**
 * Names that collide across packs. Two entities that carry one catalogue id
 * (the case's Lazarus Group and ATT&CK's G0032) are one thing and form a merge
 * group; a spelling that two entities outside one merge group both claim is a
 * conflict, reported with every claimant, never given to one of them.
 */

export interface EntityRef {
  pack: string;
  id: string;
  name: string;
}

export interface MergeGroup {
  /** The catalogue ids that tie the members together. */
  catalogueIds: string[];
  members: EntityRef[];
}

export interface AliasConflict {
  /** The spelling as the matcher folds it. */
  key: string;
  /** The spelling as each claimant writes it. */
  claims: (EntityRef & { text: string })[];
}

export interface Collisions {
  mergeGroups: MergeGroup[];
  aliasConflicts: AliasConflict[];
  /** Entity ids given by more than one pack. */
  duplicateIds: { id: string; packs: string[] }[];
}

const refKey = (r: EntityRef): string => `${r.pack}\u0000${r.id}`;

/** Union-find over entities joined by a shared catalogue id, within and across packs. */
function groupsByCatalogueId(packs: Pack[]): { groups: MergeGroup[]; groupOf: Map<string, number> } {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  const refs = new Map<string, EntityRef>();
  const holders = new Map<string, string[]>();
  for (const pack of packs) {
    for (const e of pack.entities) {
      const ref = { pack: pack.id, id: e.id, name: e.name };
      const k = refKey(ref);
      refs.set(k, ref);
      parent.set(k, k);
      for (const cid of e.catalogueIds ?? []) holders.set(cid, [...(holders.get(cid) ?? []), k]);
    }
  }
  for (const keys of holders.values()) for (const k of keys.slice(1)) parent.set(find(k), find(keys[0]!));

  const members = new Map<string, string[]>();
  for (const k of refs.keys()) members.set(find(k), [...(members.get(find(k)) ?? []), k]);
  const groups: MergeGroup[] = [];
  const groupOf = new Map<string, number>();
  for (const keys of members.values()) {
    const packsIn = new Set(keys.map((k) => refs.get(k)!.pack));
    if (packsIn.size < 2) continue;
    const ids = [...holders].filter(([, ks]) => ks.some((k) => keys.includes(k)) && ks.length > 1).map(([cid]) => cid);
    for (const k of keys) groupOf.set(k, groups.length);
    groups.push({ catalogueIds: ids.sort(), members: keys.map((k) => refs.get(k)!) });
  }
  return { groups, groupOf };
}

/** Merge groups, alias conflicts and duplicate ids among the given packs. */
export function findCollisions(packs: Pack[]): Collisions {
  const { groups, groupOf } = groupsByCatalogueId(packs);

  const claims = new Map<string, AliasConflict['claims']>();
  const idPacks = new Map<string, string[]>();
  for (const pack of packs) {
    for (const e of pack.entities) {
      idPacks.set(e.id, [...(idPacks.get(e.id) ?? []), pack.id]);
      for (const alias of e.aliasRules) {
        const key = aliasKey(alias.text, false);
        const list = claims.get(key) ?? [];
        list.push({ pack: pack.id, id: e.id, name: e.name, text: alias.text });
        claims.set(key, list);
      }
    }
  }
  const aliasConflicts: AliasConflict[] = [];
  for (const [key, list] of claims) {
    // Claimants that are one thing (one merge group, or one entity) do not conflict.
    const owners = new Set(list.map((c) => groupOf.get(refKey(c)) ?? refKey(c)));
    if (owners.size > 1) aliasConflicts.push({ key, claims: list });
  }
  aliasConflicts.sort((a, b) => a.key.localeCompare(b.key));
  const duplicateIds = [...idPacks]
    .filter(([, ps]) => ps.length > 1)
    .map(([id, ps]) => ({ id, packs: ps }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { mergeGroups: groups, aliasConflicts, duplicateIds };
}

import { aliasKey } from '../alias-key';
import type { EntityRecord } from '../schema';
import { buildEntityView, type EntityView, type FactView } from '../view';
import { findCollisions } from './collisions';
import { CASE_PACK_ID } from './case-id';
import { type Pack, toEntityRecord } from './schema';

/**
 * What the card is told of an entity when packs are loaded: its record, the
 * pack it comes from, and the other entities a reader could mean.
 * - Entities that carry one catalogue id (the case's Lazarus Group and
 *   ATT&CK's G0032) are one thing: the card shows the others' facts too.
 * - A spelling that entities of different things claim (MISP's "Hidden
 *   Cobra" and ATT&CK's) is highlighted as the first claimant the page can
 *   show (facts/annotator.ts), and the card lists the other claimants, so the
 *   reader can tell them apart and open them.
 */
export interface OtherEntity {
  id: string;
  name: string;
  summary: string;
  pack: PackLabel;
  /** `same`: one thing by a shared catalogue id; `same-name`: another thing with the spelling the page used. */
  reason: 'same' | 'same-name';
  /** The catalogue ids the two share (for `same`). */
  catalogueIds: string[];
  /** The other's facts, newest first (for `same`; empty for `same-name`). */
  facts: FactView[];
}

export interface PackLabel {
  id: string;
  title: string;
}

export interface PackedEntityView extends EntityView {
  /** The pack the entity comes from; absent for the bundled case. */
  pack?: PackLabel;
  others?: OtherEntity[];
}

export interface CardRequest {
  id: string;
  aliasIndex?: number;
  claimIndex?: number;
  claimIndexes?: number[];
}

interface Located {
  pack: PackLabel;
  records: EntityRecord[];
  record: EntityRecord;
}

/**
 * The card's catalogue over the case (its records as bundled, and its
 * manifest as a pack for the catalogue ids) and the packs that are on.
 */
export function createCardCatalogue(caseRecords: EntityRecord[], casePack: Pack, packs: Pack[]) {
  const located = new Map<string, Located>();
  const caseLabel = { id: CASE_PACK_ID, title: casePack.title };
  for (const record of caseRecords) located.set(record.id, { pack: caseLabel, records: caseRecords, record });
  for (const pack of packs) {
    const records = pack.entities.map(toEntityRecord);
    const label = { id: pack.id, title: pack.title };
    for (const record of records) if (!located.has(record.id)) located.set(record.id, { pack: label, records, record });
  }
  const { mergeGroups } = findCollisions([casePack, ...packs]);
  const groupOf = new Map<string, (typeof mergeGroups)[number]>();
  for (const group of mergeGroups) for (const m of group.members) groupOf.set(m.id, group);
  // Every spelling, folded as the matcher folds it, with the entities that claim it.
  const claimants = new Map<string, string[]>();
  for (const { record } of located.values()) {
    for (const alias of record.aliases) {
      const key = aliasKey(alias.text, false);
      const list = claimants.get(key);
      if (!list) claimants.set(key, [record.id]);
      else if (!list.includes(record.id)) list.push(record.id);
    }
  }

  function other(id: string, reason: OtherEntity['reason'], catalogueIds: string[]): OtherEntity | null {
    const found = located.get(id);
    if (!found) return null;
    const view = reason === 'same' ? buildEntityView(found.records, id) : null;
    return {
      id,
      name: found.record.name,
      summary: found.record.summary,
      pack: found.pack,
      reason,
      catalogueIds,
      facts: view?.facts ?? [],
    };
  }

  return {
    view(request: CardRequest): PackedEntityView | null {
      const found = located.get(request.id);
      if (!found) return null;
      const view = buildEntityView(
        found.records,
        request.id,
        request.aliasIndex,
        request.claimIndex,
        request.claimIndexes,
      );
      if (!view) return null;
      const others: OtherEntity[] = [];
      const group = groupOf.get(request.id);
      for (const m of group?.members ?? []) {
        if (m.id === request.id) continue;
        const o = other(m.id, 'same', group!.catalogueIds);
        if (o) others.push(o);
      }
      const alias = request.aliasIndex === undefined ? undefined : found.record.aliases[request.aliasIndex];
      if (alias) {
        for (const id of claimants.get(aliasKey(alias.text, false)) ?? []) {
          if (id === request.id || others.some((o) => o.id === id)) continue;
          const o = other(id, 'same-name', []);
          if (o) others.push(o);
        }
      }
      return {
        ...view,
        ...(found.pack.id !== CASE_PACK_ID ? { pack: found.pack } : {}),
        ...(others.length > 0 ? { others } : {}),
      };
    },
  };
}

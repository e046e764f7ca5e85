import { describeAbout, describeRecord } from './claims';
import type { Category, ClaimKind, EntityRecord, Fact, RelationType, Source } from './schema';
import { type SourceKind, sourceKind } from './source-kinds';
import { entityHeader } from './entity-header';

/** A relation as the card shows it: resolved to the other entity's name. */
export interface RelationView {
  type: RelationType;
  /** "outgoing": this entity → other; "incoming": other → this entity. */
  direction: 'outgoing' | 'incoming';
  label: string;
  targetId: string;
  targetName: string;
  targetCategory: Category;
}

/** A source as the card shows it: with the kind of site it is on (facts/source-kinds.ts). */
export interface SourceView extends Source {
  kind: SourceKind;
}

export interface FactView extends Omit<Fact, 'sources'> {
  sources: SourceView[];
}

export interface EntityView {
  id: string;
  name: string;
  category: Category;
  kind?: string;
  summary: string;
  aliases: string[];
  facts: FactView[];
  relations: RelationView[];
  /** Set when the page used a known wrong spelling. */
  correction?: { wrongForm: string; text: string };
  /** Set when the card opens on a value the page states: what the record says, and who says so. */
  claim?: { kind: ClaimKind; about: string; record: string; sources: SourceView[] };
}

const OUTGOING_LABELS: Record<RelationType, string> = {
  'member-of': 'Member of',
  'part-of': 'Part of',
  'sub-group-of': 'Sub-group of',
  'controlled-by': 'Controlled by',
  'persona-of': 'Front name of',
  'employed-by': 'Worked for',
  'official-of': 'Official of',
  'attributed-to': 'Attributed to',
  'charged-in': 'Charged in',
  'defendant-in': 'Defendant in',
  'victim-of': 'Victim of',
  'motive-for': 'Motive for',
  'used-in': 'Used in',
  uses: 'Uses',
  'investigated-by': 'Investigated by',
  'sanctioned-by': 'Sanctioned by',
  'prosecuted-by': 'Prosecuted by',
  'laundered-proceeds-of': 'Laundered proceeds of',
  'located-in': 'Located in',
  'related-to': 'Related to',
};

const INCOMING_LABELS: Record<RelationType, string> = {
  'member-of': 'Members',
  'part-of': 'Parts',
  'sub-group-of': 'Sub-groups',
  'controlled-by': 'Controls',
  'persona-of': 'Front names',
  'employed-by': 'Employed',
  'official-of': 'Officials',
  'attributed-to': 'Attributed to it',
  'charged-in': 'Charged',
  'defendant-in': 'Defendants',
  'victim-of': 'Victims',
  'motive-for': 'Motivated by',
  'used-in': 'Tools used',
  uses: 'Used by',
  'investigated-by': 'Investigated',
  'sanctioned-by': 'Sanctioned',
  'prosecuted-by': 'Prosecuted',
  'laundered-proceeds-of': 'Proceeds laundered by',
  'located-in': 'Located here',
  'related-to': 'Related',
};

/**
 * Facts newest first: a reader of today's news wants the latest state of the
 * case on top (sentenced before charged before the crime); undated facts last.
 */
export function factsNewestFirst<T extends Pick<Fact, 'date'>>(facts: T[]): T[] {
  return [...facts].sort((a, b) => {
    if (a.date === b.date) return 0;
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  });
}

function withKinds(sources: Source[]): SourceView[] {
  return sources.map((s) => ({ ...s, kind: sourceKind(s.url) }));
}

/**
 * The card's view of an entity. `claimIndex` names the record value a stated
 * value was compared with; `claimIndexes`, when given, all of them (the counts
 * of a charge sheet), described together.
 */
export function buildEntityView(
  entities: EntityRecord[],
  id: string,
  aliasIndex?: number,
  claimIndex?: number,
  claimIndexes?: number[],
): EntityView | null {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const entity = byId.get(id);
  if (!entity) return null;
  const relations: RelationView[] = [];
  for (const r of entity.relations) {
    const other = byId.get(r.target);
    if (!other) continue;
    relations.push({
      type: r.type,
      direction: 'outgoing',
      label: OUTGOING_LABELS[r.type],
      targetId: other.id,
      targetName: other.name,
      targetCategory: other.category,
    });
  }
  for (const other of entities) {
    for (const r of other.relations) {
      if (r.target !== id) continue;
      relations.push({
        type: r.type,
        direction: 'incoming',
        label: INCOMING_LABELS[r.type],
        targetId: other.id,
        targetName: other.name,
        targetCategory: other.category,
      });
    }
  }
  const alias = aliasIndex === undefined ? undefined : entity.aliases[aliasIndex];
  const claim = claimIndex === undefined ? undefined : entity.claims[claimIndex];
  const compared = (claimIndexes ?? (claimIndex === undefined ? [] : [claimIndex]))
    .map((i) => entity.claims[i])
    .filter((c) => c !== undefined);
  return {
    ...entityHeader(entity),
    aliases: entity.aliases.filter((a) => !a.correction).map((a) => a.text),
    facts: factsNewestFirst(entity.facts).map((f) => ({ ...f, sources: withKinds(f.sources) })),
    relations,
    ...(alias?.correction ? { correction: { wrongForm: alias.text, text: alias.correction } } : {}),
    ...(claim
      ? {
          claim: {
            kind: claim.kind,
            about: describeAbout(compared),
            record: describeRecord(compared),
            sources: withKinds([...new Map(compared.flatMap((c) => c.sources).map((s) => [s.url, s])).values()]),
          },
        }
      : {}),
  };
}

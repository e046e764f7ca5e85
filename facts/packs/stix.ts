import type { Category, RelationType, Source } from '../schema';
import { type CatalogueObject, type CatalogueRelation, sourceFrom, stringsOf, uniqueSources } from './build';
import { ImportError, type ImportReport } from './report';

/**
 * STIX 2.0 and 2.1 bundles (MITRE ATT&CK, vendors, CERTs). Both versions name
 * these objects and fields alike; 2.1 adds `spec_version` on each object and
 * drops `labels` on malware for `is_family`, neither of which matters here.
 */

type StixObject = Record<string, unknown> & { type: string; id: string };

/** Object types that become entities, with their category and the kind the card shows. */
const ENTITY_TYPES: Record<string, { category: Category; kind: string }> = {
  'intrusion-set': { category: 'group', kind: 'intrusion set' },
  'threat-actor': { category: 'group', kind: 'threat actor' },
  malware: { category: 'malware', kind: 'malware' },
  tool: { category: 'malware', kind: 'tool' },
  campaign: { category: 'incident', kind: 'campaign' },
  identity: { category: 'organization', kind: 'organisation' },
};

/** identity_class → category (STIX vocabulary identity-class-ov). */
const IDENTITY_CLASSES: Record<string, { category: Category; kind: string }> = {
  individual: { category: 'person', kind: 'person' },
  group: { category: 'group', kind: 'group' },
  organization: { category: 'organization', kind: 'organisation' },
  system: { category: 'other', kind: 'system' },
};

/**
 * STIX relationship types → the store's. "uses" keeps its direction; "targets"
 * is turned round (the target is a victim of the source); the STIX types for
 * likeness or lineage become "related-to". Others are reported and left out.
 */
const RELATION_TYPES: Record<string, { type: RelationType; reverse?: true }> = {
  uses: { type: 'uses' },
  'attributed-to': { type: 'attributed-to' },
  targets: { type: 'victim-of', reverse: true },
  'related-to': { type: 'related-to' },
  'variant-of': { type: 'related-to' },
  'derived-from': { type: 'related-to' },
  'duplicate-of': { type: 'related-to' },
  'authored-by': { type: 'attributed-to' },
};

/** The ATT&CK family of catalogues names its own entries with these source names. */
const ATTACK_SOURCES = new Set(['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack']);
const STIX_ID = /^[a-z][a-z0-9-]*--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface StixRead {
  objects: CatalogueObject[];
  relations: CatalogueRelation[];
  /** What the bundle says about itself, for the pack's manifest. */
  attack: boolean;
  licence: string | null;
  latest: string | null;
  specVersion: string;
}

export function isStixBundle(raw: unknown): boolean {
  return (
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) && (raw as { type?: unknown }).type === 'bundle'
  );
}

function labelOf(o: Record<string, unknown>, index: number): string {
  const id = typeof o.id === 'string' ? o.id : `objects[${index}]`;
  return typeof o.name === 'string' ? `${id} "${o.name}"` : id;
}

/** ATT&CK's text: "[APT38](https://…) is …(Citation: FireEye APT38 Oct 2018)" → plain text and the cited names. */
export function cleanStixDescription(text: string): { text: string; citations: string[] } {
  const citations: string[] = [];
  const plain = text
    .replace(/\[([^\]]+)\]\((?:https?:)?[^)\s]*\)/g, '$1')
    .replace(/\(Citation: ([^)]+)\)/g, (_, name: string) => {
      citations.push(name.trim());
      return '';
    })
    .replace(/<\/?code>/g, '')
    .replace(/[ \t]+([.,;:])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text: plain, citations };
}

interface Reference {
  source_name?: unknown;
  description?: unknown;
  url?: unknown;
  external_id?: unknown;
}

function sourcesOf(o: StixObject, citations: string[], label: string, report: ImportReport): Source[] {
  const refs = (Array.isArray(o.external_references) ? o.external_references : []) as Reference[];
  const cited = new Set(citations);
  const own: Source[] = [];
  const citedSources: Source[] = [];
  const others: Source[] = [];
  for (const ref of refs) {
    if (typeof ref !== 'object' || ref === null || ref.url === undefined) continue;
    const name = typeof ref.source_name === 'string' ? ref.source_name : '';
    const isOwn = ATTACK_SOURCES.has(name) && typeof ref.external_id === 'string';
    const title = isOwn
      ? `MITRE ATT&CK ${ref.external_id}`
      : typeof ref.description === 'string' && ref.description.length >= 3
        ? ref.description
        : name;
    const source = sourceFrom(title, ref.url);
    if (!source) {
      report.skip('reference whose URL is not an absolute http(s) URL', `${JSON.stringify(ref.url)} in ${label}`);
      continue;
    }
    if (isOwn) own.push(source);
    else if (cited.has(name)) citedSources.push(source);
    else others.push(source);
  }
  // The references the description cites, and the catalogue's own page; all of them when it cites none.
  return uniqueSources([...own, ...(cited.size > 0 ? citedSources : others)]);
}

function entityOf(o: StixObject, index: number, report: ImportReport): CatalogueObject {
  const label = labelOf(o, index);
  if (typeof o.name !== 'string' || o.name.trim().length === 0) {
    throw new ImportError(`objects[${index}] (${o.id}): field "name" is missing or empty`);
  }
  let { category, kind } = ENTITY_TYPES[o.type]!;
  if (o.type === 'identity' && typeof o.identity_class === 'string' && IDENTITY_CLASSES[o.identity_class]) {
    ({ category, kind } = IDENTITY_CLASSES[o.identity_class]!);
  }
  if (o.type === 'threat-actor' && o.resource_level === 'individual') category = 'person';
  const refs = (Array.isArray(o.external_references) ? o.external_references : []) as Reference[];
  const catalogueIds = refs
    .filter((r) => typeof r === 'object' && r !== null && ATTACK_SOURCES.has(String(r.source_name)))
    .map((r) => r.external_id)
    .filter((x): x is string => typeof x === 'string' && /^[A-Za-z0-9][\w.:-]*$/.test(x));
  const cleaned = typeof o.description === 'string' ? cleanStixDescription(o.description) : null;
  const description = cleaned && cleaned.text.length >= 10 ? cleaned.text : undefined;
  const uuid = o.id.slice(o.id.indexOf('--') + 2);
  return {
    ref: o.id,
    label,
    name: o.name.trim(),
    category,
    kind,
    names: [
      o.name,
      ...stringsOf(o.aliases, 'aliases', label, report),
      ...stringsOf(o.x_mitre_aliases, 'x_mitre_aliases', label, report),
    ],
    catalogueIds: [...catalogueIds, o.id],
    shortId: catalogueIds[0] ?? uuid.slice(0, 8),
    ...(description ? { description } : {}),
    sources: sourcesOf(o, cleaned?.citations ?? [], label, report),
  };
}

/** Checks the bundle's shape and each object's type and id; throws naming the first bad one. */
function objectsOf(raw: Record<string, unknown>): StixObject[] {
  if (!Array.isArray(raw.objects)) throw new ImportError('STIX bundle: field "objects" is missing or not an array');
  return raw.objects.map((o: unknown, index) => {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
      throw new ImportError(`objects[${index}]: not a JSON object`);
    }
    const obj = o as Record<string, unknown>;
    if (typeof obj.type !== 'string' || obj.type.length === 0) {
      throw new ImportError(`objects[${index}] (${labelOf(obj, index)}): field "type" is missing`);
    }
    if (obj.id === undefined || obj.id === null || obj.id === '') {
      throw new ImportError(
        `objects[${index}] (type "${obj.type}"${typeof obj.name === 'string' ? `, name "${obj.name}"` : ''}): field "id" is missing`,
      );
    }
    if (typeof obj.id !== 'string' || !STIX_ID.test(obj.id) || !obj.id.startsWith(`${obj.type}--`)) {
      throw new ImportError(
        `objects[${index}] (type "${obj.type}"): field "id" is ${JSON.stringify(obj.id)}, not a STIX id "${obj.type}--<uuid>"`,
      );
    }
    return obj as StixObject;
  });
}

/** Of several versions of one object (same id), the latest `modified` wins. */
function latestVersions(objects: StixObject[], report: ImportReport): Map<string, { o: StixObject; index: number }> {
  const byId = new Map<string, { o: StixObject; index: number }>();
  objects.forEach((o, index) => {
    const seen = byId.get(o.id);
    if (!seen) {
      byId.set(o.id, { o, index });
      return;
    }
    report.skip('older version of an object given twice (same id)', o.id);
    if (String(o.modified ?? '') > String(seen.o.modified ?? '')) byId.set(o.id, { o, index });
  });
  return byId;
}

const retired = (o: StixObject): string | null =>
  o.revoked === true ? 'revoked object' : o.x_mitre_deprecated === true ? 'deprecated object' : null;

export function readStix(raw: Record<string, unknown>, report: ImportReport): StixRead {
  const all = objectsOf(raw);
  const byId = latestVersions(all, report);
  const publishers = new Set(all.map((o) => o.created_by_ref).filter((r): r is string => typeof r === 'string'));
  const related = new Set<string>();
  for (const { o } of byId.values()) {
    if (o.type === 'relationship') related.add(String(o.source_ref)).add(String(o.target_ref));
  }

  const objects: CatalogueObject[] = [];
  const imported = new Set<string>();
  const licences: string[] = [];
  let attack = false;
  let latest: string | null = null;
  let specVersion = typeof raw.spec_version === 'string' ? raw.spec_version : '';
  for (const { o, index } of byId.values()) {
    if (typeof o.spec_version === 'string') specVersion = o.spec_version;
    if (typeof o.modified === 'string' && (latest === null || o.modified > latest)) latest = o.modified;
    const why = retired(o);
    if (why) {
      report.skip(why, labelOf(o, index));
      continue;
    }
    if (o.type === 'marking-definition') {
      const statement = (o.definition as { statement?: unknown } | undefined)?.statement;
      if (typeof statement === 'string') licences.push(statement);
      report.skip('marking-definition: read as the pack licence', labelOf(o, index));
      continue;
    }
    if (o.type === 'relationship') continue;
    if (!ENTITY_TYPES[o.type]) {
      report.skip(`object type not imported: ${o.type}`, labelOf(o, index));
      continue;
    }
    if (o.type === 'identity' && publishers.has(o.id) && !related.has(o.id)) {
      report.skip('identity that only publishes the others (created_by_ref): not a subject', labelOf(o, index));
      continue;
    }
    const entity = entityOf(o, index, report);
    if (entity.catalogueIds.some((id) => /^[GSC]\d{4}$/.test(id))) attack = true;
    objects.push(entity);
    imported.add(o.id);
  }

  const relations: CatalogueRelation[] = [];
  for (const { o, index } of byId.values()) {
    if (o.type !== 'relationship') continue;
    const why = retired(o);
    if (why) {
      report.skip(`${why} (relationship)`, o.id);
      continue;
    }
    for (const field of ['relationship_type', 'source_ref', 'target_ref'] as const) {
      if (typeof o[field] !== 'string' || (o[field] as string).length === 0) {
        throw new ImportError(`objects[${index}] (${o.id}): field "${field}" is missing`);
      }
      if (field !== 'relationship_type' && !byId.has(o[field] as string)) {
        throw new ImportError(
          `objects[${index}] (${o.id}): field "${field}" points to ${JSON.stringify(o[field])}, which is not in the bundle`,
        );
      }
    }
    const type = o.relationship_type as string;
    const source = o.source_ref as string;
    const target = o.target_ref as string;
    const label = `${o.id} (${source} ${type} ${target})`;
    const mapped = RELATION_TYPES[type];
    if (!mapped) {
      report.skip(`relationship type not mapped: ${type}`, label);
      continue;
    }
    if (!imported.has(source) || !imported.has(target)) {
      report.skip('relation whose other end is not an imported entity', label);
      continue;
    }
    relations.push(
      mapped.reverse
        ? { from: target, to: source, type: mapped.type, label }
        : { from: source, to: target, type: mapped.type, label },
    );
  }
  return {
    objects,
    relations,
    attack,
    licence: licences.length > 0 ? [...new Set(licences)].join(' ') : null,
    latest,
    specVersion: specVersion || 'unstated',
  };
}

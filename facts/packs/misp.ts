import type { Category, RelationType, Source } from '../schema';
import { type CatalogueObject, type CatalogueRelation, sourceFrom, stringsOf, uniqueSources } from './build';
import { ImportError, type ImportReport } from './report';

/**
 * MISP galaxy clusters: `{ type, name, uuid, category, values: [{ value, uuid,
 * description, meta: { synonyms, refs }, related: [{ dest-uuid, type }] }] }`,
 * one cluster or an array of them.
 */

type Cluster = Record<string, unknown> & { values: unknown[] };

/** The galaxy's category → the store's category. Other categories (sectors, countries, techniques) are left out. */
const CATEGORIES: Record<string, Category> = {
  actor: 'group',
  tool: 'malware',
  malware: 'malware',
  ransomware: 'malware',
};

/**
 * MISP relation types → the store's. Likeness and overlap ("similar",
 * "overlaps", "linked-to") become "related-to"; "uses", "deploys", "delivers"
 * become "uses"; "targets" points at sectors and countries (other galaxies) and
 * is reported like any other unmapped type.
 */
const RELATION_TYPES: Record<string, RelationType> = {
  similar: 'related-to',
  'related-to': 'related-to',
  'linked-to': 'related-to',
  overlaps: 'related-to',
  'associated-with': 'related-to',
  uses: 'uses',
  deploys: 'uses',
  delivers: 'uses',
  'part-of': 'part-of',
  'subgroup-of': 'sub-group-of',
  'attributed-to': 'attributed-to',
};

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export interface MispRead {
  objects: CatalogueObject[];
  relations: CatalogueRelation[];
  clusters: { type: string; name: string; version: string; source: string }[];
}

const isCluster = (c: unknown): c is Cluster =>
  typeof c === 'object' && c !== null && !Array.isArray(c) && Array.isArray((c as { values?: unknown }).values);

export function isMispClusters(raw: unknown): boolean {
  return isCluster(raw) || (Array.isArray(raw) && raw.length > 0 && raw.every(isCluster));
}

function refSource(url: string): Source | null {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.length > 1 ? parsed.pathname : '';
    const title = `${parsed.host}${path}`;
    return sourceFrom(title.length > 100 ? `${title.slice(0, 99)}…` : title, url);
  } catch {
    return null;
  }
}

export function readMisp(raw: unknown, report: ImportReport): MispRead {
  const clusters = (Array.isArray(raw) ? raw : [raw]) as Cluster[];
  const objects: CatalogueObject[] = [];
  const pending: { from: string; to: string; type: string; label: string }[] = [];
  const seen = new Set<string>();
  const read: MispRead['clusters'] = [];
  clusters.forEach((cluster, c) => {
    const where = Array.isArray(raw) ? `clusters[${c}]` : 'cluster';
    const clusterType = typeof cluster.type === 'string' ? cluster.type : '';
    if (!clusterType) throw new ImportError(`${where}: field "type" is missing`);
    const name = typeof cluster.name === 'string' ? cluster.name : clusterType;
    read.push({
      type: clusterType,
      name,
      version: cluster.version === undefined ? 'unversioned' : String(cluster.version),
      source: typeof cluster.source === 'string' ? cluster.source : '',
    });
    const category = CATEGORIES[clusterType] ?? CATEGORIES[String(cluster.category)];
    if (!category) {
      for (const v of cluster.values) {
        report.skip(
          `cluster category not imported: ${String(cluster.category)}`,
          `${clusterType}: ${JSON.stringify((v as { value?: unknown }).value)}`,
        );
      }
      return;
    }
    const kind = clusterType === 'malpedia' ? 'malware' : name.toLowerCase().replace(/ actor$/, '');
    cluster.values.forEach((v, i) => {
      const at = `${where}.values[${i}]`;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ImportError(`${at}: not a JSON object`);
      const entry = v as Record<string, unknown>;
      if (typeof entry.value !== 'string' || entry.value.trim() === '') {
        throw new ImportError(
          `${at}${typeof entry.uuid === 'string' ? ` (${entry.uuid})` : ''}: field "value" is missing`,
        );
      }
      if (typeof entry.uuid !== 'string' || entry.uuid === '') {
        throw new ImportError(`${at} ("${entry.value}"): field "uuid" is missing`);
      }
      if (!UUID.test(entry.uuid)) {
        throw new ImportError(`${at} ("${entry.value}"): field "uuid" is ${JSON.stringify(entry.uuid)}, not a uuid`);
      }
      const label = `${clusterType} "${entry.value}" (${entry.uuid})`;
      const meta = (typeof entry.meta === 'object' && entry.meta !== null ? entry.meta : {}) as Record<string, unknown>;
      if (meta.deprecated === true || entry.deprecated === true) {
        report.skip('deprecated object', label);
        return;
      }
      if (seen.has(entry.uuid)) {
        report.skip('entry given twice (same uuid): first kept', label);
        return;
      }
      seen.add(entry.uuid);
      const sources: Source[] = [];
      for (const url of stringsOf(meta.refs, 'meta.refs', label, report)) {
        const source = refSource(url);
        if (source) sources.push(source);
        else report.skip('reference whose URL is not an absolute http(s) URL', `${JSON.stringify(url)} in ${label}`);
      }
      const description =
        typeof entry.description === 'string' && entry.description.trim().length >= 10
          ? entry.description.trim()
          : undefined;
      objects.push({
        ref: entry.uuid,
        label,
        name: entry.value.trim(),
        category,
        kind,
        names: [entry.value, ...stringsOf(meta.synonyms, 'meta.synonyms', label, report)],
        catalogueIds: [entry.uuid],
        shortId: entry.uuid.slice(0, 8),
        ...(description ? { description } : {}),
        sources: uniqueSources(sources),
      });
      if (Array.isArray(entry.related)) {
        for (const r of entry.related as Record<string, unknown>[]) {
          const to = r?.['dest-uuid'];
          const type = typeof r?.type === 'string' ? r.type : '(none)';
          if (typeof to !== 'string')
            throw new ImportError(`${at} ("${entry.value}"): related entry without "dest-uuid"`);
          pending.push({ from: entry.uuid, to, type, label: `${label} ${type} ${to}` });
        }
      }
    });
  });

  const relations: CatalogueRelation[] = [];
  for (const r of pending) {
    // A cluster's relations point into every galaxy (sectors, countries, ATT&CK): by design, not an error.
    if (!seen.has(r.to)) {
      report.skip('related entry not in this file (MISP links across galaxies)', r.label);
      continue;
    }
    const type = RELATION_TYPES[r.type];
    if (!type) {
      report.skip(`relation type not mapped: ${r.type}`, r.label);
      continue;
    }
    relations.push({ from: r.from, to: r.to, type, label: r.label });
  }
  return { objects, relations, clusters: read };
}

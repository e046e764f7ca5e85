import { aliasKey } from '../alias-key';
import type { Alias, Category, Fact, Relation, RelationType, Source } from '../schema';
import { judgeAlias, type WordCounts } from './ambiguity';
import { ImportError, type ImportReport } from './report';
import { type Pack, type PackEntity, type PackManifest, packSchema } from './schema';

/**
 * The catalogue-neutral middle of an import: the STIX and MISP readers turn
 * their objects into these, and `buildPack` makes the pack (ids, alias rules,
 * facts, relations) the same way for both.
 */
export interface CatalogueObject {
  /** The catalogue's own id (STIX id, MISP uuid): what relations point at. */
  ref: string;
  /** How the report names it: its catalogue id and name. */
  label: string;
  name: string;
  category: Category;
  kind: string;
  /** The name first, then every other spelling the catalogue gives. */
  names: string[];
  catalogueIds: string[];
  /** Short and stable (g0032, the start of a uuid): added to ids that would collide. */
  shortId: string;
  description?: string;
  sources: Source[];
}

export interface CatalogueRelation {
  from: string;
  to: string;
  type: RelationType;
  label: string;
}

export interface BuildOptions {
  manifest: PackManifest;
  counts: WordCounts;
  report: ImportReport;
}

const SUMMARY_MAX = 280;

/** Kebab-case from any name: diacritics dropped, every other run of non-alphanumerics a hyphen. */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Ids are `<pack id>-<slug of the name>`, so they are unique across packs
 * whose ids differ and readable in tests and URLs. Two entries of one
 * catalogue with the same slug (a tool and a group both called FASTCash) both
 * get their short catalogue id appended; a name with no Latin letters takes
 * the short id alone.
 */
function assignIds(packId: string, objects: CatalogueObject[]): Map<string, string> {
  const bySlug = new Map<string, CatalogueObject[]>();
  for (const o of objects) {
    const slug = slugOf(o.name) || slugOf(o.shortId);
    const list = bySlug.get(slug) ?? [];
    list.push(o);
    bySlug.set(slug, list);
  }
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const [slug, list] of bySlug) {
    for (const o of list) {
      let id = list.length === 1 ? `${packId}-${slug}` : `${packId}-${slug}-${slugOf(o.shortId)}`;
      for (let n = 2; taken.has(id); n += 1) id = `${packId}-${slug}-${slugOf(o.shortId)}-${n}`;
      taken.add(id);
      ids.set(o.ref, id);
    }
  }
  return ids;
}

/** The first sentence (or the start) of a description, for the card's summary line. */
function summaryOf(o: CatalogueObject, title: string): string {
  const fallback = `${o.kind.charAt(0).toUpperCase()}${o.kind.slice(1)} listed in ${title}.`;
  if (!o.description) return fallback;
  const sentence = /^.+?[.!?](?=\s|$)/s.exec(o.description)?.[0] ?? o.description;
  let summary = sentence.replace(/\s+/g, ' ').trim();
  if (summary.length > SUMMARY_MAX) summary = `${summary.slice(0, SUMMARY_MAX).replace(/\s+\S*$/, '')}…`;
  return summary.length >= 20 ? summary : fallback;
}

/** Spellings of one entry, each once in the matcher's sense; too-short ones reported. */
function distinctNames(o: CatalogueObject, report: ImportReport): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of o.names) {
    const text = raw.replace(/\s+/g, ' ').trim();
    const key = aliasKey(text, false);
    if (key.replace(/[^\p{L}\p{N}]/gu, '').length < 2 || text.length < 2) {
      report.skip('alias with fewer than two letters or digits', `${JSON.stringify(raw)} of ${o.label}`);
      continue;
    }
    if (seen.has(key)) {
      if (text !== kept.find((k) => aliasKey(k, false) === key)) {
        report.change(
          'spelling that folds to another of the same entry: merged',
          `${JSON.stringify(text)} of ${o.label}`,
        );
      }
      continue;
    }
    seen.add(key);
    kept.push(text);
  }
  return kept;
}

/**
 * A spelling two entries of one catalogue both claim is kept by the entry
 * whose name it is, when exactly one is; otherwise no entry matches it (the
 * catalogue itself cannot tell them apart). Either way it is reported.
 */
function settleSharedNames(objects: CatalogueObject[], names: Map<string, string[]>, report: ImportReport): void {
  const claimants = new Map<string, CatalogueObject[]>();
  for (const o of objects) {
    for (const text of names.get(o.ref)!) {
      const key = aliasKey(text, false);
      const list = claimants.get(key) ?? [];
      list.push(o);
      claimants.set(key, list);
    }
  }
  for (const [key, list] of claimants) {
    if (list.length < 2) continue;
    const namedSo = list.filter((o) => aliasKey(o.name, false) === key);
    const keeper = namedSo.length === 1 ? namedSo[0] : undefined;
    const example = `${JSON.stringify(key)}: ${list.map((o) => o.label).join(', ')}`;
    if (keeper) report.change('spelling claimed by several entries: kept by the one it names', example);
    else report.skip('spelling claimed by several entries of this catalogue: matched for none', example);
    for (const o of list) {
      if (o === keeper) continue;
      names.set(
        o.ref,
        names.get(o.ref)!.filter((t) => aliasKey(t, false) !== key),
      );
    }
  }
}

function aliasRules(o: CatalogueObject, texts: string[], options: BuildOptions): Alias[] {
  const rules: Alias[] = [];
  for (const text of texts) {
    const verdict = judgeAlias(text, options.counts, text === o.name);
    if (verdict.alias === null) {
      options.report.skip('alias too short and an everyday word: not matched', `${JSON.stringify(text)} of ${o.label}`);
      continue;
    }
    if (verdict.reason) {
      const how = verdict.alias.caseSensitive ? 'needs context, capitals only' : 'needs context';
      options.report.change(`ambiguous alias (${verdict.reason}): ${how}`, JSON.stringify(text));
    }
    rules.push(verdict.alias);
  }
  return rules;
}

function factsOf(o: CatalogueObject, options: BuildOptions): Fact[] {
  const { manifest, report } = options;
  let sources = o.sources;
  if (sources.length === 0) {
    report.change('entry with no source of its own: its fact cites the catalogue', o.label);
    sources = manifest.sources;
  }
  const text = o.description ?? `${manifest.title} lists ${o.name} as a ${o.kind}.`;
  if (!o.description) report.change('entry with no description: a one-line fact says where it is listed', o.label);
  return [{ text, status: 'attributed', sources }];
}

/** The pack from the catalogue's objects and relations; validated before it is returned. */
export function buildPack(objects: CatalogueObject[], relations: CatalogueRelation[], options: BuildOptions): Pack {
  const { manifest, report } = options;
  const ids = assignIds(manifest.id, objects);
  const names = new Map(objects.map((o) => [o.ref, distinctNames(o, report)]));
  settleSharedNames(objects, names, report);

  const relationsByRef = new Map<string, Relation[]>();
  for (const r of relations) {
    const from = ids.get(r.from);
    const to = ids.get(r.to);
    if (!from || !to) {
      report.skip('relation whose other end is not an imported entity', r.label);
      continue;
    }
    if (from === to) {
      report.skip('relation of an entity to itself', r.label);
      continue;
    }
    const list = relationsByRef.get(r.from) ?? [];
    if (list.some((x) => x.type === r.type && x.target === to)) {
      report.change('relation stated twice: kept once', r.label);
      continue;
    }
    list.push({ type: r.type, target: to });
    relationsByRef.set(r.from, list);
  }

  const entities: PackEntity[] = [];
  for (const o of objects) {
    const rules = aliasRules(o, names.get(o.ref)!, options);
    const facts = factsOf(o, options);
    entities.push({
      id: ids.get(o.ref)!,
      name: o.name,
      category: o.category,
      kind: o.kind,
      aliases: rules.map((a) => a.text),
      aliasRules: rules,
      summary: summaryOf(o, manifest.title),
      facts,
      relations: relationsByRef.get(o.ref) ?? [],
      claims: [],
      ...(o.catalogueIds.length > 0 ? { catalogueIds: o.catalogueIds } : {}),
    });
  }
  const pack = { ...manifest, entities };
  const checked = packSchema.safeParse(pack);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const at = issue.path[0] === 'entities' ? entities[issue.path[1] as number] : undefined;
    throw new ImportError(
      `the pack made from this file is not valid at ${issue.path.join('.')}${at ? ` (${at.id})` : ''}: ${issue.message}`,
    );
  }
  return checked.data;
}

/** A usable source from a reference, or null (reported by the caller). */
export function sourceFrom(title: string, url: unknown): Source | null {
  if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url)) return null;
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { title: cleanTitle.length >= 3 ? cleanTitle : new URL(url).host, url };
}

/** The strings of a list field; anything else in it is reported, not dropped silently. */
export function stringsOf(value: unknown, field: string, label: string, report: ImportReport): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const kept = list.filter((v): v is string => typeof v === 'string');
  if (kept.length < list.length) report.skip(`"${field}" entry that is not a string`, label);
  return kept;
}

/** Sources once each, by URL, in the order given. */
export function uniqueSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.url) && seen.add(s.url));
}

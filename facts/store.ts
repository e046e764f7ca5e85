import { canonicalAlias } from './alias-rule';
import type { z } from 'zod';
import { entitySchema, type Claim, type EntityRecord, type Fact, type Relation, type Source } from './schema';
import { aliasKey } from './alias-key';
import { entityHeader } from './entity-header';

/** A record that failed validation, named so a reader can find it. */
export class FactStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FactStoreError';
  }
}

/** Parses one entity file's JSON value; the error names the file and every broken field. */
export function parseEntity(fileName: string, raw: unknown): EntityRecord {
  const result = entitySchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `  ${issue.path.join('.') || '(record)'}: ${issue.message}`)
    .join('\n');
  throw new FactStoreError(`${fileName}: invalid entity record\n${problems}`);
}

/**
 * Checks what no single record can: unique ids, file names equal to ids,
 * relations that resolve, and no spelling claimed by two entities.
 */
export function checkStore(entries: { fileName: string; entity: EntityRecord }[]): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const { fileName, entity } of entries) {
    if (ids.has(entity.id)) problems.push(`${fileName}: duplicate id "${entity.id}"`);
    ids.add(entity.id);
    const expected = `${entity.id}.json`;
    if (!fileName.endsWith(expected)) problems.push(`${fileName}: file name must be ${expected}`);
  }
  const owners = new Map<string, string>();
  for (const { fileName, entity } of entries) {
    for (const relation of entity.relations) {
      if (!ids.has(relation.target)) {
        problems.push(`${fileName}: relation ${relation.type} → "${relation.target}" does not resolve`);
      }
      if (relation.target === entity.id) problems.push(`${fileName}: relation to itself`);
    }
    for (const alias of entity.aliases) {
      // Case is ignored here: "RGB" and "rgb" on two entities would still confuse a reader.
      const key = aliasKey(alias.text, false);
      const owner = owners.get(key);
      if (owner && owner !== entity.id) {
        problems.push(`${fileName}: alias "${alias.text}" is already an alias of "${owner}"`);
      }
      owners.set(key, entity.id);
    }
  }
  if (problems.length > 0) throw new FactStoreError(problems.join('\n'));
}

/** Undated facts sort after dated ones; ties keep the authored order. */
function compareFacts(a: Fact, b: Fact): number {
  if (a.date === b.date) return 0;
  if (a.date === undefined) return 1;
  if (b.date === undefined) return -1;
  return a.date < b.date ? -1 : 1;
}

function compareRelations(a: Relation, b: Relation): number {
  return a.type === b.type ? a.target.localeCompare(b.target) : a.type.localeCompare(b.type);
}

const canonicalSource = (s: Source): Source => ({ title: s.title, url: s.url });

function canonicalFact(f: Fact): Fact {
  return {
    ...(f.date ? { date: f.date } : {}),
    text: f.text,
    status: f.status,
    sources: f.sources.map(canonicalSource),
  };
}

function canonicalClaim(c: Claim): Claim {
  return {
    kind: c.kind,
    about: c.about,
    value: c.value,
    ...(c.qualifier ? { qualifier: c.qualifier } : {}),
    ...(c.currency ? { currency: c.currency } : {}),
    ...(c.cues ? { cues: c.cues } : {}),
    ...(c.scope ? { scope: c.scope } : {}),
    ...(c.context ? { context: c.context } : {}),
    sources: c.sources.map(canonicalSource),
  };
}

/** The record in canonical order: fixed key order, facts by date, relations sorted. */
export function canonicalEntity(e: EntityRecord): EntityRecord {
  return {
    ...entityHeader(e),
    aliases: e.aliases.map(canonicalAlias),
    ...(e.catalogueIds
      ? {
          catalogueIds: {
            ...(e.catalogueIds.attack ? { attack: e.catalogueIds.attack } : {}),
            ...(e.catalogueIds.misp ? { misp: e.catalogueIds.misp } : {}),
          },
        }
      : {}),
    facts: [...e.facts].sort(compareFacts).map(canonicalFact),
    relations: [...e.relations].sort(compareRelations).map((r) => ({ type: r.type, target: r.target })),
    claims: e.claims.map(canonicalClaim),
  };
}

/** The exact text an entity file must have: a parse/format round trip is stable. */
export function formatEntity(e: EntityRecord): string {
  return `${JSON.stringify(canonicalEntity(e), null, 2)}\n`;
}

export type { z };

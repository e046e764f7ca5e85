import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkStore, parseEntity } from '../facts/store';
import type { EntityRecord } from '../facts/schema';

// npm scripts and test runners run from the repository root.
export const ENTITIES_DIR = resolve(process.cwd(), 'facts/entities');

/** Reads, validates and cross-checks every entity file; throws naming the broken record. */
export function loadEntityFiles(dir = ENTITIES_DIR): { fileName: string; text: string; entity: EntityRecord }[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const entries = files.map((fileName) => {
    const text = readFileSync(join(dir, fileName), 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new Error(`${fileName}: not valid JSON (${(error as Error).message})`);
    }
    return { fileName, text, entity: parseEntity(fileName, raw) };
  });
  checkStore(entries);
  return entries;
}

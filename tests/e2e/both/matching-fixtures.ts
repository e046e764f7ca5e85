import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../extension';

export interface Expectation {
  page: string;
  marks: { entity: string; text: string; count: number }[];
  unmarked: string[];
  /** Form fields whose value must be untouched: selector → value. */
  fields?: Record<string, string>;
}

export const FIXTURES = 'tests/fixtures/matching';
export const fixtures = readdirSync(join(ROOT, FIXTURES))
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => ({
    file,
    expected: JSON.parse(readFileSync(join(ROOT, FIXTURES, file.replace(/\.html$/, '.json')), 'utf8')) as Expectation,
  }));

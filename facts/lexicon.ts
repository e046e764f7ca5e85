import type { Alias, Category } from './schema';
import { compileMatcher, compileMatcherInSlices, type Matcher, type SliceOptions, type Term } from './matcher/compile';

/** What the page scanner needs of an entity: no facts, no sources. */
export interface LexiconEntity {
  id: string;
  category: Category;
  aliases: Alias[];
  /** The fact pack the entity comes from; absent for the bundled case. */
  pack?: string;
}

/** What one match names. */
export interface Hit {
  entityId: string;
  category: Category;
  /** Highlighted only on pages that also name the case unambiguously. */
  needsContext: boolean;
  /** Index into the entity's aliases: the spelling that matched. */
  aliasIndex: number;
  /** The spelling is a known wrong form. */
  wrongForm: boolean;
  /** The fact pack the entity comes from; absent for the bundled case. */
  pack?: string;
}

/**
 * Longer names that begin with (or contain) a case alias but mean someone or
 * something else. They are matched and dropped, so "Kim Il" never marks the
 * start of "Kim Il-sung". Hangul names take particles without a space, so
 * 김일 would match the start of 김일성 unless 김일성 is blocked.
 */
export const BLOCKERS: readonly string[] = [
  'Kim Il-sung',
  'Kim Il Sung',
  'Kim Il-sung’s',
  'Kim Il-song',
  'Kim Il-chol',
  'Kim Il-chul',
  '김일성',
  'Taylor Swift',
  'Lazarus of Bethany',
  'Saint Lazarus',
  'St Lazarus',
  'St. Lazarus',
  'Lazarus Long',
  'Emma Lazarus',
  'Lazarus taxon',
  'Lazarus species',
  'Lazarus syndrome',
  'Lazarus sign',
  'Lazarus effect',
];

export function lexiconTerms(entities: LexiconEntity[]): Term<Hit | null>[] {
  const terms: Term<Hit | null>[] = BLOCKERS.map((text) => ({ text, entry: null }));
  for (const entity of entities) {
    entity.aliases.forEach((alias, aliasIndex) => {
      terms.push({
        text: alias.text,
        caseSensitive: alias.caseSensitive === true,
        capitalized: alias.capitalized === true,
        entry: {
          entityId: entity.id,
          category: entity.category,
          needsContext: alias.needsContext === true,
          aliasIndex,
          wrongForm: alias.correction !== undefined,
          ...(entity.pack ? { pack: entity.pack } : {}),
        },
      });
    });
  }
  return terms;
}

export function compileLexicon(entities: LexiconEntity[]): Matcher<Hit> {
  return compileMatcher<Hit>(lexiconTerms(entities));
}

/** The same, compiled in slices that leave the thread free in between (for the content script). */
export function compileLexiconInSlices(entities: LexiconEntity[], options?: SliceOptions): Promise<Matcher<Hit>> {
  return compileMatcherInSlices<Hit>(lexiconTerms(entities), options);
}

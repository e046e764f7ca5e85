import type { Alias } from './schema';

/** An alias with its fields in one order and no field that says nothing: how the store and the page lexicon keep it. */
export function canonicalAlias(a: Alias): Alias {
  return {
    text: a.text,
    ...(a.caseSensitive ? { caseSensitive: true as const } : {}),
    ...(a.capitalized ? { capitalized: true as const } : {}),
    ...(a.needsContext ? { needsContext: true as const } : {}),
    ...(a.correction ? { correction: a.correction } : {}),
  };
}

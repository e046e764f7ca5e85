// Kept apart from case-lens-start.ts so the scout, which sends it, carries no browser API wrapper.

/** What a scout sends, over the extension's own messaging, when its frame names the case. */
export const CANDIDATE_REPORT = { caseLens: 'candidate' } as const;

export function isCandidateReport(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { caseLens?: unknown }).caseLens === CANDIDATE_REPORT.caseLens
  );
}

/**
 * Where a frame's running copy of the full script keeps its context: a key of
 * the extension's own world, which the scout and the full script share and
 * pages cannot see. The scout reads it to know its report was acted on.
 */
export const RUNNING = Symbol.for('case-lens.running');

import { CANDIDATE_REPORT, RUNNING } from '@/lib/candidate-report';

interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * A scout's one message: its frame holds a candidate, and the background
 * should start the rest of Case Lens in it. It uses the browser's own API
 * object rather than a polyfill: one call does not need one. A report can be
 * lost (the background restarting, the frame not ready to be injected):
 * until the full script is running in this frame, it is sent again, after 2,
 * 4 and 8 s.
 */
export function reportCandidate(attempt = 0): void {
  const api = ((globalThis as { browser?: Runtime }).browser ?? (globalThis as { chrome?: Runtime }).chrome)!;
  void api.runtime.sendMessage(CANDIDATE_REPORT).catch(() => undefined);
  if (attempt < 3)
    setTimeout(
      () => {
        if (!(RUNNING in globalThis)) reportCandidate(attempt + 1);
      },
      2000 * 2 ** attempt,
    );
}

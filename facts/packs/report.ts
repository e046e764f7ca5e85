/**
 * What an import left out or changed, and why. Nothing is dropped silently:
 * every object, alias or relation that does not reach the pack as it was in
 * the catalogue is counted here under a reason, with a few examples.
 */

const EXAMPLES_PER_REASON = 3;

export interface ReportLine {
  reason: string;
  count: number;
  examples: string[];
}

/** Bad input the import cannot go on with; the message names the object and the field. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

class Tally {
  private readonly lines = new Map<string, ReportLine>();

  add(reason: string, example: string): void {
    let line = this.lines.get(reason);
    if (!line) {
      line = { reason, count: 0, examples: [] };
      this.lines.set(reason, line);
    }
    line.count += 1;
    if (line.examples.length < EXAMPLES_PER_REASON) line.examples.push(example);
  }

  list(): ReportLine[] {
    return [...this.lines.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  }

  count(reason: string): number {
    return this.lines.get(reason)?.count ?? 0;
  }
}

export class ImportReport {
  /** What did not reach the pack. */
  readonly skipped = new Tally();
  /** What reached it changed: merged spellings, ambiguous names, facts sourced to the catalogue. */
  readonly changed = new Tally();
  format = '';

  skip(reason: string, example: string): void {
    this.skipped.add(reason, example);
  }

  change(reason: string, example: string): void {
    this.changed.add(reason, example);
  }

  toJSON(): { format: string; skipped: ReportLine[]; changed: ReportLine[] } {
    return { format: this.format, skipped: this.skipped.list(), changed: this.changed.list() };
  }
}

/** The report as lines for a terminal. */
export function formatReport(report: ImportReport): string {
  const section = (title: string, lines: ReportLine[]): string[] =>
    lines.length === 0
      ? [`${title}: none`]
      : [
          `${title}:`,
          ...lines.map((l) => `  ${String(l.count).padStart(5)}  ${l.reason} (e.g. ${l.examples.join('; ')})`),
        ];
  return [...section('Skipped', report.skipped.list()), ...section('Changed', report.changed.list())].join('\n');
}

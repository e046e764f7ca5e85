import type { Category, Status } from '@/facts/schema';

/** Colours per category: a light tint for the highlight, a strong tone for borders and chips. */
export const CATEGORY_STYLE: Record<Category, { label: string; tint: string; tone: string; darkTint: string }> = {
  person: { label: 'Person', tint: 'rgba(255, 213, 79, 0.45)', tone: '#b58900', darkTint: 'rgba(255, 213, 79, 0.30)' },
  group: { label: 'Group', tint: 'rgba(239, 83, 80, 0.28)', tone: '#c62828', darkTint: 'rgba(239, 83, 80, 0.35)' },
  organization: {
    label: 'Organization',
    tint: 'rgba(66, 165, 245, 0.28)',
    tone: '#1565c0',
    darkTint: 'rgba(66, 165, 245, 0.35)',
  },
  malware: {
    label: 'Malware',
    tint: 'rgba(171, 71, 188, 0.26)',
    tone: '#7b1fa2',
    darkTint: 'rgba(171, 71, 188, 0.38)',
  },
  incident: {
    label: 'Incident',
    tint: 'rgba(255, 152, 0, 0.30)',
    tone: '#e65100',
    darkTint: 'rgba(255, 152, 0, 0.35)',
  },
  legal: {
    label: 'Legal case',
    tint: 'rgba(102, 187, 106, 0.30)',
    tone: '#2e7d32',
    darkTint: 'rgba(102, 187, 106, 0.35)',
  },
  place: { label: 'Place', tint: 'rgba(38, 166, 154, 0.28)', tone: '#00695c', darkTint: 'rgba(38, 166, 154, 0.38)' },
  other: { label: 'Other', tint: 'rgba(141, 110, 99, 0.28)', tone: '#5d4037', darkTint: 'rgba(141, 110, 99, 0.40)' },
};

export const STATUS_LABEL: Record<Status, string> = {
  established: 'Established',
  charged: 'Charged',
  'pleaded-guilty': 'Pleaded guilty',
  sentenced: 'Sentenced',
  sanctioned: 'Sanctioned',
  attributed: 'Attributed',
  alleged: 'Alleged',
  reported: 'Reported',
  unverified: 'Unverified',
};

/**
 * Day, short month and year of a date, in UTC (the record's dates have no
 * time of day). Made on first use, as a card is drawn: building it loads
 * locale data, which a frame need not do while its content script starts.
 */
let dateParts: Intl.DateTimeFormat | undefined;

/** Builds the date format now (the card does, hidden, while the first hover-intent delay runs). */
export function prepareDateFormat(): Intl.DateTimeFormat {
  dateParts ??= new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return dateParts;
}

/** "2021-02-17" → "17 Feb 2021"; "2021-02" → "Feb 2021"; "2021" → "2021". */
export function formatFactDate(date: string | undefined): string {
  if (!date) return 'Undated';
  const [year, month, day] = date.split('-').map(Number);
  if (!month) return String(year);
  const parts = prepareDateFormat().formatToParts(Date.UTC(year!, month - 1, day ?? 1));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return day ? `${part('day')} ${part('month')} ${part('year')}` : `${part('month')} ${part('year')}`;
}

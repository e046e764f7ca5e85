import { act } from 'preact/test-utils';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseTimeline } from '../../components/CaseTimeline';
import { buildTimeline, isBackground, visibleEvents } from '../../facts/timeline';
import { loadEntityFiles } from '../../scripts/fact-files';

const entities = loadEntityFiles().map((e) => e.entity);
const events = buildTimeline(entities);

describe('the case timeline', () => {
  it('opens with the case, not with births or foundings', () => {
    const shown = visibleEvents(events, false);
    const first = shown[0]!;
    expect(first.background).toBe(false);
    expect(first.fact.status).not.toBe('established');
    // John Demers's birth (1971) and SWIFT's founding (1973) are the oldest dated facts of the store.
    expect(events[0]!.background).toBe(true);
    expect(shown.some((e) => e.entityId === 'john-demers' && e.date === '1971-09-21')).toBe(false);
    expect(shown.some((e) => e.entityId === 'swift' && e.date === '1973')).toBe(false);
  });

  it('keeps biographical dates out but every charge, plea, sentence, sanction and attribution in', () => {
    for (const e of visibleEvents(events, false)) {
      expect(isBackground(e.category, e.fact), `${e.entityId} ${e.date}`).toBe(false);
    }
    const hidden = events.filter((e) => e.background);
    expect(hidden.length).toBeGreaterThan(10);
    for (const e of hidden) {
      expect(e.fact.status, `${e.entityId} ${e.date}`).toBe('established');
      expect(['person', 'organization', 'place']).toContain(e.category);
    }
    expect(
      visibleEvents(events, false).some((e) => e.entityId === 'park-jin-hyok' && e.fact.status === 'charged'),
    ).toBe(true);
    expect(visibleEvents(events, true)).toHaveLength(events.length);
  });

  it('reaches the later record in order', () => {
    const shown = visibleEvents(events, false);
    expect(shown.map((e) => e.date)).toEqual([...shown.map((e) => e.date)].sort());
    expect(shown.some((e) => e.entityId === 'bybit-hack-2025')).toBe(true);
  });
});

describe('<CaseTimeline>', () => {
  const root = document.createElement('div');
  afterEach(() => render(null, root));

  it('hides background behind a checkbox and shows it when ticked', () => {
    act(() => render(<CaseTimeline events={events} onPage={new Set()} onOpen={() => {}} />, root));
    const count = () => root.querySelectorAll('.pl-event').length;
    expect(count()).toBe(visibleEvents(events, false).length);
    expect(root.querySelector('[data-background="true"]')).toBeNull();
    const box = root.querySelector<HTMLInputElement>('.pl-background-toggle input')!;
    act(() => box.click());
    expect(count()).toBe(events.length);
    expect(root.querySelector('[data-entity="john-demers"][data-background="true"]')).not.toBeNull();
  });
});

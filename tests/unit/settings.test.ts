import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isActiveOn, loadSettings, sanitizeSettings } from '../../lib/settings';

describe('settings', () => {
  it('falls back to defaults for anything corrupt', () => {
    for (const raw of [null, undefined, 42, 'on', [], { enabled: 'yes' }, { categories: 'all' }]) {
      expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps what is valid and repairs the rest', () => {
    const s = sanitizeSettings({
      enabled: false,
      categories: { person: false, group: 'no', nonsense: true },
      disabledSites: ['b.example', 3, '', 'a.example', 'b.example'],
      extra: 1,
    });
    expect(s.enabled).toBe(false);
    expect(s.categories.person).toBe(false);
    expect(s.categories.group).toBe(true);
    expect(s.categories).not.toHaveProperty('nonsense');
    expect(s.disabledSites).toEqual(['a.example', 'b.example']);
    expect(s).not.toHaveProperty('extra');
  });

  it('repairs a corrupt stored value when it is read', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ settings: { enabled: 'maybe', categories: null } });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const stored = await fakeBrowser.storage.local.get('settings');
    expect(stored.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('is off for disabled sites and when the master switch is off', () => {
    const s = sanitizeSettings({ disabledSites: ['news.example'] });
    expect(isActiveOn(s, 'news.example')).toBe(false);
    expect(isActiveOn(s, 'other.example')).toBe(true);
    expect(isActiveOn({ ...s, enabled: false }, 'other.example')).toBe(false);
  });
});

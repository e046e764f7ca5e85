import { describe, expect, it } from 'vitest';
import { excludedPatterns, NO_PAGE, PATCH_ID, patchRegistration } from '../../lib/page-world';
import { DEFAULT_SETTINGS, FILE_SITE, isActiveOn } from '../../lib/settings';

describe('where the page-world patch runs', () => {
  it('nowhere with the master switch off', () => {
    expect(patchRegistration({ ...DEFAULT_SETTINGS, enabled: false })).toBeNull();
  });

  it('everywhere Case Lens runs, in the page world at document_start, in every frame', () => {
    const registration = patchRegistration(DEFAULT_SETTINGS)!;
    expect(registration).toMatchObject({
      id: PATCH_ID,
      js: ['shadow-watch.js'],
      world: 'MAIN',
      runAt: 'document_start',
      allFrames: true,
      matchOriginAsFallback: true,
    });
    // Only the pattern no page matches: an update then always replaces the exclusions it had.
    expect(registration.excludeMatches).toEqual([NO_PAGE]);
  });

  it('not on a site switched off: its host, with www. (an IP address has none), on any scheme; every local file is one site', () => {
    const sites = ['example.com', 'news.example', '127.0.0.1', FILE_SITE];
    expect(excludedPatterns(sites)).toEqual([
      '*://example.com/*',
      '*://www.example.com/*',
      '*://news.example/*',
      '*://www.news.example/*',
      '*://127.0.0.1/*',
      'file:///*',
    ]);
    // The same hosts as the per-site switch itself: a subdomain other than www. stays on.
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(isActiveOn(settings, 'www.example.com')).toBe(false);
    expect(isActiveOn(settings, 'blog.example.com')).toBe(true);
    expect(patchRegistration(settings)!.excludeMatches).not.toContain('*://blog.example.com/*');
  });

  it('leaves out a site no match pattern can name, rather than make the whole registration fail', () => {
    expect(excludedPatterns(['[::1]', 'bad host', 'ok.example'])).toEqual(['*://ok.example/*', '*://www.ok.example/*']);
  });
});

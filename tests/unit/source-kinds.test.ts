// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadEntityFiles } from '../../scripts/fact-files';
import {
  bestKind,
  CITABLE_KINDS,
  duplicateSites,
  SITE_COUNT,
  SOURCE_KINDS,
  siteTable,
  sourceKind,
  uncitedRecords,
} from '../../facts/source-kinds';

describe('sourceKind: one table from site to kind', () => {
  it('decides by the site a page is on', () => {
    expect(sourceKind('https://home.treasury.gov/news/press-releases/sm473')).toBe('official');
    expect(sourceKind('https://attack.mitre.org/groups/G0032')).toBe('official');
    expect(sourceKind('https://jurist.org/news/2021/02/north-koreans-charged')).toBe('court');
    expect(sourceKind('https://www.usatoday.com/story/news/politics/2021/02/17/x/')).toBe('news');
    expect(sourceKind('https://securelist.com/lazarus-under-the-hood/77908/')).toBe('research');
    expect(sourceKind('https://en.wikipedia.org/wiki/John_Demers')).toBe('reference');
    expect(sourceKind('https://mcc.exchange/2021/02/17/north-korean-programmers-indicted/')).toBe('other');
  });

  it('covers subdomains of a listed site, ignores www., case and a trailing dot', () => {
    expect(sourceKind('http://uk.reuters.com/article/usa-fed-bangladesh-idUKL1N16G19L')).toBe('news');
    expect(sourceKind('http://cn.reuters.com/article/x')).toBe('news');
    expect(sourceKind('HTTPS://WWW.Reuters.COM./article/x')).toBe('news');
    expect(sourceKind('https://us-cert.cisa.gov/ncas/alerts/aa20-239a')).toBe('official');
  });

  it('counts a copy on another site as that site: the longest listed key wins', () => {
    // A publisher's own space on a hosting platform is the publisher; the platform is not.
    expect(sourceKind('https://maltatoday.uberflip.com/i/1409324-maltatoday-12-september-2021/1')).toBe('news');
    expect(sourceKind('https://someone.uberflip.com/i/1')).toBe('other');
    expect(sourceKind('https://thenextweb.pages.dev/posts/us-sanctions')).toBe('other');
    // Reuters copy on Yahoo and a Wikipedia copy on a content farm count as Yahoo and the farm.
    expect(sourceKind('https://ca.news.yahoo.com/mississauga-man-pleads-guilty-laundering-180837989.html')).toBe(
      'other',
    );
    expect(sourceKind('https://profilpelajar.com/article/Bangladesh_Bank_robbery')).toBe('other');
  });

  it('judges shared code hosts by the account that publishes there', () => {
    expect(sourceKind('https://github.com/mitre/cti/blob/master/enterprise-attack/x.json')).toBe('official');
    expect(sourceKind('https://github.com/MISP/misp-galaxy/blob/9434ace4eb92/clusters/tool.json')).toBe('research');
    expect(sourceKind('https://github.com/openhunting-io/openhunting-io/blob/x/threat/lazarus.js')).toBe('other');
    expect(sourceKind('https://github.com/')).toBe('other');
  });

  it('calls unknown sites and bad URLs "other"', () => {
    expect(sourceKind('https://example.org/page')).toBe('other');
    expect(sourceKind('not a url')).toBe('other');
    expect(sourceKind('')).toBe('other');
  });

  it('names each site once, in lower case, under exactly one kind', () => {
    expect(duplicateSites()).toEqual([]);
    const table = siteTable();
    expect(table).toHaveLength(SITE_COUNT);
    for (const { site, kind } of table) {
      expect(site, site).toBe(site.toLowerCase());
      expect(site, site).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}(\/[a-z0-9_.-]+)?$/);
      expect(sourceKind(`https://${site}/x`), site).toBe(kind);
    }
  });

  it('ranks kinds: the best of several sources counts', () => {
    expect(SOURCE_KINDS[0]).toBe('official');
    expect([...CITABLE_KINDS].sort()).toEqual(['court', 'news', 'official', 'research']);
    expect(bestKind([{ url: 'https://mcc.exchange/x' }, { url: 'https://jurist.org/x' }])).toBe('court');
    expect(bestKind([{ url: 'https://mcc.exchange/x' }])).toBe('other');
  });
});

describe('the bundled record rests on sources a journalist would cite', () => {
  const entries = loadEntityFiles();

  it('gives every fact and claim at least one official, court, news or research source', () => {
    // The failure lists each entity file and fact, so the fix is obvious.
    expect(uncitedRecords(entries)).toEqual([]);
  });

  it('names the file and the fact when one does not', () => {
    const entity = structuredClone(entries[0]!.entity);
    entity.facts[0]!.sources = [{ title: 'A crypto blog', url: 'https://mcc.exchange/x' }];
    entity.claims = [];
    const gaps = uncitedRecords([{ fileName: 'x.json', entity }]);
    expect(gaps).toEqual([`x.json: fact "${entity.facts[0]!.text}"`]);
  });
});

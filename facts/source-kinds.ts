/**
 * What kind of source a cited page is, decided by the site it is on: one table
 * from site to kind, never per fact, so that the same site reads the same in
 * every card. A copy of an agency's release on a crypto blog is a crypto blog:
 * the reader can only trust the page the link opens.
 *
 * Pure: no DOM, no browser API (the card, the popup and the store test use it).
 */

export const SOURCE_KINDS = ['official', 'court', 'news', 'research', 'reference', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The kinds a journalist would cite for a fact on their own. */
export const CITABLE_KINDS: ReadonlySet<SourceKind> = new Set<SourceKind>(['official', 'court', 'news', 'research']);

export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  official: 'Official',
  court: 'Court',
  news: 'News',
  research: 'Research',
  reference: 'Reference',
  other: 'Other',
};

/**
 * Site → kind. A key is a host without "www."; it covers its subdomains too
 * ("reuters.com" covers "uk.reuters.com"), unless a longer key names the
 * subdomain itself. On shared code hosts the owner is the publisher, so a key
 * may add the first path segment ("github.com/mitre" is MITRE's own
 * repository; the rest of github.com is "other"). Sites not listed are
 * "other". Keep each group sorted; see facts/README.md.
 */
const SITE_KINDS: Record<SourceKind, readonly string[]> = {
  // Government agencies, legislatures, regulators, central banks, MITRE.
  official: [
    'attack.mitre.org',
    'cisa.gov',
    'csa.gov.sg',
    'fbi.gov',
    'fraser.stlouisfed.org',
    'github.com/mitre',
    'house.gov',
    'justice.gov',
    'nao.org.uk',
    'newyorkfed.org',
    'parliament.uk',
    'secretservice.gov',
    'senate.gov',
    'treasury.gov',
    'us-cert.gov',
  ],
  // Court records and reporting that covers the courts.
  court: ['courthousenews.com', 'courtlistener.com', 'jurist.org', 'law360.com'],
  // Established news organisations with a newsroom: wire services, papers, broadcasters, national and trade outlets.
  news: [
    'apnews.com',
    'avclub.com',
    'bankinfosecurity.com',
    'bbc.co.uk',
    'bbc.com',
    'bdnews24.com',
    'billboard.com',
    'bleepingcomputer.com',
    'bna.com',
    'bostonglobe.com',
    'business-standard.com',
    'businessinsider.com.au',
    'bworldonline.com',
    'canadiansecuritymag.com',
    'cbs8.com',
    'cbsnews.com',
    'chosun.com',
    'cityam.com',
    'cnn.com',
    'coindesk.com',
    'computing.co.uk',
    'csoonline.com',
    'decrypt.co',
    'ctpublic.org',
    'dlnews.com',
    'donga.com',
    'economictimes.com',
    'edmontonjournal.com',
    'emtv.com.pg',
    'fastcompany.com',
    'finextra.com',
    'freightwaves.com',
    'ft.lk',
    'gizmodo.com',
    'hollywoodreporter.com',
    'hsj.co.uk',
    'hurriyetdailynews.com',
    'independent.ie',
    'indiewire.com',
    'infosecurity-magazine.com',
    'itnews.com.au',
    'itv.com',
    'japantoday.com',
    'joongang.co.kr',
    'kbs.co.kr',
    'kmib.co.kr',
    'koreaherald.com',
    'koreajoongangdaily.joins.com',
    'koreatimesus.com',
    'kyma.com',
    'latimes.com',
    'maltatoday.com.mt',
    'maltatoday.uberflip.com',
    'newsweek.com',
    'nippon.com',
    'nknews.org',
    'npr.org',
    'nytimes.com',
    'pe.com',
    'politico.com',
    'profit.pakistantoday.com.pk',
    'r7.com',
    'rbnett.no',
    'reuters.com',
    'rfa.org',
    'samaa.tv',
    'securitymagazine.com',
    'segye.com',
    'siliconrepublic.com',
    'standard.co.uk',
    'straitstimes.com',
    'sun-sentinel.com',
    'taipeitimes.com',
    'tbsnews.net',
    'techcrunch.com',
    'theblock.co',
    'thedailystar.net',
    'theguardian.com',
    'thehill.com',
    'thepaypers.com',
    'therecord.media',
    'thespec.com',
    'thestar.com',
    'theverge.com',
    'thisdaylive.com',
    'threatpost.com',
    'time.com',
    'timesofmalta.com',
    'tomshardware.com',
    'tvm.com.mt',
    'tweakers.net',
    'upi.com',
    'usatoday.com',
    'vrt.be',
    'washingtonpost.com',
    'wsj.com',
    'yna.co.kr',
    'yna.kr',
    'yomiuri.co.jp',
    'zdnet.com',
  ],
  // Established research houses, think tanks and security vendors' research; the MISP threat-intelligence catalogue.
  research: ['cfr.org', 'eurepoc.eu', 'github.com/misp', 'securelist.com', 'securityintelligence.com'],
  // Encyclopedias.
  reference: ['en.vikidia.org', 'wikipedia.org', 'wikiwand.com'],
  // Listed to say so: aggregators, hosting platforms and mirrors that carry copies of others' pages.
  other: ['github.com', 'pages.dev', 'uberflip.com', 'yahoo.com'],
};

const KIND_BY_SITE: ReadonlyMap<string, SourceKind> = new Map(
  SOURCE_KINDS.flatMap((kind) => SITE_KINDS[kind].map((site) => [site, kind] as const)),
);

/** How many sites the table names. */
export const SITE_COUNT = KIND_BY_SITE.size;

/** Every site the table names with its kind, for the README and the tests. */
export function siteTable(): { site: string; kind: SourceKind }[] {
  return SOURCE_KINDS.flatMap((kind) => SITE_KINDS[kind].map((site) => ({ site, kind })));
}

/** The host a URL is judged by, without "www." and a trailing dot, lower case; null for no URL. */
export function siteOf(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return host.replace(/\.$/, '').replace(/^www\./, '') || null;
}

/**
 * The kind of the page at `url`: the host with its first path segment when the
 * table names that, else the longest listed site the host is or is under;
 * "other" when none.
 */
export function sourceKind(url: string): SourceKind {
  const host = siteOf(url);
  if (!host) return 'other';
  const owner = new URL(url).pathname.split('/')[1]?.toLowerCase();
  if (owner) {
    const kind = KIND_BY_SITE.get(`${host}/${owner}`);
    if (kind) return kind;
  }
  for (let key = host; key.includes('.'); key = key.slice(key.indexOf('.') + 1)) {
    const kind = KIND_BY_SITE.get(key);
    if (kind) return kind;
  }
  return 'other';
}

/** Sites listed under two kinds would make the table ambiguous; the test checks there are none. */
export function duplicateSites(): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const kind of SOURCE_KINDS) {
    for (const site of SITE_KINDS[kind]) {
      if (seen.has(site)) twice.push(site);
      seen.add(site);
    }
  }
  return twice;
}

/** True when at least one of the sources is of a kind a journalist would cite. */
export function restsOnCitable(sources: readonly { url: string }[]): boolean {
  return sources.some((s) => CITABLE_KINDS.has(sourceKind(s.url)));
}

/** The best kind among the sources, in the order of SOURCE_KINDS. */
export function bestKind(sources: readonly { url: string }[]): SourceKind {
  let best = SOURCE_KINDS.length - 1;
  for (const s of sources) best = Math.min(best, SOURCE_KINDS.indexOf(sourceKind(s.url)));
  return SOURCE_KINDS[best]!;
}

/**
 * Every fact and claim in the given entity files that rests on no citable
 * source, as "file: fact \"text\"" lines (empty when the record is sound).
 */
export function uncitedRecords(
  files: readonly {
    fileName: string;
    entity: {
      facts: readonly { text: string; sources: readonly { url: string }[] }[];
      claims: readonly { about: string; sources: readonly { url: string }[] }[];
    };
  }[],
): string[] {
  const gaps: string[] = [];
  for (const { fileName, entity } of files) {
    for (const f of entity.facts) if (!restsOnCitable(f.sources)) gaps.push(`${fileName}: fact "${f.text}"`);
    for (const c of entity.claims) if (!restsOnCitable(c.sources)) gaps.push(`${fileName}: claim "${c.about}"`);
  }
  return gaps;
}

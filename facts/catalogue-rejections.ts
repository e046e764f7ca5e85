/**
 * Names that ATT&CK or the MISP galaxy give a case entity and that the store
 * leaves out on purpose, each with one reason from a closed set. The alias
 * check (tests/unit/catalogue-aliases.test.ts) fails on any catalogue name the
 * store neither carries nor rejects here, and on a rejection no catalogue
 * name needs any more.
 */

export const REJECTION_REASONS = [
  /** The catalogue files the name under this group; the store keeps it with another entity or form. */
  'filed-under-another-group',
  /** An operation or campaign label, not a name the group goes by. */
  'campaign-not-name',
  /** A catalogue's own id (G0032) listed among the synonyms. */
  'catalogue-id',
  /** A catalogue label (a platform suffix, a "Subgroup:" prefix, an umbrella family label), not a name used in text. */
  'not-a-name',
  /** A place or common word: highlighting it would mark unrelated pages. */
  'too-ambiguous',
  /** A vendor's name that no stored source outside the catalogue ties to this entity. */
  'unconfirmed-vendor-name',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface CatalogueRejection {
  /** Store entity whose catalogue entry lists the name. */
  entity: string;
  alias: string;
  reason: RejectionReason;
  note: string;
}

export const CATALOGUE_REJECTIONS: readonly CatalogueRejection[] = [
  {
    entity: 'andariel',
    alias: 'OperationTroy',
    reason: 'campaign-not-name',
    note: "MISP's Silent Chollima entry lists McAfee's campaign label; the store keeps Operation Troy as a campaign entity of its own.",
  },
  {
    entity: 'andariel',
    alias: 'Guardian of Peace',
    reason: 'filed-under-another-group',
    note: "MISP files this form under Silent Chollima; the store keeps Guardians of Peace as the Sony attackers' own entity, as ATT&CK does under Lazarus.",
  },
  {
    entity: 'andariel',
    alias: 'Subgroup: Andariel',
    reason: 'not-a-name',
    note: 'A MISP label with a "Subgroup:" prefix; Andariel itself is carried.',
  },
  {
    entity: 'andariel',
    alias: 'StoneFly',
    reason: 'unconfirmed-vendor-name',
    note: "Microsoft's list gives Symantec's name; no stored source outside the catalogue ties it to Andariel, and stonefly is also an insect.",
  },
  {
    entity: 'andariel',
    alias: 'Tdrop2 campaign',
    reason: 'campaign-not-name',
    note: "A campaign label in Microsoft's Onyx Sleet entry, not a name of the group.",
  },
  {
    entity: 'andariel',
    alias: 'Black Chollima',
    reason: 'unconfirmed-vendor-name',
    note: "Only Microsoft's list gives it; no stored source ties it to Andariel.",
  },
  {
    entity: 'applejeus',
    alias: 'AppleJeus (OS X)',
    reason: 'not-a-name',
    note: "Malpedia's per-platform label; AppleJeus itself is carried.",
  },
  {
    entity: 'applejeus',
    alias: 'AppleJeus (Windows)',
    reason: 'not-a-name',
    note: "Malpedia's per-platform label; AppleJeus itself is carried.",
  },
  {
    entity: 'apt38-bluenoroff',
    alias: 'Genie Spider',
    reason: 'unconfirmed-vendor-name',
    note: "Only Microsoft's Sapphire Sleet entry gives it; no stored source ties it to APT38.",
  },
  {
    entity: 'apt38-bluenoroff',
    alias: 'UNC1069',
    reason: 'unconfirmed-vendor-name',
    note: "Only Microsoft's Sapphire Sleet entry gives it; no stored source ties it to APT38.",
  },
  {
    entity: 'apt38-bluenoroff',
    alias: 'Alluring Pisces',
    reason: 'unconfirmed-vendor-name',
    note: "Only Microsoft's Sapphire Sleet entry gives it; no stored source ties it to APT38.",
  },
  {
    entity: 'apt38-bluenoroff',
    alias: 'CageyChameleon',
    reason: 'unconfirmed-vendor-name',
    note: "Only Microsoft's Sapphire Sleet entry gives it; no stored source ties it to APT38.",
  },
  {
    entity: 'apt38-bluenoroff',
    alias: 'CryptoCore',
    reason: 'unconfirmed-vendor-name',
    note: "Only Microsoft's Sapphire Sleet entry gives it; other vendors use CryptoCore for a separate cluster.",
  },
  {
    entity: 'destover',
    alias: 'Sierra(Alfa,Bravo, ...)',
    reason: 'not-a-name',
    note: "Malpedia's umbrella label for a family of tools; Destover itself is carried.",
  },
  {
    entity: 'lazarus-group',
    alias: 'Subgroup: Bluenoroff',
    reason: 'not-a-name',
    note: 'A MISP label with a "Subgroup:" prefix; Bluenoroff is carried on the APT38 entity.',
  },
  {
    entity: 'lazarus-group',
    alias: 'Operation GhostSecret',
    reason: 'campaign-not-name',
    note: "McAfee's 2018 campaign label, not a name of the group.",
  },
  {
    entity: 'lazarus-group',
    alias: 'G0032',
    reason: 'catalogue-id',
    note: "ATT&CK's id for Lazarus Group, listed among MISP's synonyms; the store keeps it in catalogueIds.",
  },
  {
    entity: 'lazarus-group',
    alias: 'G0082',
    reason: 'catalogue-id',
    note: "ATT&CK's id for APT38, listed among MISP's Lazarus synonyms; kept in the APT38 entity's catalogueIds.",
  },
  {
    entity: 'tradertraitor',
    alias: 'Pukchong',
    reason: 'too-ambiguous',
    note: 'Pukchong is a county in North Korea; highlighting it would mark pages about the place.',
  },
];

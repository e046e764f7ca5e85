import record from 'virtual:page-record';
import type { ClaimSubject } from './claims';
import type { LexiconEntity } from './lexicon';

// Made from the entity files when the extension is built (facts/page-record.ts): the names and the
// claims without their sources; facts and sources stay with the background.
export const bundledLexicon: LexiconEntity[] = record.lexicon;
export const bundledClaimSubjects: ClaimSubject[] = record.claimSubjects;

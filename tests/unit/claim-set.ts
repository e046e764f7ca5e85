import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Finding } from '../../facts/claims';

/**
 * The labelled claim sentences (tests/fixtures/claims/sentences.json) and how
 * the checker is scored on them. Labels say what the record says about each
 * stated value: "confirmed", "contradicted", or "none" (the value must not be
 * judged: a maximum term, another quantity, a value not tied to the case).
 */

export type Label = 'confirmed' | 'contradicted' | 'none';

export interface LabelledValue {
  stated: string;
  verdict: Label;
  /** The entities whose record the value may be judged against (the three defendants share the total, say). */
  entity: string[];
}

export interface LabelledSentence {
  id: string;
  group: string;
  text: string;
  /** The run around the sentence, when the sentence needs it (references across sentences). */
  paragraph?: string;
  source?: string;
  names: { text: string; entity: string }[];
  paragraphNames?: { text: string; entity: string }[];
  values: LabelledValue[];
  caseContext?: false;
  note?: string;
}

const SET_PATH = resolve(process.cwd(), 'tests/fixtures/claims/sentences.json');

export function loadClaimSet(): LabelledSentence[] {
  const set = JSON.parse(readFileSync(SET_PATH, 'utf8')) as LabelledSentence[];
  for (const s of set) {
    if (s.paragraph !== undefined && !s.paragraph.includes(s.text)) {
      throw new Error(`${s.id}: the sentence is not in its paragraph`);
    }
    for (const v of s.values) {
      if (!s.text.includes(v.stated)) throw new Error(`${s.id}: "${v.stated}" is not in the sentence`);
    }
  }
  return set;
}

export interface SentenceScore {
  /** Judgements that agree with a label (verdict and entity). */
  right: Finding[];
  /** Judgements of a value labelled "none", with the wrong verdict or entity, or of a value not labelled at all. */
  wrong: Finding[];
  /** Labelled verdicts the checker did not give. */
  missed: LabelledValue[];
}

/** Scores the findings of the sentence's run that lie inside the sentence. */
export function scoreSentence(s: LabelledSentence, findings: Finding[]): SentenceScore {
  const run = s.paragraph ?? s.text;
  const from = run.indexOf(s.text);
  const to = from + s.text.length;
  const inside = findings.filter((f) => f.start >= from && f.end <= to);
  const right: Finding[] = [];
  const wrong: Finding[] = [];
  const found = new Set<LabelledValue>();
  for (const f of inside) {
    const label = s.values.find(
      (v) => v.stated === f.stated && v.verdict === f.verdict && v.entity.includes(f.entityId),
    );
    if (label) {
      right.push(f);
      found.add(label);
    } else {
      wrong.push(f);
    }
  }
  const missed = s.values.filter((v) => v.verdict !== 'none' && !found.has(v));
  return { right, wrong, missed };
}

export interface SetFigures {
  sentences: number;
  /** Sentences with at least one labelled verdict. */
  labelled: number;
  /** Sentences where the checker judged anything, and those where all it judged is right. */
  judged: number;
  judgedRight: number;
  /** Labelled sentences where the checker gave every labelled verdict and nothing wrong. */
  complete: number;
  precision: number;
  recall: number;
  values: { right: number; wrong: number; missed: number };
  /** The same recall over contradictions only (what the reader is warned of). */
  contradictionRecall: number;
}

export function figures(scores: { sentence: LabelledSentence; score: SentenceScore }[]): SetFigures {
  let labelled = 0;
  let judged = 0;
  let judgedRight = 0;
  let complete = 0;
  let contradictions = 0;
  let contradictionsFound = 0;
  const values = { right: 0, wrong: 0, missed: 0 };
  for (const { sentence, score } of scores) {
    const expected = sentence.values.filter((v) => v.verdict !== 'none');
    values.right += score.right.length;
    values.wrong += score.wrong.length;
    values.missed += score.missed.length;
    if (score.right.length + score.wrong.length > 0) {
      judged += 1;
      if (score.wrong.length === 0) judgedRight += 1;
    }
    if (expected.length > 0) {
      labelled += 1;
      if (score.missed.length === 0 && score.wrong.length === 0) complete += 1;
    }
    for (const v of expected.filter((e) => e.verdict === 'contradicted')) {
      contradictions += 1;
      if (!score.missed.includes(v)) contradictionsFound += 1;
    }
  }
  return {
    sentences: scores.length,
    labelled,
    judged,
    judgedRight,
    complete,
    precision: judged === 0 ? 1 : judgedRight / judged,
    recall: labelled === 0 ? 1 : complete / labelled,
    values,
    contradictionRecall: contradictions === 0 ? 1 : contradictionsFound / contradictions,
  };
}

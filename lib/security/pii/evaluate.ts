// Scores the detectors against labelled texts (the presidio-research synthetic format): span-level
// precision and recall per type. Matching rule: a detected span and a labelled span of the same type
// match when their overlap covers at least half of each (so at least half of the longer one); each
// labelled span is matched at most once, greedily in order of overlap.
import { z } from 'zod';
import { detectPii } from './detect';
import { piiTypes, type PiiType } from './types';

export const labelledSetSchema = z.array(
  z.object({
    full_text: z.string(),
    spans: z.array(
      z.object({
        entity_type: z.string().min(1),
        entity_value: z.string().optional(),
        start_position: z.number().int().nonnegative(),
        end_position: z.number().int().nonnegative(),
      }),
    ),
  }),
);
export type LabelledSet = z.infer<typeof labelledSetSchema>;

/** The data set's entity types that ours cover; every other label is out of scope (listed in the report). */
export const labelToType: Record<string, PiiType> = {
  EMAIL_ADDRESS: 'EMAIL',
  EMAIL: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  PHONE: 'PHONE',
  US_SSN: 'SSN',
  SSN: 'SSN',
  CREDIT_CARD: 'CARD',
  CREDIT_CARD_NUMBER: 'CARD',
  IBAN_CODE: 'IBAN',
  IBAN: 'IBAN',
  IP_ADDRESS: 'IP',
  IP: 'IP',
  IPV4: 'IP',
  IPV6: 'IP',
  PERSON: 'PERSON',
  PER: 'PERSON',
  PERSON_NAME: 'PERSON',
  NAME: 'PERSON',
};

export const minOverlap = 0.5;

export interface TypeScore {
  labelled: number;
  detected: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  texts: number;
  matchingRule: string;
  perType: Record<PiiType, TypeScore>;
  overall: TypeScore;
  /** Labels present in the set that we do not detect, with their counts. */
  outOfScope: Record<string, number>;
}

interface Span {
  type: PiiType;
  start: number;
  end: number;
}

function overlapShare(a: Span, b: Span): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return 0;
  return Math.min(overlap / (a.end - a.start), overlap / (b.end - b.start));
}

function score(labelled: number, detected: number, matched: number): TypeScore {
  const precision = detected === 0 ? 1 : matched / detected;
  const recall = labelled === 0 ? 1 : matched / labelled;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { labelled, detected, matched, precision, recall, f1 };
}

export function evaluatePii(set: LabelledSet): EvalReport {
  const counts = Object.fromEntries(
    piiTypes.map((type) => [type, { labelled: 0, detected: 0, matched: 0 }]),
  ) as Record<PiiType, { labelled: number; detected: number; matched: number }>;
  const outOfScope: Record<string, number> = {};
  for (const item of set) {
    const gold: Span[] = [];
    for (const span of item.spans) {
      const type = labelToType[span.entity_type.toUpperCase()];
      if (type) gold.push({ type, start: span.start_position, end: span.end_position });
      else outOfScope[span.entity_type] = (outOfScope[span.entity_type] ?? 0) + 1;
    }
    const detected = detectPii(item.full_text);
    for (const span of gold) counts[span.type].labelled++;
    for (const span of detected) counts[span.type].detected++;
    const pairs = detected
      .flatMap((d, di) =>
        gold.map((g, gi) => ({ di, gi, share: d.type === g.type ? overlapShare(d, g) : 0 })),
      )
      .filter((pair) => pair.share >= minOverlap)
      .sort((a, b) => b.share - a.share || a.di - b.di || a.gi - b.gi);
    const usedDetected = new Set<number>();
    const usedGold = new Set<number>();
    for (const pair of pairs) {
      if (usedDetected.has(pair.di) || usedGold.has(pair.gi)) continue;
      usedDetected.add(pair.di);
      usedGold.add(pair.gi);
      const span = detected[pair.di];
      if (span) counts[span.type].matched++;
    }
  }
  const perType = Object.fromEntries(
    piiTypes.map((type) => [type, score(counts[type].labelled, counts[type].detected, counts[type].matched)]),
  ) as Record<PiiType, TypeScore>;
  const sum = (key: 'labelled' | 'detected' | 'matched') =>
    piiTypes.reduce((total, type) => total + counts[type][key], 0);
  return {
    texts: set.length,
    matchingRule: `same type and overlap >= ${minOverlap * 100}% of both spans; one-to-one, largest overlap first`,
    perType,
    overall: score(sum('labelled'), sum('detected'), sum('matched')),
    outOfScope,
  };
}

// How well the semantic cache tells paraphrases from near-misses, on labelled pairs of questions
// (data/cache-pairs/README.md describes the format): each pair scored by embedding similarity and the
// guards, then hit rates for any similarity threshold. Used by bench/cache-quality.ts and
// scripts/eval-cache.ts.
import { z } from 'zod';
import { compareQuestions, type GuardKind, type GuardVerdict } from './guards';

const pairSchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  a: z.string().min(1),
  b: z.string().min(1),
  split: z.string().optional(),
  form: z.string().optional(),
  source: z.string().optional(),
});

/** A labelled pair: `a` is cached, `b` is asked; `kind` "paraphrase" should hit, any other must not. */
export type LabelledPair = z.infer<typeof pairSchema>;

export const PARAPHRASE = 'paraphrase';

/** Pairs from JSON Lines or a JSON array; throws naming the first bad line or item. */
export function parsePairs(text: string): LabelledPair[] {
  const trimmed = text.trim();
  const items: unknown[] = trimmed.startsWith('[')
    ? (JSON.parse(trimmed) as unknown[])
    : trimmed
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => {
          try {
            return JSON.parse(line) as unknown;
          } catch {
            throw new Error(`line ${index + 1} is not JSON`);
          }
        });
  return items.map((item, index) => {
    const parsed = pairSchema.safeParse(item);
    if (!parsed.success)
      throw new Error(`pair ${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  });
}

export type ScoredPair = { pair: LabelledPair; similarity: number; verdict: GuardVerdict };

/** Cosine similarity of two vectors (the embeddings may not be normalised). */
export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
}

/** Scores every pair: the similarity of its two texts' embeddings and the guards' verdict. */
export async function scorePairs(
  pairs: LabelledPair[],
  embedTexts: (texts: string[]) => Promise<number[][]>,
  options: { requireAlignedWords: boolean },
): Promise<ScoredPair[]> {
  const texts = [...new Set(pairs.flatMap((pair) => [pair.a, pair.b]))];
  const vectors = await embedTexts(texts);
  const byText = new Map(texts.map((text, i) => [text, vectors[i]!]));
  return pairs.map((pair) => ({
    pair,
    similarity: cosine(byText.get(pair.a)!, byText.get(pair.b)!),
    verdict: compareQuestions(pair.a, pair.b, options),
  }));
}

/** Whether a scored pair would hit at `threshold`, with or without the guards. */
export function hits(score: ScoredPair, threshold: number, guards = true): boolean {
  return score.similarity >= threshold && (!guards || score.verdict.ok);
}

export type KindRate = { kind: string; pairs: number; hits: number; rate: number };

/** Hits per kind at `threshold`, paraphrases first. */
export function ratesByKind(scores: ScoredPair[], threshold: number, guards = true): KindRate[] {
  const kinds = [...new Set(scores.map((score) => score.pair.kind))].sort((a, b) =>
    a === PARAPHRASE ? -1 : b === PARAPHRASE ? 1 : a.localeCompare(b),
  );
  return kinds.map((kind) => {
    const ofKind = scores.filter((score) => score.pair.kind === kind);
    const hit = ofKind.filter((score) => hits(score, threshold, guards)).length;
    return { kind, pairs: ofKind.length, hits: hit, rate: ofKind.length ? hit / ofKind.length : Number.NaN };
  });
}

export type Summary = {
  threshold: number;
  guards: boolean;
  paraphrases: number;
  paraphraseHits: number;
  nearMisses: number;
  falseHits: number;
};

/** Paraphrase hit rate and near-miss false-hit counts at `threshold`. */
export function summarise(scores: ScoredPair[], threshold: number, guards = true): Summary {
  const paraphrases = scores.filter((score) => score.pair.kind === PARAPHRASE);
  const nearMisses = scores.filter((score) => score.pair.kind !== PARAPHRASE);
  return {
    threshold,
    guards,
    paraphrases: paraphrases.length,
    paraphraseHits: paraphrases.filter((score) => hits(score, threshold, guards)).length,
    nearMisses: nearMisses.length,
    falseHits: nearMisses.filter((score) => hits(score, threshold, guards)).length,
  };
}

/**
 * Upper end of the Wilson score interval (95 %) for `successes` of `trials`: with 0 false hits in
 * 250 near-misses the true rate may still be up to 1.5 %.
 */
export function wilsonUpper(successes: number, trials: number, z95 = 1.96): number {
  if (trials === 0) return Number.NaN;
  const p = successes / trials;
  const denominator = 1 + (z95 * z95) / trials;
  const centre = p + (z95 * z95) / (2 * trials);
  const spread = z95 * Math.sqrt((p * (1 - p)) / trials + (z95 * z95) / (4 * trials * trials));
  return Math.min(1, (centre + spread) / denominator);
}

/** The near-misses each guard refused first, and the paraphrases it cost. */
export function guardCounts(
  scores: ScoredPair[],
): Map<GuardKind, { nearMisses: number; paraphrases: number }> {
  const counts = new Map<GuardKind, { nearMisses: number; paraphrases: number }>();
  for (const score of scores) {
    if (score.verdict.ok) continue;
    const entry = counts.get(score.verdict.guard) ?? { nearMisses: 0, paraphrases: 0 };
    if (score.pair.kind === PARAPHRASE) entry.paraphrases += 1;
    else entry.nearMisses += 1;
    counts.set(score.verdict.guard, entry);
  }
  return counts;
}

// How sure an answer is, and why: grounding (the share of the answer's sentences supported by a
// passage they cite), capped by retrieval (how much of the question the best passages cover), its
// level against the thresholds in config, and a short explanation for people.
import { z } from 'zod';
import { wordWeight } from '@/lib/ai/local/word-weights';
import { confidence as thresholds } from '@/lib/config';
import { NO_RELIABLE_ANSWER } from './answer-metadata';
import { NO_ANSWER } from './prompt';
import { echoesInstructions } from './prompt-leak';
import type { AnswerSource } from './sources';
import { splitSentences, tokenize } from './text';

export type ConfidenceLevel = 'high' | 'low' | 'insufficient';

export type Confidence = {
  /** 0..1. */
  score: number;
  level: ConfidenceLevel;
  /** Share of the question's content words found in the three best passages, weighted by rarity. */
  retrieval: number;
  /** Share of the answer's sentences supported by a passage they cite. */
  grounding: number;
  supportedSentences: number;
  sentences: number;
};

export { NO_RELIABLE_ANSWER };

const CITATION = /\[(\d+)\]/g;

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/**
 * Share of the question's content words that appear in the three best passages, each word weighted
 * by how rare it is in general English (lib/ai/local/word-weights.ts): missing "pgvector" matters,
 * missing "use" hardly does.
 */
export function retrievalCoverage(question: string, sources: readonly AnswerSource[]): number {
  const terms = [...new Set(tokenize(question))];
  if (terms.length === 0 || sources.length === 0) return 0;
  const seen = new Set(
    sources.slice(0, 3).flatMap((source) => tokenize(`${source.headingPath} ${source.text}`)),
  );
  const weigh = (words: string[]) => words.reduce((sum, term) => sum + wordWeight(term), 0);
  return share(weigh(terms.filter((term) => seen.has(term))), weigh(terms));
}

/** Sentences of the answer supported by a passage they cite. */
export function grounding(
  answer: string,
  sources: readonly AnswerSource[],
): { supported: number; sentences: number } {
  const byNumber = new Map(sources.map((source) => [source.n, new Set(tokenize(source.text))]));
  let supported = 0;
  let sentences = 0;
  // "It is fast. [1]" cites the sentence before the marker: move markers inside their sentence.
  const attached = answer.replace(/([.!?])((?:\s*\[\d+\])+)/g, '$2$1');
  for (const sentence of splitSentences(attached)) {
    const terms = new Set(tokenize(sentence.replace(CITATION, ' ')));
    // "See [2]." or a bare heading carries no claim to check.
    if (terms.size < 2) continue;
    sentences += 1;
    const cited = [...sentence.matchAll(CITATION)].map((match) => byNumber.get(Number(match[1])));
    const best = Math.max(
      0,
      ...cited.map((passage) =>
        passage ? share([...terms].filter((term) => passage.has(term)).length, terms.size) : 0,
      ),
    );
    if (best >= thresholds.sentenceSupport) supported += 1;
  }
  return { supported, sentences };
}

export function levelOf(score: number): ConfidenceLevel {
  if (score >= thresholds.pass) return 'high';
  if (score >= thresholds.answer) return 'low';
  return 'insufficient';
}

export function assessConfidence(input: {
  question: string;
  answer: string;
  sources: readonly AnswerSource[];
}): Confidence {
  const retrieval = retrievalCoverage(input.question, input.sources);
  const { supported, sentences } = grounding(input.answer, input.sources);
  const grounded = share(supported, sentences);
  // Declining to answer, and echoing the instructions, both leave nothing to pass on.
  const declined =
    input.answer.trim() === '' || input.answer.includes(NO_ANSWER) || echoesInstructions(input.answer);
  // Grounding is the measure; weak retrieval caps it (an answer well grounded in passages that miss
  // half of what was asked is still a poor answer).
  const { retrievalFloor: floor, retrievalSaturation: full } = thresholds;
  const retrievalFactor = Math.min(1, Math.max(0, (retrieval - floor) / (full - floor)));
  const score = declined ? 0 : Math.round(grounded * retrievalFactor * 100) / 100;
  return {
    score,
    level: levelOf(score),
    retrieval: Math.round(retrieval * 100) / 100,
    grounding: Math.round(grounded * 100) / 100,
    supportedSentences: supported,
    sentences,
  };
}

const storedConfidenceSchema = z.object({
  score: z.number().min(0).max(1),
  retrieval: z.number().min(0).max(1),
  grounding: z.number().min(0).max(1),
  supportedSentences: z.number().int().min(0),
  sentences: z.number().int().min(0),
});

/**
 * The assessment stored with a cached answer (its `assessment` metadata), to serve an exact hit
 * without assessing the same answer to the same question again; its level follows today's
 * thresholds. Null when absent or malformed (an entry from before it was stored): assess again.
 */
export function storedConfidence(metadata: Record<string, unknown>): Confidence | null {
  const parsed = storedConfidenceSchema.safeParse(metadata.assessment);
  return parsed.success ? { ...parsed.data, level: levelOf(parsed.data.score) } : null;
}

export type Explanation = {
  /** One line: "Confident (94 %) that the answer is supported by the cited passages." */
  summary: string;
  level: ConfidenceLevel;
  confidence: number;
  /** The human oversight this answer gets. */
  oversight: string;
  factors: {
    topSources: Array<{ n: number; label: string; score: number }>;
    route: { model: string; tier: string; reason: string };
    cacheHit: boolean;
    fallback: string | null;
    retrievalCoverage: number;
    grounding: string;
    /** The question looked like a prompt injection (flag or allow mode). */
    injection: { score: number; categories: string[]; action: string } | null;
  };
};

const percent = (value: number) => `${Math.round(value * 100)} %`;

export function explain(input: {
  confidence: Confidence;
  sources: readonly AnswerSource[];
  route: { model: string; tier: string; reason: string };
  cacheHit: boolean;
  fallback: string | null;
  injection?: { score: number; categories: string[]; action: string } | null;
}): Explanation {
  const { confidence } = input;
  const summary =
    confidence.level === 'high'
      ? `Confident (${percent(confidence.score)}) that the answer is supported by the cited passages.`
      : confidence.level === 'low'
        ? `Low confidence (${percent(confidence.score)}): parts of the answer may not be supported by the passages.`
        : `No reliable answer (${percent(confidence.score)}): the documents do not clearly answer this.`;
  const oversight =
    confidence.level === 'high'
      ? 'Passed automatically.'
      : confidence.level === 'low'
        ? 'Shown with a note and queued for review by an admin.'
        : 'Withheld: only the closest passages are shown.';
  return {
    summary,
    level: confidence.level,
    confidence: confidence.score,
    oversight,
    factors: {
      topSources: input.sources.slice(0, 3).map(({ n, label, score }) => ({ n, label, score })),
      route: input.route,
      cacheHit: input.cacheHit,
      fallback: input.fallback,
      injection: input.injection ?? null,
      retrievalCoverage: confidence.retrieval,
      grounding: `${confidence.supportedSentences} of ${confidence.sentences} sentences supported by a cited passage`,
    },
  };
}

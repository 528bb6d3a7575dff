// What an answer cites: each passage it was given, numbered as the answer cites it ([n]).
import type { Passage } from './retrieve';

export type AnswerSource = {
  /** The number the answer cites it by, as in [1]. */
  n: number;
  chunkId: string;
  documentId: string;
  /** Document title. */
  title: string;
  /** File name or path the document came from. */
  source: string;
  /** "handbook.pdf › p. 12 › Refunds": how the source is shown. */
  label: string;
  /** Headings above the passage, e.g. "Setup > Linux". */
  headingPath: string;
  /** Page of the source file (PDF), from 1; null for formats without pages. */
  page: number | null;
  /** Retrieval score of the final ranking (fused, or reranked when a reranker ran). */
  score: number;
  /** The passage itself, as it was when the answer was given. */
  text: string;
};

/** How a passage is labelled in the answer's sources: "README.md › Quick start", "handbook.pdf › p. 2 › Refunds". */
export function sourceLabel(passage: Pick<Passage, 'source' | 'title' | 'headingPath' | 'page'>): string {
  return [passage.source || passage.title, passage.page ? `p. ${passage.page}` : '', passage.headingPath]
    .filter(Boolean)
    .join(' › ');
}

export function toAnswerSource(passage: Passage): AnswerSource {
  const final = passage.scores.rerank ?? passage.scores.fused;
  return {
    n: passage.n,
    chunkId: passage.id,
    documentId: passage.documentId,
    title: passage.title,
    source: passage.source,
    label: sourceLabel(passage),
    headingPath: passage.headingPath,
    page: passage.page,
    score: final.score,
    text: passage.text,
  };
}

/** Sources as kept on the query log: everything but the passage text, which the chunk row holds. */
export function withoutText(sources: AnswerSource[]): Array<Omit<AnswerSource, 'text'>> {
  return sources.map((source) => {
    const rest: Partial<AnswerSource> = { ...source };
    delete rest.text;
    return rest as Omit<AnswerSource, 'text'>;
  });
}

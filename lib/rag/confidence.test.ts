import { describe, expect, it } from 'vitest';
import {
  assessConfidence,
  explain,
  grounding,
  levelOf,
  retrievalCoverage,
  storedConfidence,
} from './confidence';
import { NO_ANSWER } from './prompt';
import type { AnswerSource } from './sources';

const source = (n: number, text: string, headingPath = ''): AnswerSource => ({
  n,
  chunkId: `c${n}`,
  documentId: `d${n}`,
  title: 'Guide',
  source: 'guide.md',
  label: `guide.md › ${headingPath}`,
  headingPath,
  page: null,
  score: 0.5 / n,
  text,
});

const sources = [
  source(
    1,
    'Set DATABASE_URL to a Postgres server that has the pgvector extension installed.',
    'Own database',
  ),
  source(2, 'Take nightly snapshots of the database volume and keep them for thirty days.', 'Backups'),
];

describe('confidence', () => {
  it('is high for an answer whose every sentence is supported by the passage it cites', () => {
    const result = assessConfidence({
      question: 'How do I use my own Postgres server?',
      answer: 'Set DATABASE_URL to a Postgres server that has the pgvector extension installed [1].',
      sources,
    });
    expect(result).toMatchObject({ level: 'high', supportedSentences: 1, sentences: 1 });
    expect(result.score).toBeGreaterThanOrEqual(0.9);
  });

  it('drops for sentences that cite nothing, or cite a passage that does not say it', () => {
    const result = assessConfidence({
      question: 'How do I use my own Postgres server?',
      answer:
        'Set DATABASE_URL to a Postgres server with pgvector [1]. Backups are encrypted with AES [2]. The server must run Linux.',
      sources,
    });
    expect(result.supportedSentences).toBe(1);
    expect(result.sentences).toBe(3);
    expect(result.level).not.toBe('high');
  });

  it('is zero when the answer says the documents do not answer', () => {
    expect(
      assessConfidence({ question: 'What is the weather in Paris?', answer: NO_ANSWER, sources }).level,
    ).toBe('insufficient');
  });

  it('measures retrieval by how much of the question the best passages cover', () => {
    expect(retrievalCoverage('pgvector extension', sources)).toBe(1);
    expect(retrievalCoverage('weather Paris', sources)).toBe(0);
    expect(retrievalCoverage('anything', [])).toBe(0);
  });

  it('reads a citation after the full stop as the sentence’s own', () => {
    expect(
      grounding(
        'Set DATABASE_URL to a Postgres server with pgvector. [1] Keep nightly snapshots for thirty days. [2]',
        sources,
      ),
    ).toEqual({ supported: 2, sentences: 2 });
  });

  it('ignores citation-only fragments when counting sentences', () => {
    expect(grounding('See [2].', sources)).toEqual({ supported: 0, sentences: 0 });
  });

  it('maps scores to levels at the configured thresholds', () => {
    expect([levelOf(0.95), levelOf(0.9), levelOf(0.7), levelOf(0.5), levelOf(0.49)]).toEqual([
      'high',
      'high',
      'low',
      'low',
      'insufficient',
    ]);
  });

  it('explains the answer: summary, oversight and the key factors', () => {
    const confidence = assessConfidence({
      question: 'How do I use my own Postgres server?',
      answer: 'Set DATABASE_URL to a Postgres server that has the pgvector extension installed [1].',
      sources,
    });
    const explanation = explain({
      confidence,
      sources,
      route: { model: 'gpt-4o-mini', tier: 'small', reason: 'short single question → small' },
      cacheHit: false,
      fallback: null,
    });
    expect(explanation.summary).toMatch(/^Confident \(\d+ %\)/);
    expect(explanation.oversight).toBe('Passed automatically.');
    expect(explanation.factors.topSources[0]).toEqual({ n: 1, label: 'guide.md › Own database', score: 0.5 });
    expect(explanation.factors.grounding).toBe('1 of 1 sentences supported by a cited passage');
  });

  it('reads the assessment stored with a cached answer, its level by the thresholds of today', () => {
    const stored = { score: 0.7, retrieval: 0.8, grounding: 0.875, supportedSentences: 7, sentences: 8 };
    expect(storedConfidence({ confidence: 0.7, assessment: stored })).toEqual({
      ...stored,
      level: levelOf(0.7),
    });
    // An entry from before assessments were stored, or one whose metadata is not an assessment: none.
    expect(storedConfidence({ confidence: 0.95 })).toBeNull();
    expect(storedConfidence({ assessment: { ...stored, score: 'high' } })).toBeNull();
    expect(storedConfidence({ assessment: { ...stored, sentences: -1 } })).toBeNull();
  });
});

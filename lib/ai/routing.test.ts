import { describe, expect, it } from 'vitest';
import { routeQuestion } from './routing';

const base = { contextTokens: 500, historyTurns: 0 };

describe('routing by complexity', () => {
  it('sends a short factual question to the small model', () => {
    expect(routeQuestion({ ...base, question: 'Where is the embedded database kept?' })).toEqual({
      tier: 'small',
      reason: 'short single question → small',
    });
  });

  it('sends comparisons, multi-part and multi-step questions to the large model, with the reason', () => {
    expect(routeQuestion({ ...base, question: 'Compare PGlite and Postgres for production.' }).reason).toBe(
      'comparison → large',
    );
    expect(routeQuestion({ ...base, question: 'How do I back up? And how do I restore?' }).reason).toBe(
      'multi-part question → large',
    );
    expect(
      routeQuestion({ ...base, question: 'Walk me through moving from the embedded database to a server.' })
        .tier,
    ).toBe('large');
    const long =
      'We are moving our deployment from the embedded database to a managed Postgres server next month; what exactly do we need to configure for pgvector, how do migrations get applied when the app starts, and what happens to the documents we already ingested? How are failed ingestion jobs retried?';
    expect(routeQuestion({ ...base, question: long }).reason).toBe('long multi-part question → large');
  });

  it('weighs the retrieved context and the conversation', () => {
    expect(
      routeQuestion({ question: 'What is the limit?', contextTokens: 5000, historyTurns: 0 }).reason,
    ).toBe('large retrieved context → large');
    expect(
      routeQuestion({ question: 'What is the limit?', contextTokens: 100, historyTurns: 8 }).reason,
    ).toBe('long conversation → large');
  });

  it('lets a per-user setting win', () => {
    expect(routeQuestion({ ...base, question: 'Compare A and B', override: 'small' })).toEqual({
      tier: 'small',
      reason: 'user setting → small',
    });
  });

  it('names a feature flag that overrides the rules as the reason', () => {
    expect(
      routeQuestion({
        ...base,
        question: 'What is X?',
        override: 'large',
        overrideSource: 'flag model-rollout',
      }),
    ).toEqual({ tier: 'large', reason: 'flag model-rollout → large' });
    expect(
      routeQuestion({ ...base, question: 'What is X?', override: null, overrideSource: 'flag x' }).tier,
    ).toBe('small');
  });
});

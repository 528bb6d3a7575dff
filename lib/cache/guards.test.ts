import { describe, expect, it } from 'vitest';
import { compareQuestions, type GuardKind } from './guards';

describe('compareQuestions', () => {
  it.each<[string, string, GuardKind]>([
    [
      'Does the embedded database support pgvector?',
      'Does the embedded database not support pgvector?',
      'negation',
    ],
    ['Which file types are supported?', 'Which file types are unsupported?', 'negation'],
    ['How do I run the app with Redis?', 'How do I run the app without Redis?', 'negation'],
    [
      'Bone marrow cells contribute to macrophages.',
      "Bone marrow cells don't contribute to macrophages.",
      'negation',
    ],
    ['Ist Redis erforderlich?', 'Ist Redis nicht erforderlich?', 'negation'],
    [
      'Refunds reach the card within ten working days.',
      'Refunds reach the card within five working days.',
      'number',
    ],
    ['Is max_tokens limited to 4000?', 'Is max_tokens limited to 2000?', 'number'],
    ['Do sessions last 8 hours?', 'Do sessions last 8 days?', 'number'],
    ['Does it run on Node 20.19?', 'Does it run on Node 18.20?', 'number'],
    ['How do I use my own Postgres database?', 'How do I use my own MySQL database?', 'entity'],
    [
      'BRCA1 mutations increase breast cancer risk.',
      'BRCA2 mutations increase breast cancer risk.',
      'number',
    ],
    ['What does gpt-4o cost per million tokens?', 'What does gpt-4o-mini cost per million tokens?', 'entity'],
    ['What does DATABASE_URL do?', 'What does REDIS_URL do?', 'entity'],
    ['Aspirin reduces the risk of heart attack.', 'Aspirin increases the risk of heart attack.', 'direction'],
    ['What is the maximum file size?', 'What is the minimum file size?', 'direction'],
    ['Are men more at risk than women?', 'Are women more at risk than men?', 'comparison'],
    ['Is BM25 better than vector search here?', 'Is BM25 better than full-text search here?', 'comparison'],
    ['Does Alice report to Bob?', 'Does Bob report to Alice?', 'comparison'],
    [
      'Does the job queue depend on the database?',
      'Does the database depend on the job queue?',
      'comparison',
    ],
    ['UCB T cells maintain high TCR diversity.', 'UCB B cells maintain high TCR diversity.', 'entity'],
    ['Is Redis required to run the app?', 'How do I run the app with Redis?', 'question'],
    ['How can I make an API key?', 'What is stored for each API key?', 'question'],
    ['Does the reranker move passages up?', 'Does the reranker move passages down?', 'direction'],
    [
      'Rising temperatures increase the risk of dengue.',
      'Falling temperatures increase the risk of dengue.',
      'direction',
    ],
    ['What does the answer-query job do?', 'What does the answer-query job do on failure?', 'narrowing'],
    [
      'Aspirin reduces the risk of heart attack in mice.',
      'Aspirin reduces the risk of heart attack in rats.',
      'substitution',
    ],
  ])('refuses "%s" for "%s" (%s)', (a, b, guard) => {
    const verdict = compareQuestions(a, b);
    expect(verdict).toMatchObject({ ok: false, guard });
    // The guards do not depend on which question was cached.
    expect(compareQuestions(b, a).ok).toBe(false);
  });

  it.each([
    ['Does the embedded database support pgvector?', 'Is pgvector supported by the embedded database?'],
    ['How do I use my own Postgres database?', 'Tell me how to use my own Postgres database.'],
    ['Obesity decreases life quality.', 'Does obesity decrease life quality?'],
    ['The amount of DNA data doubles every 10 years.', 'Every ten years, the amount of DNA data doubles.'],
    ['In aged organisms, autophagy declines.', 'Autophagy declines in aged organisms.'],
    ['How do I delete a document?', 'How can a document be deleted?'],
    ['What happens when I upload the same file twice?', 'What happens if the same file is uploaded twice?'],
    [
      'HNF4A mutations are not associated with diabetes risk.',
      'There is no association between HNF4A mutations and diabetes risk.',
    ],
    ['Why is the local reranker turned off?', 'Why is the local reranker disabled?'],
  ])('accepts "%s" for "%s"', (a, b) => {
    expect(compareQuestions(a, b)).toEqual({ ok: true });
  });

  it('can leave swapped words to the similarity threshold', () => {
    const a = 'Aspirin reduces the risk of heart attack in mice.';
    const b = 'Aspirin reduces the risk of heart attack in rats.';
    expect(compareQuestions(a, b, { requireAlignedWords: false })).toEqual({ ok: true });
  });
});

import { describe, expect, it } from 'vitest';
import { narrowingWords, swappedWords, unmatchedWords } from './substitution';

describe('swappedWords', () => {
  it.each([
    ['Does aspirin help in mice?', 'Does aspirin help in rats?'],
    ['How do I install on Linux?', 'How do I install on Windows?'],
    ['Which invoices are sent by email?', 'Which refunds are sent by email?'],
    [
      'Microglia are cells of the central nervous system.',
      'Microglia are cells of the spinal nervous system.',
    ],
    ['What does the query scope allow?', 'What does the ingest scope allow?'],
  ])('"%s" / "%s": one thing swapped for another', (a, b) => {
    expect(swappedWords(a, b)).not.toBeNull();
  });

  it.each([
    ['How do I delete a document?', 'How do I remove a document?'],
    ['How are documents chunked?', 'How does chunking of documents work?'],
    ['What is the largest file I can upload?', 'What is the biggest file I can upload?'],
    ['Why is the reranker turned off?', 'Why is the reranker disabled?'],
    ['Every ten years the data doubles.', 'The data doubles every 10 years.'],
    ['Is Redis needed?', 'Is Redis required?'],
    ['What roles are there?', 'Which roles exist?'],
  ])('"%s" / "%s": the words align', (a, b) => {
    expect(swappedWords(a, b)).toBeNull();
  });

  it('lets one-sided additions through (the similarity threshold weighs them)', () => {
    expect(unmatchedWords('How are passwords hashed?', 'How are passwords hashed exactly?')).toEqual({
      onlyA: [],
      onlyB: [],
    });
    expect(swappedWords('How long are snapshots kept?', 'How long are nightly snapshots kept?')).toBeNull();
  });
});

describe('narrowingWords', () => {
  it('notices a rare word only one question has', () => {
    expect(narrowingWords('What does the ingest job do?', 'What does the ingest job do on failure?')).toBe(
      '+failur',
    );
    expect(
      narrowingWords('Which errors does the API return?', 'Which errors does the query API return?'),
    ).not.toBeNull();
  });

  it('lets common words, agents and containment pass', () => {
    expect(
      narrowingWords('How is a Word document parsed?', 'How does the app parse Word documents?'),
    ).toBeNull();
    expect(narrowingWords('What does the header contain?', 'What is in the header?')).toBeNull();
    expect(narrowingWords('How do I run the benchmarks?', 'How do I run the benchmarks, please?')).toBeNull();
  });
});

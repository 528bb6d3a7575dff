import { describe, expect, it } from 'vitest';
import type { Turn } from './answer-metadata';
import { isFollowUp, rewriteFollowUp, turnsWithinBudget } from './follow-up';

const history: Turn[] = [
  { role: 'user', content: 'How do I install the CLI on macOS?' },
  { role: 'assistant', content: 'Run brew install rag-cli [1].' },
];

describe('follow-up questions', () => {
  it('reads pronouns, continuations and very short questions as follow-ups', () => {
    expect(isFollowUp('Does it work offline?')).toBe(true);
    expect(isFollowUp('And on Linux?')).toBe(true);
    expect(isFollowUp('What about Windows?')).toBe(true);
    expect(isFollowUp('Why?')).toBe(true);
    expect(isFollowUp('How many vacation days do new employees get per year?')).toBe(false);
  });

  it('adds the previous question’s missing content words to a follow-up', () => {
    expect(rewriteFollowUp('Does it need a licence?', history)).toBe(
      'Does it need a licence? (install cli macos)',
    );
  });

  it('drops what a substituting follow-up replaces: the words after the same preposition, or the last one', () => {
    expect(rewriteFollowUp('And on Linux?', history)).toBe('And on Linux? (install cli)');
    expect(rewriteFollowUp('What about Windows?', history)).toBe('What about Windows? (install cli)');
    const refunds: Turn[] = [
      { role: 'user', content: 'What is the refund policy for enterprise customers?' },
    ];
    expect(rewriteFollowUp('And for startups?', refunds)).toBe('And for startups? (refund policy)');
  });

  it('leaves a self-contained question, and the first question, unchanged', () => {
    const question = 'How many vacation days do new employees get per year?';
    expect(rewriteFollowUp(question, history)).toBe(question);
    expect(rewriteFollowUp('And on Linux?', [])).toBe('And on Linux?');
  });

  it('keeps the most recent turns that fit the token budget, oldest first', () => {
    const turns: Turn[] = [
      { role: 'user', content: 'first '.repeat(200) },
      { role: 'assistant', content: 'second' },
      { role: 'user', content: 'third' },
    ];
    expect(turnsWithinBudget(turns, 50).map((turn) => turn.content)).toEqual(['second', 'third']);
    expect(turnsWithinBudget(turns, 0)).toEqual([]);
  });
});

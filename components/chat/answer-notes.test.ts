import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AnswerNotes } from './answer-notes';

const render = (highRisk?: 'legal' | 'medical' | 'financial') =>
  renderToStaticMarkup(
    createElement(AnswerNotes, {
      metadata: { requestId: 'r', model: 'm', local: true, ...(highRisk && { highRisk }) },
      hasText: true,
      stopped: false,
      incomplete: false,
    }),
  );

describe('AnswerNotes', () => {
  it('tells the reader of a high-risk answer that a person must decide', () => {
    const html = render('legal');
    expect(html).toContain('data-testid="answer-high-risk"');
    expect(html).toContain('A person must decide.');
    expect(html).toContain('legal decision');
  });

  it('shows no notice for an ordinary answer', () => {
    expect(render()).toBe('');
  });
});

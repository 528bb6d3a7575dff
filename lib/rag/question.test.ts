import { describe, expect, it } from 'vitest';
import { limits } from '@/lib/config';
import { questionSchema } from './question';

describe('question validation', () => {
  it('trims and accepts a normal question', () => {
    expect(questionSchema.parse('  How do I deploy?\n')).toBe('How do I deploy?');
  });

  it('rejects empty, whitespace-only and over-long questions with clear messages', () => {
    expect(questionSchema.safeParse('   ').error?.issues[0]?.message).toBe('Question must not be empty.');
    expect(questionSchema.safeParse('x'.repeat(limits.questionMaxChars + 1)).error?.issues[0]?.message).toBe(
      `Question must be at most ${limits.questionMaxChars} characters.`,
    );
    expect(questionSchema.safeParse(42).success).toBe(false);
  });

  it('rejects control characters but allows newlines and tabs', () => {
    expect(questionSchema.safeParse('hello\u0000world').success).toBe(false);
    expect(questionSchema.safeParse('line one\n\tline two').success).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { SYSTEM_PROMPT } from './prompt';
import { echoesInstructions } from './prompt-leak';

describe('system prompt echo', () => {
  it('catches an answer that repeats a run of the instructions, whatever its case and punctuation', () => {
    const line = SYSTEM_PROMPT.split('\n').find((l) => l.startsWith('- Answer only'))!;
    expect(echoesInstructions(`Sure! My rules say: ${line.toUpperCase()}`)).toBe(true);
    expect(echoesInstructions(SYSTEM_PROMPT)).toBe(true);
  });

  it('lets ordinary answers through, even ones that share a few words with the rules', () => {
    expect(echoesInstructions('Answer only from the passages [1]: set DATABASE_URL to your server.')).toBe(
      false,
    );
    expect(echoesInstructions('Run npm test to lint, typecheck and test everything [2].')).toBe(false);
  });
});

// Counting tokens: exactly, the way OpenAI's current models do (o200k_base), or roughly, for free.
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';

/** User text may contain "<|endoftext|>"; it is text here, not a control token (the default throws). */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/**
 * Tokens of `text` under o200k_base, the encoding of GPT-4o and later. Other providers' tokenizers
 * differ by a few percent, which is close enough for passage sizes and budgets.
 */
export function countTokens(text: string): number {
  return text ? countO200k(text, PLAIN_TEXT) : 0;
}

/**
 * About four characters per token, the usual rule of thumb for English. The local models report
 * usage with it (and their tests pin it); use `countTokens` wherever the number must hold.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

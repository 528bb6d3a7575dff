// Counting tokens: exactly, the way OpenAI's current models do (o200k_base), or roughly, for free.
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';

/** User text may contain "<|endoftext|>"; it is text here, not a control token (the default throws). */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** Unbroken runs of 1,000 characters are counted in slices: byte-pair merging one huge run is quadratic. */
/** Anchored after a space, so the test reads each run once instead of restarting inside it. */
const HAS_LONG_RUN = /(?:^|\s)\S{1000}/;
const LONG_RUNS = /\S{1000,}/g;
const RUN_SLICE = 500;

const count = (text: string) => (text ? countO200k(text, PLAIN_TEXT) : 0);

/**
 * Tokens of `text` under o200k_base, the encoding of GPT-4o and later. Other providers' tokenizers
 * differ by a few percent, which is close enough for passage sizes and budgets. Exact for ordinary
 * text; a run of over 1,000 characters without a space (a hostile "aaaa…", a data URL) is counted
 * in 500-character slices, a token or so off per slice, so that it costs milliseconds, not minutes.
 */
export function countTokens(text: string): number {
  if (text.length < 1000 || !HAS_LONG_RUN.test(text)) return count(text);
  let total = 0;
  let done = 0;
  for (const run of text.matchAll(LONG_RUNS)) {
    total += count(text.slice(done, run.index));
    for (let i = 0; i < run[0].length; i += RUN_SLICE) total += count(run[0].slice(i, i + RUN_SLICE));
    done = run.index + run[0].length;
  }
  return total + count(text.slice(done));
}

/**
 * About four characters per token, the usual rule of thumb for English. The local models report
 * usage with it (and their tests pin it); use `countTokens` wherever the number must hold.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

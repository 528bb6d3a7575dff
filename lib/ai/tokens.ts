// A rough token count for usage and cost when a provider reports none (the local models).

/**
 * Estimated tokens of a text: about four characters per token, the usual rule of thumb for
 * English with BPE tokenizers. Good enough for usage display and budgets, not for billing.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

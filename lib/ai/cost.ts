// What a model call cost in US dollars, from the price table in lib/config.ts.
import { models } from '@/lib/config';

const prices = models.pricePerMillionTokens;

/** The price entry of a model id, also for dated snapshots such as "gpt-4o-mini-2024-07-18". */
function priceOf(modelId: string): { input: number; output: number } | undefined {
  // hasOwn: a model id like "constructor" must not find Object.prototype members.
  if (Object.hasOwn(prices, modelId)) return prices[modelId];
  const base = Object.keys(prices)
    .filter((id) => modelId.startsWith(id) && /^-\d{4}-\d{2}-\d{2}$/.test(modelId.slice(id.length)))
    .sort((a, b) => b.length - a.length)[0];
  return base === undefined ? undefined : prices[base];
}

const count = (tokens: number) => (Number.isFinite(tokens) && tokens > 0 ? tokens : 0);

/** Cost of a call; models without a price (local ones, unknown ids) cost 0. */
export function costUsd(modelId: string, tokensIn: number, tokensOut: number): number {
  const price = priceOf(modelId);
  if (!price) return 0;
  return (count(tokensIn) * price.input + count(tokensOut) * price.output) / 1_000_000;
}

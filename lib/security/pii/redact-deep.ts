// Redacts every string inside a structured value (log fields, audit payloads), keeping its shape;
// each string through the memo (memo.ts), since the same ids and labels recur event after event.
import type { DetectOptions } from './detect';
import { redactMemoised } from './memo';

const redactText = (text: string, options: DetectOptions) => redactMemoised(text, options.types).text;

const maxDepth = 8;

/**
 * A copy of `value` with PII redacted in every string it holds (object keys are kept). Errors stay
 * errors of the same class (so loggers still name them) with message, stack and fields redacted;
 * values with a `toJSON` (dates, URLs, buffers) are redacted in the form they would be written in.
 */
export function redactPiiDeep(
  value: unknown,
  options: DetectOptions = {},
  depth = 0,
  seen = new WeakSet<object>(),
): unknown {
  if (typeof value === 'string') return redactText(value, options);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= maxDepth || seen.has(value)) return '[unlogged]';
  seen.add(value);
  const inner = (item: unknown) => redactPiiDeep(item, options, depth + 1, seen);
  if (Array.isArray(value)) return value.map(inner);
  if (value instanceof Error) {
    const copy = Object.create(Object.getPrototypeOf(value) as object) as Error;
    for (const [key, item] of Object.entries(value))
      (copy as unknown as Record<string, unknown>)[key] = inner(item);
    copy.message = redactText(value.message, options);
    if (value.stack !== undefined) copy.stack = redactText(value.stack, options);
    if (value.cause !== undefined) copy.cause = inner(value.cause);
    return copy;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const json = JSON.stringify(value) as string | undefined;
    return json === undefined ? undefined : inner(JSON.parse(json) as unknown);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = inner(item);
  return out;
}

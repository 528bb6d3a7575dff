// Where the service redacts, by the settings in lib/config.ts (`pii`): what the answer path calls.
import { createHash } from 'node:crypto';
import { pii } from '@/lib/config';
import { redactPii, type Redaction } from './redact';

// The answer path redacts the same texts again and again (a cached answer on every hit, a popular
// question), and the name tagger costs milliseconds for an answer: the last redactions are kept,
// keyed by a hash of the text, so no personal data stays in memory as a key.
const MEMO_MAX = 1_000;
const memo = new Map<string, Redaction>();

function redactMemoised(text: string): Redaction {
  const key = createHash('sha256').update(text).digest('base64url');
  let redaction = memo.get(key);
  if (redaction) {
    // Most recently used last: the first entry is the one to evict.
    memo.delete(key);
  } else {
    redaction = redactPii(text, { types: pii.types });
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  }
  memo.set(key, redaction);
  return { text: redaction.text, found: { ...redaction.found } };
}

/** Redacts a question or answer before it is stored (query logs, audit events) when `pii.redactStored`. */
export function redactForStorage(text: string): Redaction {
  return pii.redactStored ? redactMemoised(text) : { text, found: {} };
}

/**
 * Redacts text bound for a model provider when `enabled` (the `pii-redact-provider` flag, by default
 * `pii.redactBeforeProvider`); otherwise returns it as is.
 */
export function redactForProvider(text: string, enabled: boolean = pii.redactBeforeProvider): Redaction {
  return enabled ? redactMemoised(text) : { text, found: {} };
}

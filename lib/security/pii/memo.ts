// The same texts are redacted again and again: a cached answer on every hit, a popular question, the
// ids and labels of an audit event's metadata. The name tagger costs milliseconds for an answer, so the
// last redactions are kept, keyed by a hash of the text and the types asked for: no personal data stays
// in memory as a key.
import { createHash } from 'node:crypto';
import { redactPii, type Redaction } from './redact';
import { piiTypes, type PiiType } from './types';

const MEMO_MAX = 2_000;
const memo = new Map<string, Redaction>();

/** redactPii(text, { types }), remembered for the last 2,000 texts; the caller gets its own copy. */
export function redactMemoised(text: string, types: readonly PiiType[] = piiTypes): Redaction {
  const key = createHash('sha256').update(types.join(',')).update('\0').update(text).digest('base64url');
  let redaction = memo.get(key);
  if (redaction) {
    // Most recently used last: the first entry is the one to evict.
    memo.delete(key);
  } else {
    redaction = redactPii(text, { types });
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  }
  memo.set(key, redaction);
  return { text: redaction.text, found: { ...redaction.found } };
}

// Replaces personal data with placeholders such as [EMAIL], counting what was replaced.
import { detectPii, type DetectOptions } from './detect';
import { placeholder, type PiiType } from './types';

export interface Redaction {
  text: string;
  /** How many spans of each type were replaced (types with none are absent). */
  found: Partial<Record<PiiType, number>>;
}

export function redactPii(text: string, options: DetectOptions = {}): Redaction {
  const found: Partial<Record<PiiType, number>> = {};
  let out = '';
  let cursor = 0;
  for (const span of detectPii(text, options)) {
    out += text.slice(cursor, span.start) + placeholder(span.type);
    cursor = span.end;
    found[span.type] = (found[span.type] ?? 0) + 1;
  }
  return { text: out + text.slice(cursor), found };
}

/** The redacted text only, for callers that do not need the counts. */
export function redactPiiText(text: string, options: DetectOptions = {}): string {
  return redactPii(text, options).text;
}

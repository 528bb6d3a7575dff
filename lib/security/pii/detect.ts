// Finds personal data in text: every detector runs, then overlaps are resolved deterministically.
import { findCards } from './card';
import { findEmails } from './email';
import { findIbans } from './iban';
import { findIps } from './ip';
import { findPersons } from './person';
import { findPhones } from './phone';
import { findSsns } from './ssn';
import { piiPriority, piiTypes, type PiiSpan, type PiiType } from './types';

const detectors: Record<PiiType, (text: string) => PiiSpan[]> = {
  EMAIL: findEmails,
  PHONE: findPhones,
  SSN: findSsns,
  CARD: findCards,
  IBAN: findIbans,
  IP: findIps,
  PERSON: findPersons,
};

// Cheap tests that rule a detector out before it runs: most log fields and many questions have no
// digit, no "@" or no capital letter, and the person tagger is the costly one (about 4 µs a character).
const mayContain: Record<PiiType, (text: string) => boolean> = {
  EMAIL: (text) => text.includes('@'),
  PHONE: (text) => /\d/.test(text),
  SSN: (text) => /\d/.test(text),
  CARD: (text) => /\d/.test(text),
  IBAN: (text) => /\d/.test(text),
  IP: (text) => /\d/.test(text),
  PERSON: (text) => /\p{Lu}/u.test(text),
};

export interface DetectOptions {
  /** Only these types (default: all). */
  types?: readonly PiiType[];
}

/**
 * Spans of personal data in `text`, sorted by start, never overlapping. Where detections overlap,
 * the more certain type wins (piiPriority), then the longer span, then the earlier one.
 */
export function detectPii(text: string, options: DetectOptions = {}): PiiSpan[] {
  const types = options.types ?? piiTypes;
  const candidates = types.flatMap((type) => (mayContain[type](text) ? detectors[type](text) : []));
  candidates.sort(
    (a, b) =>
      piiPriority[a.type] - piiPriority[b.type] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PiiSpan[] = [];
  for (const candidate of candidates) {
    if (candidate.end <= candidate.start) continue;
    if (kept.every((span) => candidate.end <= span.start || candidate.start >= span.end))
      kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

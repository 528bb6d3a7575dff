// The kinds of personal data the PII detectors find, and the placeholder each is redacted to.
export const piiTypes = ['EMAIL', 'PHONE', 'SSN', 'CARD', 'IBAN', 'IP', 'PERSON'] as const;

export type PiiType = (typeof piiTypes)[number];

/** One piece of personal data found in a text: `text.slice(start, end) === value`. */
export interface PiiSpan {
  type: PiiType;
  start: number;
  end: number;
  value: string;
}

/** What a redacted span is replaced with. */
export const placeholder = (type: PiiType): string => `[${type}]`;

/**
 * When two detections overlap, the one whose type comes first here wins (then the longer, then the
 * earlier): checksum-validated types are the most certain, names (a statistical guess) the least.
 */
export const piiPriority: Record<PiiType, number> = {
  IBAN: 0,
  CARD: 1,
  SSN: 2,
  EMAIL: 3,
  IP: 4,
  PHONE: 5,
  PERSON: 6,
};

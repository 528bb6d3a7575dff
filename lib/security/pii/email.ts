// Email addresses: a practical subset of RFC 5322 (dot-atom local part, dotted domain with a TLD).
import type { PiiSpan } from './types';

const emailPattern =
  /(?<![\w.+-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;

export function findEmails(text: string): PiiSpan[] {
  return [...text.matchAll(emailPattern)].map((match) => ({
    type: 'EMAIL',
    start: match.index,
    end: match.index + match[0].length,
    value: match[0],
  }));
}

// IBANs: a country code, two check digits and the country's BBAN, written solid or in groups of four
// (any case); kept only when ibantools accepts the country's length, BBAN format and mod-97 checksum.
import { getCountrySpecifications, isValidIBAN } from 'ibantools';
import type { PiiSpan } from './types';

const countries = getCountrySpecifications();
const startPattern = /(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})(?=[ ]?[A-Za-z0-9])/g;

export function findIbans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(startPattern)) {
    const country = (match[1] ?? '').toUpperCase();
    const length = countries[country]?.chars;
    if (!length) continue;
    // Collect exactly `length` characters, allowing single spaces between them, then insist that the
    // IBAN ends there (so "GB82 WEST ... 32 to" stops before "to").
    let end = match.index;
    let compact = '';
    while (compact.length < length && end < text.length) {
      const char = text[end] ?? '';
      if (/[A-Za-z0-9]/.test(char)) {
        compact += char.toUpperCase();
        end++;
      } else if (char === ' ' && compact.length >= 4 && /[A-Za-z0-9]/.test(text[end + 1] ?? '')) {
        end++;
      } else break;
    }
    if (compact.length !== length || /[A-Za-z0-9]/.test(text[end] ?? '')) continue;
    if (isValidIBAN(compact)) {
      spans.push({ type: 'IBAN', start: match.index, end, value: text.slice(match.index, end) });
    }
  }
  return spans;
}

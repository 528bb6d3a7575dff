// Payment card numbers: 12-19 digits (optionally grouped by spaces or dashes) that pass the Luhn check
// and start with a known brand's prefix at a length that brand issues.
import creditCardType from 'credit-card-type';
import type { PiiSpan } from './types';

const candidatePattern = /(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d])/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** True when some brand issues cards that start like `digits` and are this long. */
export function knownCardBrand(digits: string): boolean {
  return (
    creditCardType(digits).some(
      (brand) =>
        brand.lengths.includes(digits.length) ||
        // JCB's older 15-digit cards (prefixes 1800 and 2131), which the brand table lists at 16-19 only.
        (brand.type === 'jcb' && digits.length === 15 && /^(?:1800|2131)/.test(digits)),
    ) ||
    // Visa's older 13-digit cards, still valid numbers though the brand table dropped them.
    (digits.length === 13 && digits.startsWith('4')) ||
    // The whole 35 range at 16 digits: JCB issues 3528-3589, but test-card generators use all of 35xx,
    // and Luhn already rejects nine in ten random numbers.
    (digits.length === 16 && digits.startsWith('35'))
  );
}

export function findCards(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(candidatePattern)) {
    // Mixed separators ("1234 5678-9012") are not how anyone writes a card number.
    if (/ /.test(match[0]) && /-/.test(match[0])) continue;
    const digits = match[0].replace(/[ -]/g, '');
    if (luhnValid(digits) && knownCardBrand(digits)) {
      spans.push({ type: 'CARD', start: match.index, end: match.index + match[0].length, value: match[0] });
    }
  }
  return spans;
}

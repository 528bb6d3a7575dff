// Phone numbers in international and national formats. Two passes: libphonenumber-js finds numbers
// valid for their country (any "+CC" number, and US numbers written without one); a format pass finds
// grouped national numbers without a country code, which no library can tie to a country.
import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PiiSpan } from './types';

// "+46 (0)8 928 571 38", "(579)888-3058", "0490 75 40 81", "03.93.92.16.85", "345-899-3560x4587".
const groupedPattern =
  /(?<![\w+.-])(?:(?:\+|00)\d{1,3}[ .-]?)?(?:\(0\)[ ]?)?(?:\(\d{1,5}\)[ .-]?\d{2,8}(?:[ .-]\d{2,8}){0,4}|\d{1,5}(?:[ .-]\d{2,8}){1,5})(?:[ ]?(?:x|ext\.?)[ ]?\d{1,6})?(?!\w|[-.:]\d)/g;
// Words that say a number nearby is a phone number.
const cuePattern =
  /\b(?:phone|tel|telephone|mobile|cell|fax|desk|office|call|calling|contact|reach|text|sms|whatsapp|answering|messages?|number)\b/i;

function looksLikeDateOrYears(candidate: string): boolean {
  if (/^\d{4}[-. ]\d{1,2}[-. ]\d{1,2}$/.test(candidate)) return true;
  if (/^\d{1,2}[-. ]\d{1,2}[-. ](?:19|20)\d{2}$/.test(candidate)) return true;
  return candidate.split(/[ .-]/).every((group) => /^(?:19|20)\d{2}$/.test(group));
}

function groupedCandidateIsPhone(text: string, start: number, candidate: string): boolean {
  // Counted without the extension and the international prefix ("001-518-640-0854x123").
  const digits = candidate
    .replace(/[ ]?(?:x|ext\.?)[ ]?\d+$/, '')
    .replace(/^00/, '')
    .replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (looksLikeDateOrYears(candidate)) return false;
  // Two numbers joined by one dash are a range ("1.99-11.07", "330 000-701 200", "5353-10 649").
  const sides = candidate.split('-');
  const plainNumber = /^(?:\d{1,3}(?: \d{3})+|\d+)(?:\.\d+)?$/;
  if (sides.length === 2 && sides.every((side) => plainNumber.test(side.trim()))) return false;
  // 3-2-4 with dashes is the shape of an SSN (the SSN detector decides those).
  if (/^\d{3}-\d{2}-\d{4}$/.test(candidate)) return false;
  if (/^(?:\+|00)/.test(candidate)) {
    return parsePhoneNumberFromString(candidate.replace(/^00/, '+'))?.isPossible() ?? false;
  }
  // Dotted numbers need three or more groups, so a decimal ("1.2345") is not taken.
  if (/\./.test(candidate) && candidate.split('.').length < 3) return false;
  const groups = candidate.split(/[ .-]/).length;
  // A five-digit first group not starting with 0 is a house number or postcode ("17151 2450 Crown St").
  const addressLike = /^[1-9]\d{4} /.test(candidate);
  const formatted =
    groups >= 3 &&
    !addressLike &&
    (/[()]|x|ext|-|\./.test(candidate) || candidate.startsWith('0') || digits.length >= 9);
  if (formatted || /[()]|x|ext/.test(candidate)) return true;
  // Two-group numbers ("467 3395", "3610-114") and short space-grouped ones ("78 651 450") are phones
  // only when the words around say so.
  const around =
    text.slice(Math.max(0, start - 40), start) +
    ' ' +
    text.slice(start + candidate.length, start + candidate.length + 15);
  return cuePattern.test(around);
}

export function findPhones(text: string): PiiSpan[] {
  const spans: PiiSpan[] = findPhoneNumbersInText(text, { defaultCountry: 'US' }).map((found) => ({
    type: 'PHONE',
    start: found.startsAt,
    end: found.endsAt,
    value: text.slice(found.startsAt, found.endsAt),
  }));
  for (const match of text.matchAll(groupedPattern)) {
    const candidate = match[0];
    if (groupedCandidateIsPhone(text, match.index, candidate)) {
      spans.push({
        type: 'PHONE',
        start: match.index,
        end: match.index + candidate.length,
        value: candidate,
      });
    }
  }
  return spans;
}

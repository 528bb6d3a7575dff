// US Social Security numbers, kept only when they obey the SSA's allocation rules.
import type { PiiSpan } from './types';

// Separated by one consistent dash or space; nine bare digits only right after a cue such as "SSN".
const separatedPattern = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const barePattern = /(?<!\d)(\d{3})(\d{2})(\d{4})(?!\d)/g;
const cuePattern = /\b(?:ssn|ss#|social security(?: number| no\.?)?)\W{0,5}$/i;

// Numbers the SSA has voided after they were published (a wallet insert, an ad) or that are used as
// examples; and a number of one repeated digit is a placeholder, not an SSN.
const knownInvalid = new Set(['078051120', '219099999', '123456789']);

/** SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  const digits = area + group + serial;
  return !knownInvalid.has(digits) && !/^(\d)\1{8}$/.test(digits);
}

export function findSsns(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(separatedPattern)) {
    const [, area = '', , group = '', serial = ''] = match;
    if (isValidSsn(area, group, serial)) {
      spans.push({ type: 'SSN', start: match.index, end: match.index + match[0].length, value: match[0] });
    }
  }
  for (const match of text.matchAll(barePattern)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const [, area = '', group = '', serial = ''] = match;
    if (cuePattern.test(before) && isValidSsn(area, group, serial)) {
      spans.push({ type: 'SSN', start: match.index, end: match.index + match[0].length, value: match[0] });
    }
  }
  return spans;
}

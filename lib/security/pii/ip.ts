// IPv4 and IPv6 addresses, validated by Node's own parser.
import { isIPv4, isIPv6 } from 'node:net';
import type { PiiSpan } from './types';

const ipv4Pattern = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d]|\.\d)/g;
// Hex groups and colons (with "::" compression and an optional trailing IPv4 or zone id).
const ipv6Pattern =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?:%[\w.]+)?(?![\w:]|\.\d)/g;

export function findIps(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(ipv4Pattern)) {
    if (isIPv4(match[0])) {
      spans.push({ type: 'IP', start: match.index, end: match.index + match[0].length, value: match[0] });
    }
  }
  for (const match of text.matchAll(ipv6Pattern)) {
    const address = match[0].replace(/%.*$/, '');
    // At least two hex groups and a digit, so "::", "a::b" or a clock time ("12:30:45") is not taken.
    if ((address.match(/[0-9A-Fa-f]+/g) ?? []).length >= 2 && /\d/.test(address) && isIPv6(address)) {
      spans.push({ type: 'IP', start: match.index, end: match.index + match[0].length, value: match[0] });
    }
  }
  return spans;
}

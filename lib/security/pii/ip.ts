// IPv4 and IPv6 addresses, validated by Node's own parser.
import { isIPv4, isIPv6 } from 'node:net';
import type { PiiSpan } from './types';

// Not after a letter or digit ("v1.2.3.4") or a product name and slash ("Chrome/131.0.0.0").
const ipv4Pattern = /(?<![\w.]|\w\/)\d{1,3}(?:\.\d{1,3}){3}(?![\d]|\.\d)/g;
// Hex groups and colons (with "::" compression and an optional trailing IPv4 or zone id).
const ipv6Pattern =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?:%[\w.]+)?(?![\w:]|\.\d)/g;

// Loopback and unspecified addresses name this machine, not a person; logs keep them readable.
const notPersonal = (address: string) =>
  /^(?:127\.|0\.0\.0\.0$)/.test(address) || /^(?:::1?|0*:0*:0*:0*:0*:0*:0*:0*1?)$/.test(address);

export function findIps(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(ipv4Pattern)) {
    if (isIPv4(match[0]) && !notPersonal(match[0])) {
      spans.push({ type: 'IP', start: match.index, end: match.index + match[0].length, value: match[0] });
    }
  }
  for (const match of text.matchAll(ipv6Pattern)) {
    const address = match[0].replace(/%.*$/, '');
    // At least two hex groups and a digit, so "::", "a::b" or a clock time ("12:30:45") is not taken.
    if (
      (address.match(/[0-9A-Fa-f]+/g) ?? []).length >= 2 &&
      /\d/.test(address) &&
      isIPv6(address) &&
      !notPersonal(address)
    ) {
      spans.push({ type: 'IP', start: match.index, end: match.index + match[0].length, value: match[0] });
    }
  }
  return spans;
}

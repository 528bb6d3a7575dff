// The client's IP address for per-IP limits, from the headers a reverse proxy sets.
//
// Trust assumption: the app is reached only through a proxy (load balancer, ingress, Next.js's own
// server) that sets X-Forwarded-For or X-Real-IP, so the first hop is the client as the proxy saw it.
// Exposed directly, a client can write these headers itself and choose its own bucket.
import { isIP } from 'node:net';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** An address as written in a header, without brackets or a port; null when it is not an IP. */
function parseAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const version = isIP(value);
  if (version === 4) return value;
  if (version !== 6) return null;
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  return mapped?.[1] ?? value.toLowerCase();
}

/**
 * The bucket for an IPv6 address is its /64: one host is usually given a whole /64, and limiting each
 * of its addresses apart would let it rotate through them.
 */
function ipv6Prefix64(address: string): string {
  const [head, tail = ''] = address.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const missing = 8 - headParts.length - tailParts.length;
  const groups = address.includes('::')
    ? [...headParts, ...Array<string>(missing).fill('0'), ...tailParts]
    : headParts;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The client's address (IPv6 as its /64), or null when no trustworthy header names one. */
export function clientIp(headers: HeaderSource): string | null {
  const forwarded = header(headers, 'x-forwarded-for')?.split(',')[0];
  const address =
    (forwarded && parseAddress(forwarded)) ||
    (header(headers, 'x-real-ip') && parseAddress(header(headers, 'x-real-ip')!)) ||
    null;
  if (!address) return null;
  return isIP(address) === 6 ? ipv6Prefix64(address) : address;
}

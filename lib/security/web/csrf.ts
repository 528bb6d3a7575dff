// Cross-site request forgery: a mutation authenticated by the session cookie must come from this
// site's own pages. Browsers say where a request comes from (Origin, Sec-Fetch-Site, Referer);
// another site can make a browser send the cookie, but not lie in those headers.
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins this app answers on: the request's URL, its Host header, and AUTH_URL when set. */
function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const origins = new Set([url.origin]);
  const host = request.headers.get('host');
  if (host) origins.add(`${url.protocol}//${host}`);
  const authUrl = env().AUTH_URL;
  if (authUrl) origins.add(new URL(authUrl).origin);
  return origins;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Where the browser says the request comes from: 'same' site, another ('cross'), or 'unknown' when it
 * carries none of the headers every current browser sends on a POST (a script, curl, a test client).
 */
export function requestProvenance(request: Request): 'same' | 'cross' | 'unknown' {
  const origin = request.headers.get('origin');
  // "null" (a sandboxed frame, a data: page, some redirects) matches no origin, so it is cross-site.
  if (origin !== null) return ownOrigins(request).has(origin) ? 'same' : 'cross';
  const fetchSite = request.headers.get('sec-fetch-site');
  // 'none' is a navigation the user started (typed URL, bookmark); 'same-site' is a sibling subdomain.
  if (fetchSite !== null) return fetchSite === 'same-origin' || fetchSite === 'none' ? 'same' : 'cross';
  const referer = request.headers.get('referer');
  if (referer !== null) {
    const refererOrigin = originOf(referer);
    return refererOrigin !== null && ownOrigins(request).has(refererOrigin) ? 'same' : 'cross';
  }
  return 'unknown';
}

/**
 * Refuses a cross-site mutation that would ride on the session cookie: a method other than
 * GET/HEAD/OPTIONS, without an Authorization header (an API key is not sent by browsers on their own),
 * whose Origin (else Sec-Fetch-Site, else Referer) is not this app. A request with none of the three
 * is not a browser's (all current browsers send Origin or Sec-Fetch-Site on a POST), so it passes,
 * as in Go's net/http CrossOriginProtection; the session cookie's SameSite=Lax is the second layer.
 */
export function assertSameOrigin(request: Request): void {
  if (safeMethods.has(request.method.toUpperCase())) return;
  if (request.headers.has('authorization')) return;
  if (requestProvenance(request) === 'cross') throw new AppError('forbidden', 'Cross-site request refused.');
}

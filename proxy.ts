// Runs before every page request: gives each a request id and the security headers (a CSP with a
// fresh script nonce, which Next.js reads from the request header and puts on its own scripts), and
// sends signed-out visitors to the sign-in page. Authorisation itself is enforced again in the route
// wrapper and data layer. API routes skip it (see `config`): the route wrapper gives them their
// request id, and next.config.js their headers, a fixed CSP included, since JSON needs no nonce.
import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { authSecret, env } from '@/lib/env';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/http/request-id';
import { createNonce, securityHeaders } from '@/lib/security/web/headers';

// Sign-in and sign-up are public; so is the API reference, like the OpenAPI document it renders.
const publicPages = ['/login', '/signup', '/docs/api'];

export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const security = securityHeaders({ nonce: createNonce(), production: env().NODE_ENV === 'production' });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set('Content-Security-Policy', security['Content-Security-Policy']);
  const { pathname, search } = request.nextUrl;

  if (!publicPages.includes(pathname)) {
    const token = await getToken({ req: request, secret: authSecret() });
    if (!token) {
      const login = new URL('/login', request.url);
      login.searchParams.set('callbackUrl', `${pathname}${search}`);
      const response = NextResponse.redirect(login);
      response.headers.set(REQUEST_ID_HEADER, requestId);
      return withHeaders(response, security);
    }
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return withHeaders(response, security);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js)$).*)'],
};

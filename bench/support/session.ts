// Signing in from a benchmark: next-auth v4's credentials flow, as the sign-in form runs it.

const REQUEST_TIMEOUT_MS = 60_000;

/** Just enough of a cookie jar for next-auth: name → value, sent back on every request. */
export class Cookies {
  private readonly values = new Map<string, string>();
  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const at = pair.indexOf('=');
      if (at > 0) this.values.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  has(name: string): boolean {
    return this.values.has(name);
  }
  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** next-auth v4's credentials flow, as the sign-in form runs it; `headers` go with both requests. */
export async function signIn(
  baseUrl: string,
  user: { email: string; password: string },
  headers: Record<string, string> = {},
): Promise<Cookies> {
  const cookies = new Cookies();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`, {
    headers,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!csrfResponse.ok) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}`);
  cookies.take(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };

  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.header() },
    body: new URLSearchParams({ csrfToken, ...user, json: 'true' }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  cookies.take(response);
  const body = await response.text();
  if (!cookies.has('next-auth.session-token')) {
    throw new Error(
      `sign-in as ${user.email} gave no session cookie (HTTP ${response.status}: ${body.slice(0, 300)})`,
    );
  }
  return cookies;
}

// A local OpenID Connect provider speaking the real wire format (discovery, authorization code with
// PKCE and nonce, token endpoint with client_secret_basic or _post, RS256 id tokens, JWKS, userinfo),
// for testing single sign-on without the internet. Its sign-in page asks for an email and whether it
// is verified; nothing else is checked, as on a test tenant.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type OidcStub = { issuer: string; clientId: string; clientSecret: string; close(): Promise<void> };

type Grant = {
  clientId: string;
  redirectUri: string;
  nonce?: string;
  codeChallenge?: string;
  email: string;
  emailVerified: boolean;
  name: string;
};

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function signJwt(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = base64url(JSON.stringify(payload));
  const signature = sign('sha256', Buffer.from(`${header}.${body}`), key);
  return `${header}.${body}.${base64url(signature)}`;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startOidcStub(
  options: { port?: number; clientId?: string; clientSecret?: string } = {},
): Promise<OidcStub> {
  const clientId = options.clientId ?? 'rag-test-client';
  const clientSecret = options.clientSecret ?? 'rag-test-secret';
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const codes = new Map<string, Grant>();
  const accessTokens = new Map<string, Record<string, unknown>>();
  let issuer = '';

  const claimsOf = (grant: Grant) => ({
    sub: `sub-${createHash('sha256').update(grant.email).digest('hex').slice(0, 16)}`,
    email: grant.email,
    email_verified: grant.emailVerified,
    name: grant.name,
  });

  const clientAuthenticated = (request: IncomingMessage, form: URLSearchParams): boolean => {
    const basic = request.headers.authorization?.match(/^Basic (.+)$/)?.[1];
    if (basic) {
      const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent);
      return id === clientId && secret === clientSecret;
    }
    return form.get('client_id') === clientId && form.get('client_secret') === clientSecret;
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    try {
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(response, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          scopes_supported: ['openid', 'email', 'profile'],
        });
      }
      if (url.pathname === '/jwks') {
        return json(response, 200, {
          keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }],
        });
      }
      if (url.pathname === '/authorize' && request.method === 'GET') {
        const params = url.searchParams;
        if (params.get('client_id') !== clientId || params.get('response_type') !== 'code')
          return json(response, 400, { error: 'invalid_request' });
        const hidden = [...params.entries()]
          .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
          .join('');
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(`<!doctype html><title>Test identity provider</title>
<form method="post" action="/authorize">${hidden}
<label>Email <input name="login_email" type="email" required></label>
<label><input name="login_verified" type="checkbox" value="1" checked> Email verified</label>
<button type="submit">Continue</button></form>`);
      }
      if (url.pathname === '/authorize' && request.method === 'POST') {
        const form = await readForm(request);
        const redirectUri = form.get('redirect_uri') ?? '';
        const email = form.get('login_email') ?? '';
        const code = randomBytes(16).toString('hex');
        codes.set(code, {
          clientId: form.get('client_id') ?? '',
          redirectUri,
          nonce: form.get('nonce') ?? undefined,
          codeChallenge: form.get('code_challenge') ?? undefined,
          email,
          emailVerified: form.get('login_verified') === '1',
          name: email.split('@')[0] ?? email,
        });
        const back = new URL(redirectUri);
        back.searchParams.set('code', code);
        const state = form.get('state');
        if (state) back.searchParams.set('state', state);
        back.searchParams.set('iss', issuer);
        response.writeHead(302, { location: back.toString() });
        return response.end();
      }
      if (url.pathname === '/token' && request.method === 'POST') {
        const form = await readForm(request);
        if (!clientAuthenticated(request, form)) return json(response, 401, { error: 'invalid_client' });
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!grant || grant.redirectUri !== form.get('redirect_uri'))
          return json(response, 400, { error: 'invalid_grant' });
        if (grant.codeChallenge) {
          const verifier = form.get('code_verifier') ?? '';
          if (base64url(createHash('sha256').update(verifier).digest()) !== grant.codeChallenge)
            return json(response, 400, { error: 'invalid_grant', error_description: 'PKCE check failed' });
        }
        const now = Math.floor(Date.now() / 1000);
        const claims = claimsOf(grant);
        const idToken = signJwt(
          {
            iss: issuer,
            aud: clientId,
            iat: now,
            exp: now + 300,
            ...(grant.nonce ? { nonce: grant.nonce } : {}),
            ...claims,
          },
          privateKey,
          kid,
        );
        const accessToken = randomBytes(16).toString('hex');
        accessTokens.set(accessToken, claims);
        return json(response, 200, {
          access_token: accessToken,
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken,
          scope: 'openid email profile',
        });
      }
      if (url.pathname === '/userinfo') {
        const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
        const claims = accessTokens.get(token);
        return claims ? json(response, 200, claims) : json(response, 401, { error: 'invalid_token' });
      }
      json(response, 404, { error: 'not_found' });
    } catch (error) {
      json(response, 500, { error: 'server_error', error_description: (error as Error).message });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the OIDC stub did not start');
  issuer = `http://127.0.0.1:${address.port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

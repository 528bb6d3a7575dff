// next-auth configuration: email + password, and an OpenID Connect provider when OIDC_* are set.
// The cookie is a signed, encrypted JWT that carries only the id of a server-side session
// (lib/db/sessions.ts), so the server can end a session at once.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { auth as authConfig } from '@/lib/config';
import { findUserByAccount } from '@/lib/db/accounts';
import { createSession, revokeSession } from '@/lib/db/sessions';
import { authSecret, env } from '@/lib/env';
import { log } from '@/lib/observability/logger';
import { checkCredentials } from './credentials';
import { resolveSsoUser } from './sign-up';

let cached: NextAuthOptions | undefined;

/** Built on first use, so importing this module (e.g. during `next build`) needs no settings. */
export function authOptions(): NextAuthOptions {
  cached ??= build();
  return cached;
}

export const OIDC_PROVIDER_ID = 'oidc';

type OidcClaims = {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
};

/** The configured OIDC provider, or null when OIDC_* are unset. */
export function oidcProvider(): OAuthConfig<OidcClaims> | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: OIDC_NAME,
    type: 'oauth',
    wellKnown: `${OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    profile: (claims) => ({
      id: claims.sub,
      email: claims.email ?? null,
      name: claims.name ?? claims.preferred_username ?? null,
    }),
  };
}

const signInError = (reason: string) => `/login?error=${encodeURIComponent(reason)}`;

const build = (): NextAuthOptions => {
  const oidc = oidcProvider();
  return {
    secret: authSecret(),
    // The cookie lives as long as the longest session; lib/db/sessions.ts ends it sooner when idle.
    session: { strategy: 'jwt', maxAge: authConfig.sessionAbsoluteSeconds },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        // The request's headers name the client IP for the sign-in rate limit.
        authorize: async (credentials, request) => {
          const user = await checkCredentials(credentials, request.headers ?? {});
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      // A single sign-on may proceed only as a user the sign-up mode admits (lib/auth/sign-up.ts).
      signIn: async ({ user, account, profile }) => {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const claims = profile as OidcClaims | undefined;
        const outcome = await resolveSsoUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email ?? null,
          emailVerified: claims?.email_verified === true || claims?.email_verified === 'true',
          name: user.name ?? null,
        });
        if (outcome.ok) return true;
        log().info({ provider: account.provider, reason: outcome.reason }, 'single sign-on refused');
        return signInError(outcome.reason);
      },
      // At sign-in, open a server-side session; the token holds its id and the user id, nothing else.
      jwt: async ({ token, user, account }) => {
        if (!user || !account) return token;
        const userId =
          account.provider === 'credentials'
            ? user.id
            : (
                await findUserByAccount({
                  provider: account.provider,
                  providerAccountId: account.providerAccountId,
                })
              )?.id;
        if (!userId) return {};
        const session = await createSession({ userId, method: account.provider });
        return { sub: userId, sid: session.id };
      },
      session: ({ session, token }) => ({ expires: session.expires, sessionId: token.sid }),
    },
    events: {
      signOut: async ({ token }) => {
        if (typeof token?.sid === 'string') await revokeSession(token.sid, 'sign_out');
      },
    },
  };
};

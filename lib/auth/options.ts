// next-auth configuration: email + password sign-in, sessions as signed JWT cookies.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { auth as authConfig } from '@/lib/config';
import { authSecret } from '@/lib/env';
import { checkCredentials } from './credentials';

let cached: NextAuthOptions | undefined;

/** Built on first use, so importing this module (e.g. during `next build`) needs no settings. */
export function authOptions(): NextAuthOptions {
  cached ??= build();
  return cached;
}

const build = (): NextAuthOptions => ({
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: authConfig.sessionMaxAgeSeconds },
  pages: { signIn: '/login' },
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
  ],
  callbacks: {
    // Only the user id travels in the token; role and existence are re-read from the database per request.
    jwt: ({ token, user }) => (user ? { ...token, sub: user.id } : token),
    session: ({ session, token }) => ({ ...session, userId: token.sub }),
  },
});

// POST /api/signup: creates an account with a password as SIGNUP_MODE allows (open, or with an
// invitation's token), then the browser signs in as usual. Public: the caller has no account yet.
import { signUpWithPassword } from '@/lib/auth/sign-up';
import { signUpInput } from '@/lib/auth/user-admin-schemas';
import { AppError } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { clientIp } from '@/lib/rate-limit/client-ip';

export const POST = route({ body: signUpInput, maxBodyBytes: 4 * 1024 }, async ({ request, body }) => {
  // A JSON content type cannot be sent cross-site without a CORS preflight (which is refused), so a
  // page elsewhere cannot make accounts in a visitor's browser.
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json'))
    throw new AppError('unsupported_media_type', 'Send the sign-up as application/json.');
  if (!body.inviteToken && !body.email) throw new AppError('validation_failed', 'email: is required');
  const user = await signUpWithPassword({
    email: body.email ?? '',
    name: body.name || null,
    password: body.password,
    inviteToken: body.inviteToken || null,
    ip: clientIp(request.headers),
  });
  return Response.json(
    { user: { email: user.email } },
    { status: 201, headers: { 'cache-control': 'no-store' } },
  );
});

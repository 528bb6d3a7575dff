// DELETE /api/keys/{id}: revoke a key (the caller's own, or anyone's for an admin); revoking a
// revoked key is a no-op. Another user's key is a 404, as if it did not exist.
import { revokeApiKey } from '@/lib/db/api-keys';
import { route } from '@/lib/http/handler';

export const DELETE = route({ roles: ['USER', 'ADMIN', 'COMPLIANCE'] }, async ({ user, params }) => {
  await revokeApiKey(user!, String(params.id));
  return new Response(null, { status: 204 });
});

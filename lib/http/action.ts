// The one wrapper for server actions, the twin of route() in ./handler.ts: request id,
// authentication, role, zod parsing and error mapping. An action never throws to the client (Next.js
// would hide the message in production); it returns its data or the one error shape.
import 'server-only';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { assertRole, type Role } from '@/lib/auth/roles';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { log, withRequestContext } from '@/lib/observability/logger';
import { withAccess } from './access';
import { errorBody, toAppError, type ErrorBody } from './errors';
import { requestIdFrom } from './request-id';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody['error'] };

type ActionContext<Input> = { user: SessionUser; input: Input; requestId: string };

/**
 * `export const renameThing = action({ name, roles, input }, async ({ user, input }) => …)` in a
 * 'use server' file. Server actions are POSTs that Next.js checks for a same-origin `Origin` header.
 */
export function action<Schema extends z.ZodType, T>(
  options: { name: string; roles: readonly Role[]; input: Schema },
  handler: (context: ActionContext<z.infer<Schema>>) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  const run = async (input: z.input<Schema>): Promise<ActionResult<T>> => {
    const requestId = requestIdFrom(await headers());
    return withRequestContext(requestId, async () => {
      const started = performance.now();
      try {
        const user = await getSessionUser();
        assertRole(user, options.roles);
        const parsed = options.input.parse(input) as z.infer<Schema>;
        return { ok: true as const, data: await handler({ user, input: parsed, requestId }) };
      } catch (error) {
        const appError = toAppError(error);
        const fields = {
          action: options.name,
          status: appError.status,
          code: appError.code,
          ms: Math.round(performance.now() - started),
        };
        if (appError.status >= 500) log().error({ ...fields, err: error }, 'action failed');
        else log().info(fields, 'action rejected');
        return { ok: false as const, error: errorBody(appError, requestId).error };
      }
    });
  };
  return withAccess(run, { kind: 'action', roles: options.roles });
}

// Who may call a route handler or server action, recorded on the function the wrapper returns, so a
// test can enumerate every entry point in app/ and prove none ships unguarded
// (tests/integration/route-guards.test.ts).
import type { Role } from '@/lib/generated/prisma/enums';

export type Access = {
  kind: 'route' | 'action';
  /** Roles allowed; `public` when anyone may call it (it authenticates nobody). */
  roles: readonly Role[] | 'public';
};

const ACCESS = Symbol.for('rag.access');

export function withAccess<F extends (...args: never[]) => unknown>(fn: F, access: Access): F {
  Object.defineProperty(fn, ACCESS, { value: access, enumerable: false });
  return fn;
}

/** The access a wrapped entry point declares; undefined for a function the wrappers did not make. */
export function accessOf(fn: unknown): Access | undefined {
  return typeof fn === 'function' ? (fn as unknown as Record<symbol, Access | undefined>)[ACCESS] : undefined;
}

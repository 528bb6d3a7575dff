// [GUARDS] Every route handler and server action in the tree is made by the one wrapper for its kind,
// declares who may call it, and refuses the anonymous caller with 401 and a caller of any other role
// with 403. A new endpoint cannot ship unguarded: it fails here until it is wrapped (or listed below
// as public, with the reason).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getSessionUser } from '@/lib/auth/session';
import type { Role } from '@/lib/generated/prisma/enums';
import { accessOf } from '@/lib/http/access';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: vi.fn(), requirePageRole: vi.fn() }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-request-id': 'route-guard-test' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));

const root = path.resolve(__dirname, '../..');
const ROLES: Role[] = ['USER', 'ADMIN', 'COMPLIANCE'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Entry points anyone may call, each with why. */
const PUBLIC_ROUTES: Record<string, string> = {
  'app/api/health/route.ts': 'liveness probe for the orchestrator',
  'app/api/ready/route.ts': 'readiness probe for the orchestrator',
  'app/api/v1/openapi.json/route.ts': 'the public API description',
  'app/api/auth/[...nextauth]/route.ts': 'next-auth sign-in and sign-out (its own CSRF token)',
  'app/api/metrics/route.ts': 'the Prometheus scrape, guarded by its own METRICS_TOKEN (404 when unset)',
  'app/api/signup/route.ts':
    'creating an account, as SIGNUP_MODE and invitations allow (rate-limited per IP)',
};
/** Routes not made by route(): next-auth's handler is the library's own. */
const FOREIGN_ROUTES = new Set(['app/api/auth/[...nextauth]/route.ts']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      return name === 'node_modules' || name === 'generated' ? [] : walk(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const sourceFiles = ['app', 'lib', 'components'].flatMap((dir) => walk(path.join(root, dir)));
const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
const routeFiles = sourceFiles
  .filter((file) => /\/route\.ts$/.test(file))
  .map(relative)
  .sort();
const isServerActionFile = (file: string) =>
  /^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(readFileSync(file, 'utf8'));
const actionFiles = sourceFiles.filter(isServerActionFile).map(relative).sort();

const userWith = (role: Role) => ({ id: `guard-${role}`, email: `${role}@guard.test`, name: null, role });

/** A request that passes every check that comes before authorisation (same origin, JSON body). */
function requestFor(file: string, method: string): Request {
  const url = `http://localhost/${file
    .replace(/^app\//, '')
    .replace(/\/route\.ts$/, '')
    .replace(/\[\.{0,3}(\w+)\]/g, 'guard-$1')}`;
  const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(method);
  return new Request(url, {
    method,
    headers: { origin: 'http://localhost', ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    body: hasBody ? '{}' : undefined,
  });
}

const paramsFor = (file: string) => ({
  params: Promise.resolve(
    Object.fromEntries([...file.matchAll(/\[(\w+)\]/g)].map(([, name]) => [name, `guard-${name}`])),
  ),
});

type Handler = (request: Request, context: unknown) => Promise<Response>;

beforeEach(() => {
  vi.mocked(getSessionUser).mockReset().mockResolvedValue(null);
});

describe('[GUARDS] route handlers', () => {
  it('finds the route handlers of the tree', () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(18);
    for (const file of Object.keys(PUBLIC_ROUTES)) expect(routeFiles).toContain(file);
  });

  it.each(routeFiles)('%s: wrapped, and refuses callers outside its roles', async (file) => {
    const exports = (await import(path.join(root, file))) as Record<string, unknown>;
    const handlers = METHODS.filter((method) => typeof exports[method] === 'function');
    expect(handlers.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
    for (const method of handlers) {
      if (FOREIGN_ROUTES.has(file)) continue;
      const access = accessOf(exports[method]);
      expect(access, `${method} ${file} is not made by route() from lib/http/handler`).toMatchObject({
        kind: 'route',
      });
      if (access!.roles === 'public') {
        expect(PUBLIC_ROUTES[file], `${method} ${file} is public but not listed as such`).toBeDefined();
        continue;
      }
      expect(PUBLIC_ROUTES[file], `${file} is listed as public but requires a role`).toBeUndefined();
      const handler = exports[method] as Handler;

      vi.mocked(getSessionUser).mockResolvedValue(null);
      const anonymous = await handler(requestFor(file, method), paramsFor(file));
      expect(anonymous.status, `anonymous ${method} ${file}`).toBe(401);
      expect((await anonymous.json()).error.code).toBe('unauthorized');

      for (const role of ROLES.filter((r) => !(access!.roles as readonly Role[]).includes(r))) {
        vi.mocked(getSessionUser).mockResolvedValue(userWith(role));
        const wrongRole = await handler(requestFor(file, method), paramsFor(file));
        expect(wrongRole.status, `${role} ${method} ${file}`).toBe(403);
        expect((await wrongRole.json()).error.code).toBe('forbidden');
      }
    }
  });
});

describe('[GUARDS] server actions', () => {
  it('declares server actions only at the top of a file, where this test finds them', () => {
    for (const file of sourceFiles) {
      const text = readFileSync(file, 'utf8');
      if (!/^\s*['"]use server['"];?\s*$/m.test(text)) continue;
      expect(isServerActionFile(file), `${relative(file)} has an inline 'use server'`).toBe(true);
    }
  });

  it.each(actionFiles)('%s: every action is wrapped, and refuses callers outside its roles', async (file) => {
    const exports = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, exported] of Object.entries(exports)) {
      const access = accessOf(exported);
      expect(access, `${name} in ${file} is not made by action() from lib/http/action`).toMatchObject({
        kind: 'action',
      });
      expect(access!.roles).not.toBe('public');
      const run = exported as (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

      vi.mocked(getSessionUser).mockResolvedValue(null);
      expect(await run({}), `anonymous ${name}`).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
      for (const role of ROLES.filter((r) => !(access!.roles as readonly Role[]).includes(r))) {
        vi.mocked(getSessionUser).mockResolvedValue(userWith(role));
        expect(await run({}), `${role} ${name}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
  });
});

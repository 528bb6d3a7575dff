// The one wrapper for route handlers: request id, authentication, role, rate limit, zod parsing,
// error mapping.
import 'server-only';
import type { z } from 'zod';
import { apiKeyFromAuthorization, type ApiKeyScope } from '@/lib/auth/api-keys';
import { assertRole, type Role } from '@/lib/auth/roles';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { authenticateApiKey } from '@/lib/db/api-keys';
import { assertServiceAvailable } from '@/lib/governance/kill-switch';
import { log, withRequestContext } from '@/lib/observability/logger';
import { observeRateLimited, routeTemplate, startRequest } from '@/lib/observability/metrics';
import { inSpan } from '@/lib/observability/tracing';
import { questionBucket } from '@/lib/rate-limit/keys';
import { limit } from '@/lib/rate-limit/limiter';
import { noteRateLimitRejection } from '@/lib/rate-limit/rejections';
import { rateLimitedError, rateLimitHeaders } from '@/lib/rate-limit/response';
import { assertSameOrigin } from '@/lib/security/web/csrf';
import { API_CONTENT_SECURITY_POLICY } from '@/lib/security/web/headers';
import { withAccess } from './access';
import { AppError, errorBody, toAppError } from './errors';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/** The API key a request authenticated with. */
export type RequestApiKey = { id: string; scopes: ApiKeyScope[] };

type Context<Body, Params> = {
  request: Request;
  requestId: string;
  user: SessionUser | null;
  /** The API key the request authenticated with; null for a session (or a public route). */
  apiKey: RequestApiKey | null;
  body: Body;
  params: Params;
};

type Options<Schema extends z.ZodType | undefined> = {
  /** Roles allowed; omit for a public route (user may still be present). */
  roles?: readonly Role[];
  /** zod schema for the JSON body. */
  body?: Schema;
  /** Largest accepted body in bytes. */
  maxBodyBytes?: number;
  /** Accept an API key (`Authorization: Bearer`) holding this scope; without it, sessions only. */
  apiKeyScope?: ApiKeyScope;
  /**
   * Count the request against a rate limit once the caller is known: `question` limits by API key
   * when the request has one, else by user, else by client IP (rules in lib/config.ts `rateLimits`).
   */
  rateLimit?: 'question';
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Caller = { user: SessionUser | null; apiKey: RequestApiKey | null };

/**
 * Who is calling. A request with an Authorization header is authenticated by its API key alone (no
 * session fallback, so a bad key never quietly becomes the browser's session); one without it by the
 * session cookie. A key that fails for any reason gets the same message, so it reveals nothing.
 */
async function authenticate(request: Request, scope: ApiKeyScope | undefined): Promise<Caller> {
  const authorization = request.headers.get('authorization');
  if (authorization === null) return { user: await getSessionUser(), apiKey: null };
  const key = apiKeyFromAuthorization(authorization);
  const found = key ? await authenticateApiKey(key) : null;
  if (!found) throw new AppError('unauthorized', 'Invalid or missing API key.');
  if (!scope) throw new AppError('forbidden', 'This endpoint does not accept API keys.');
  if (!found.apiKey.scopes.includes(scope))
    throw new AppError('forbidden', `This API key lacks the "${scope}" scope.`);
  return found;
}

export function jsonError(error: AppError, requestId: string): Response {
  return Response.json(errorBody(error, requestId), {
    status: error.status,
    headers: {
      [REQUEST_ID_HEADER]: requestId,
      'cache-control': 'no-store',
      'content-security-policy': API_CONTENT_SECURITY_POLICY,
    },
  });
}

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new AppError('payload_too_large', `Request body is larger than ${maxBytes} bytes.`);
  if (!text.trim()) throw new AppError('bad_request', 'Request body must be JSON.');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'Request body is not valid JSON.');
  }
}

export function route<Schema extends z.ZodType | undefined = undefined>(
  options: Options<Schema>,
  handler: (
    context: Context<
      Schema extends z.ZodType ? z.infer<Schema> : undefined,
      Record<string, string | string[]>
    >,
  ) => Promise<Response>,
) {
  const run = async (request: Request, routeContext?: RouteContext): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const finished = startRequest();
    const params = (await routeContext?.params) ?? {};
    const routeLabel = routeTemplate(new URL(request.url).pathname, params);
    // One span per request; the answer pipeline's stages are its children (lib/observability/tracing.ts).
    const spanName = `${request.method} ${routeLabel}`;
    const spanAttributes = {
      'http.request.method': request.method,
      'http.route': routeLabel,
      'rag.request_id': requestId,
    };
    return withRequestContext(requestId, () =>
      inSpan(spanName, spanAttributes, async (span) => {
        const started = performance.now();
        // RateLimit-* headers go on every response once the request has been counted, refusals included.
        let limitHeaders: Record<string, string> = {};
        try {
          assertSameOrigin(request);
          // Public routes (no roles) authenticate nobody, whatever headers come.
          const { user, apiKey } = options.roles
            ? await authenticate(request, options.apiKeyScope)
            : { user: null, apiKey: null };
          if (options.roles) assertRole(user, options.roles);
          if (options.rateLimit) {
            // The answer doors: a paused service (the kill switch) refuses before a question is counted.
            if (options.rateLimit === 'question') await assertServiceAvailable();
            const { key, rule } = questionBucket({ user, apiKey, headers: request.headers });
            const result = await limit(key, rule);
            limitHeaders = rateLimitHeaders(result);
            if (!result.allowed) throw rateLimitedError(result, rule, 'questions');
          }
          let body = undefined as Schema extends z.ZodType ? z.infer<Schema> : undefined;
          if (options.body)
            body = options.body.parse(
              await readJson(request, options.maxBodyBytes ?? 256 * 1024),
            ) as typeof body;
          const response = await handler({ request, requestId, user, apiKey, body, params });
          response.headers.set(REQUEST_ID_HEADER, requestId);
          // API responses load and run nothing; a route serving a file sets a policy of its own.
          if (!response.headers.has('content-security-policy'))
            response.headers.set('content-security-policy', API_CONTENT_SECURITY_POLICY);
          for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
          finished(routeLabel, response.status);
          span.setAttribute('http.response.status_code', response.status);
          return response;
        } catch (error) {
          const appError = toAppError(error);
          const fields = {
            method: request.method,
            path: new URL(request.url).pathname,
            status: appError.status,
            code: appError.code,
            ms: Math.round(performance.now() - started),
          };
          // A dependency that is down is expected to recover: one compact line, no stack.
          if (appError.code === 'service_unavailable')
            log().warn(
              { ...fields, cause: (error as Error).message?.split('\n').at(-1) },
              'dependency unavailable',
            );
          // A paused service (the kill switch) refuses on purpose: no stack, one line per refusal.
          else if (appError.code === 'service_paused') log().info(fields, 'request refused: answers paused');
          else if (appError.status >= 500) log().error({ ...fields, err: error }, 'request failed');
          else log().info(fields, 'request rejected');
          if (appError.status === 429) {
            const rule = appError.details?.rule;
            observeRateLimited(typeof rule === 'string' ? rule : appError.code);
            // Door refusals leave no query-log row, so the overview counts them here; a spent budget
            // (budget_exceeded) was refused inside the pipeline and is in the query log already.
            if (appError.code === 'rate_limited')
              noteRateLimitRejection(typeof rule === 'string' ? rule : appError.code);
          }
          const response = jsonError(appError, requestId);
          for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
          const retryAfter = appError.details?.retryAfterSeconds;
          if (typeof retryAfter === 'number' && (appError.status === 429 || appError.status === 503))
            response.headers.set('retry-after', String(retryAfter));
          // RFC 6750: a refused bearer token is answered with its challenge.
          if (appError.status === 401 && request.headers.has('authorization'))
            response.headers.set('www-authenticate', 'Bearer error="invalid_token"');
          finished(routeLabel, response.status);
          span.setAttribute('http.response.status_code', response.status);
          return response;
        }
      }),
    );
  };
  return withAccess(run, { kind: 'route', roles: options.roles ?? 'public' });
}

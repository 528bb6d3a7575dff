// Pieces every operation of the OpenAPI document shares: the request-id header and the error
// responses, described from lib/http/errors.ts so a new error code shows up in the reference.
import { z } from 'zod';
import type { ZodOpenApiResponseObject } from 'zod-openapi';
import { errorCodes } from '@/lib/http/errors';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { errorResponseSchema } from './schemas';

const requestIdHeader = z
  .string()
  .meta({ description: 'The id of this request, also in the logs.', header: { id: 'RequestId' } });

export const headers = (extra: Record<string, z.ZodType> = {}) =>
  z.object({ [REQUEST_ID_HEADER]: requestIdHeader, ...extra });

/** The codes of lib/http/errors.ts that answer with `status`. */
function codesFor(status: number): string {
  const codes = Object.entries(errorCodes)
    .filter(([, codeStatus]) => codeStatus === status)
    .map(([code]) => `\`${code}\``);
  return codes.join(' or ');
}

/** An error response of `status`; with an `id` it is shared as a component, without one it is inline. */
export function errorResponse(
  status: number,
  summary: string,
  options: { id?: string; headers?: Record<string, z.ZodType> } = {},
): ZodOpenApiResponseObject {
  return {
    ...(options.id ? { id: options.id } : {}),
    description: `${summary} Code ${codesFor(status)}.`,
    headers: headers(options.headers),
    content: { 'application/json': { schema: errorResponseSchema } },
  };
}

export const errors = {
  400: errorResponse(
    400,
    'The request is malformed (not JSON, or an empty body) or a field is invalid; the message names the field.',
    { id: 'BadRequest' },
  ),
  401: errorResponse(
    401,
    'No session and no API key, or a key that is malformed, unknown, revoked or expired.',
    {
      id: 'Unauthorized',
      headers: {
        'www-authenticate': z
          .string()
          .optional()
          .meta({ description: 'Bearer error="invalid_token" when a key was refused.' }),
      },
    },
  ),
  403: errorResponse(403, 'The key lacks the scope this endpoint needs, or the user lacks the role.', {
    id: 'Forbidden',
  }),
  404: errorResponse(404, "Nothing with this id that you may see (others' ids are not found either).", {
    id: 'NotFound',
  }),
  413: errorResponse(413, 'The body is larger than this endpoint accepts.', { id: 'PayloadTooLarge' }),
  415: errorResponse(415, 'The body or a file is of a type this endpoint does not take.', {
    id: 'UnsupportedMediaType',
  }),
  429: errorResponse(429, 'Too many requests; wait as long as Retry-After says.', {
    id: 'RateLimited',
    headers: { 'retry-after': z.string().meta({ description: 'Seconds to wait before retrying.' }) },
  }),
  503: errorResponse(
    503,
    'The service is paused by an admin, or a dependency (database, model) is down, or the answer could not be generated. Retry later.',
    { id: 'Unavailable' },
  ),
} satisfies Record<number, ZodOpenApiResponseObject>;

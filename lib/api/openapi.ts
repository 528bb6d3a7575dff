// The OpenAPI 3.1 document of /api/v1, built by zod-openapi from the zod schemas the routes parse
// with (lib/api/schemas.ts, lib/api/document-schemas.ts), so the reference cannot drift from the code.
// openapi.test.ts fails when a route under app/api/v1 has no operation here.
import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { errorCodes } from '@/lib/http/errors';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import packageJson from '@/package.json';
import {
  documentDeletedSchema,
  documentIdParamsSchema,
  documentListSchema,
  documentSchema,
  documentUploadFormSchema,
  documentUploadResultSchema,
  listDocumentsQuerySchema,
} from './document-schemas';
import {
  asyncAcceptedSchema,
  asyncQueryStatusSchema,
  errorResponseSchema,
  queryRequestSchema,
  queryResponseSchema,
  streamTextEventSchema,
} from './schemas';

export const OPENAPI_PATH = '/api/v1/openapi.json';

const description = `Answers from your organisation's documents, with the passages they cite, for programs.

**Authentication.** Send an API key as \`Authorization: Bearer rag_…\`. Create one on the API keys
settings page (\`/settings/keys\`), or for automation with
\`npm run apikey:create -- --email you@example.com --scopes query\`. A key holds scopes: \`query\`
for the query endpoints, \`ingest\` (admins' keys only) for the documents endpoints. In a browser, a
signed-in session works as well, without a key. A request that sends an \`Authorization\` header is
authenticated by that key alone.

**Errors.** Every error has one shape, \`{ "error": { "code", "message", "requestId" } }\`, with a
stable machine-readable \`code\` and a \`message\` for people that names the field at fault. Every
response carries an \`X-Request-Id\` header; quote it when reporting a problem.`;

const requestIdHeader = z
  .string()
  .meta({ description: 'The id of this request, also in the logs.', header: { id: 'RequestId' } });

const headers = (extra: Record<string, z.ZodType> = {}) =>
  z.object({ [REQUEST_ID_HEADER]: requestIdHeader, ...extra });

/** The codes of lib/http/errors.ts that answer with `status`. */
function codesFor(status: number): string {
  const codes = Object.entries(errorCodes)
    .filter(([, codeStatus]) => codeStatus === status)
    .map(([code]) => `\`${code}\``);
  return codes.join(' or ');
}

/** An error response of `status`; with an `id` it is shared as a component, without one it is inline. */
function errorResponse(
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

const errors = {
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

const querySecurity = [{ apiKey: ['query'] }];
const ingestSecurity = [{ apiKey: ['ingest'] }];

/** The body the try-it console starts from: one a caller can send as it is (openapi.test.ts parses it). */
export const queryRequestExample = { query: 'How do I install the service?', max_tokens: 500 };

const queryBody = {
  required: true,
  content: { 'application/json': { schema: queryRequestSchema, example: queryRequestExample } },
};

const queryErrors = {
  400: errors[400],
  401: errors[401],
  403: errors[403],
  404: errorResponse(404, 'The conversation_id is unknown or not yours.'),
  413: errors[413],
  429: errors[429],
  503: errors[503],
};

const queryOperations: Record<string, Record<string, ZodOpenApiOperationObject>> = {
  '/api/v1/query': {
    post: {
      operationId: 'query',
      tags: ['Query'],
      summary: 'Ask a question',
      description:
        'Retrieves the passages of the documents you may see that best match the question, and answers from them, citing them as [n]. The whole answer comes back in one JSON body.',
      security: querySecurity,
      requestBody: queryBody,
      responses: {
        200: {
          description: 'The answer with its sources and usage.',
          headers: headers(),
          content: { 'application/json': { schema: queryResponseSchema } },
        },
        ...queryErrors,
      },
    },
  },
  '/api/v1/query/stream': {
    post: {
      operationId: 'queryStream',
      tags: ['Query'],
      summary: 'Ask a question, streamed as Server-Sent Events',
      description:
        'The same answer as POST /api/v1/query, sent as it is written (`curl -N` shows it live). Closing the connection stops generation; the query is still logged. Errors before the stream starts (validation, authentication) are JSON with their status; a failure while answering ends the stream with an `error` event.',
      security: querySecurity,
      requestBody: queryBody,
      responses: {
        200: {
          description: [
            'A `text/event-stream` of:',
            '',
            '- unnamed events, one per piece of the answer: `data: {"text": "…"}` (StreamTextEvent);',
            '- then one `event: done` whose data is the whole QueryResponse (answer, sources, usage);',
            '- or, if generation failed, one `event: error` whose data is an Error.',
          ].join('\n'),
          headers: headers(),
          content: {
            'text/event-stream': {
              schema: z.string().meta({ description: 'Server-Sent Events; each data line is JSON.' }),
              example:
                'data: {"text":"Refunds are due within "}\n\ndata: {"text":"30 days [1]."}\n\nevent: done\ndata: {"answer":"Refunds are due within 30 days [1].","sources":[…],…}\n\n',
            },
          },
        },
        ...queryErrors,
      },
    },
  },
  '/api/v1/query/async': {
    post: {
      operationId: 'queryAsync',
      tags: ['Query'],
      summary: 'Ask a question, answered in the background',
      description:
        'Accepts the question at once and answers it on the job queue (it survives a restart of the service). Poll GET /api/v1/query/{id}, the Location header, until its status is no longer `processing`.',
      security: querySecurity,
      requestBody: queryBody,
      responses: {
        202: {
          description: 'Accepted; being answered.',
          headers: headers({
            location: z.string().meta({ description: 'Where to poll: /api/v1/query/{query_id}.' }),
          }),
          content: { 'application/json': { schema: asyncAcceptedSchema } },
        },
        ...queryErrors,
      },
    },
  },
  '/api/v1/query/{id}': {
    get: {
      operationId: 'getAsyncQuery',
      tags: ['Query'],
      summary: 'Status and answer of a background question',
      description:
        '`processing` until answered; then `completed` with the same fields as POST /api/v1/query, or `failed` with the error. Only the key (or, for a session, the user) that asked can read it.',
      security: querySecurity,
      requestParams: {
        path: z.object({
          id: z.string().meta({ description: 'The query_id from POST /api/v1/query/async.' }),
        }),
      },
      responses: {
        200: {
          description: 'The query and, once done, its answer.',
          headers: headers(),
          content: { 'application/json': { schema: asyncQueryStatusSchema } },
        },
        401: errors[401],
        403: errors[403],
        404: errors[404],
        503: errors[503],
      },
    },
  },
};

const documentErrors = { 401: errors[401], 403: errors[403], 503: errors[503] };

const documentOperations: Record<string, Record<string, ZodOpenApiOperationObject>> = {
  '/api/v1/documents': {
    post: {
      operationId: 'uploadDocuments',
      tags: ['Documents'],
      summary: 'Upload documents',
      description:
        'Admins only. Stores the files and queues their ingestion (parse, chunk, embed), answering at once; follow each with GET /api/v1/documents/{id}. The whole upload is checked first: one unsupported or oversized file rejects it and nothing is stored. The same bytes again are not ingested twice; a changed file with the same name replaces the old version once it is ready.',
      security: ingestSecurity,
      requestBody: {
        required: true,
        content: { 'multipart/form-data': { schema: documentUploadFormSchema } },
      },
      responses: {
        202: {
          description: 'Stored and queued (or unchanged).',
          headers: headers(),
          content: { 'application/json': { schema: documentUploadResultSchema } },
        },
        400: errors[400],
        413: errors[413],
        415: errors[415],
        ...documentErrors,
      },
    },
    get: {
      operationId: 'listDocuments',
      tags: ['Documents'],
      summary: 'List documents',
      description: 'Admins only. Every document with its status, newest first, a page at a time.',
      security: ingestSecurity,
      requestParams: { query: listDocumentsQuerySchema },
      responses: {
        200: {
          description: 'A page of documents.',
          headers: headers(),
          content: { 'application/json': { schema: documentListSchema } },
        },
        400: errors[400],
        ...documentErrors,
      },
    },
  },
  '/api/v1/documents/{id}': {
    get: {
      operationId: 'getDocument',
      tags: ['Documents'],
      summary: 'A document and its ingestion progress',
      description: 'Admins only.',
      security: ingestSecurity,
      requestParams: { path: documentIdParamsSchema },
      responses: {
        200: {
          description: 'The document.',
          headers: headers(),
          content: { 'application/json': { schema: documentSchema } },
        },
        404: errors[404],
        ...documentErrors,
      },
    },
    delete: {
      operationId: 'deleteDocument',
      tags: ['Documents'],
      summary: 'Delete a document',
      description: 'Admins only. Removes the document with its passages; answers stop using it at once.',
      security: ingestSecurity,
      requestParams: { path: documentIdParamsSchema },
      responses: {
        200: {
          description: 'Deleted.',
          headers: headers(),
          content: { 'application/json': { schema: documentDeletedSchema } },
        },
        404: errors[404],
        ...documentErrors,
      },
    },
  },
  '/api/v1/documents/{id}/reindex': {
    post: {
      operationId: 'reindexDocument',
      tags: ['Documents'],
      summary: 'Retry or re-ingest a document',
      description:
        'Admins only. A failed document is queued again; a ready one is ingested again from its stored file as a new version, and the current version keeps answering until the new one is ready.',
      security: ingestSecurity,
      requestParams: { path: documentIdParamsSchema },
      responses: {
        202: {
          description: 'Queued; the document as it now stands (a new id for a re-ingested ready one).',
          headers: headers(),
          content: { 'application/json': { schema: documentSchema } },
        },
        400: errorResponse(400, 'The document is being ingested already (neither ready nor failed).'),
        404: errors[404],
        ...documentErrors,
      },
    },
  },
};

const referenceOperations: Record<string, Record<string, ZodOpenApiOperationObject>> = {
  [OPENAPI_PATH]: {
    get: {
      operationId: 'getOpenApiDocument',
      tags: ['Reference'],
      summary: 'This OpenAPI document',
      description: 'Public; cached for five minutes.',
      security: [],
      responses: {
        200: {
          description: 'The OpenAPI 3.1 document of this API.',
          headers: headers(),
          content: { 'application/json': { schema: z.object({ openapi: z.string() }).loose() } },
        },
      },
    },
  },
};

export const openApiDefinition = {
  openapi: '3.1.0',
  info: {
    title: 'Ask the docs API',
    version: packageJson.version,
    description,
  },
  servers: [{ url: '/', description: 'This service' }],
  tags: [
    {
      name: 'Query',
      description: 'Questions answered from the documents, as JSON, a stream or in the background.',
    },
    {
      name: 'Documents',
      description: 'The knowledge base: upload, follow, re-index and delete documents (admins).',
    },
    { name: 'Reference', description: 'This description of the API.' },
  ],
  security: [{ apiKey: [] }],
  paths: { ...queryOperations, ...documentOperations, ...referenceOperations },
  components: {
    securitySchemes: {
      apiKey: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'rag_…',
        description:
          'An API key, `Authorization: Bearer rag_…`. The listed scopes are the ones the key must hold. A signed-in browser session is accepted too.',
      },
    },
    // Sent inside the event stream rather than as a response body, so listed here to be found.
    schemas: { StreamTextEvent: streamTextEventSchema },
  },
} satisfies ZodOpenApiObject;

let built: ReturnType<typeof createDocument> | undefined;

/** The document, built on first use (the schemas do not change while the process runs). */
export function openApiDocument(): ReturnType<typeof createDocument> {
  built ??= createDocument(openApiDefinition, {
    // zod renders .int() with the whole safe-integer range and ISO timestamps with their full regular
    // expression: true, but noise for a reader, and `format` already says it.
    override: ({ jsonSchema }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
    },
  });
  return built;
}

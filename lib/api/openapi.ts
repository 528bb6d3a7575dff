// The OpenAPI 3.1 document of /api/v1, built by zod-openapi from the zod schemas the routes parse
// with (lib/api/schemas.ts, lib/api/document-schemas.ts), so the reference cannot drift from the code.
// The operations live in openapi-query.ts and openapi-documents.ts; openapi.test.ts fails when a
// route under app/api/v1 has no operation.
import { z } from 'zod';
import { createDocument, type ZodOpenApiObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import packageJson from '@/package.json';
import { documentOperations } from './openapi-documents';
import { queryOperations } from './openapi-query';
import { headers } from './openapi-responses';
import { streamTextEventSchema } from './schemas';

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

const referenceOperations: ZodOpenApiPathsObject = {
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

// The Query operations of the OpenAPI document: POST /api/v1/query, its stream and async forms, and
// GET /api/v1/query/{id}, described with the schemas the routes parse with.
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponse, errors, headers } from './openapi-responses';
import {
  asyncAcceptedSchema,
  asyncQueryStatusSchema,
  queryRequestSchema,
  queryResponseSchema,
} from './schemas';

const querySecurity = [{ apiKey: ['query'] }];

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

export const queryOperations: ZodOpenApiPathsObject = {
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

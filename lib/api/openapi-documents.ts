// The Documents operations of the OpenAPI document (admins' knowledge base), described with the
// schemas of lib/api/document-schemas.ts.
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import {
  documentDeletedSchema,
  documentIdParamsSchema,
  documentListSchema,
  documentSchema,
  documentUploadFormSchema,
  documentUploadResultSchema,
  listDocumentsQuerySchema,
} from './document-schemas';
import { errorResponse, errors, headers } from './openapi-responses';

const ingestSecurity = [{ apiKey: ['ingest'] }];

const documentErrors = { 401: errors[401], 403: errors[403], 503: errors[503] };

export const documentOperations: ZodOpenApiPathsObject = {
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

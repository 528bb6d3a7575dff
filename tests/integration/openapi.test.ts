// [API DOCS] GET /api/v1/openapi.json through its route handler: public, cacheable, the generated
// OpenAPI 3.1 document. And the documents API answers with exactly the shapes that document is built
// from, so the reference cannot promise fields the routes do not send.
import { afterAll, describe, expect, it } from 'vitest';
import { DELETE as deleteDocument, GET as getDocument } from '../../app/api/v1/documents/[id]/route';
import { GET as listDocuments, POST as uploadDocuments } from '../../app/api/v1/documents/route';
import { GET as openApiJson } from '../../app/api/v1/openapi.json/route';
import {
  documentDeletedSchema,
  documentListSchema,
  documentSchema,
  documentUploadResultSchema,
} from '../../lib/api/document-schemas';
import { createApiKey } from '../../lib/db/api-keys';
import { upsertUser } from '../../lib/db/users';
import { stopJobQueue } from '../../lib/jobs/queue';

describe('[API DOCS] GET /api/v1/openapi.json', () => {
  it('serves the OpenAPI 3.1 document to anyone, cacheable for five minutes', async () => {
    const response = await openApiJson(new Request('http://localhost/api/v1/openapi.json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const document = await response.json();
    expect(document).toMatchObject({
      openapi: '3.1.0',
      info: { title: expect.any(String), version: expect.any(String) },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
    });
    expect(document.paths['/api/v1/query'].post.operationId).toBe('query');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/query/stream', '/api/v1/query/async', '/api/v1/documents/{id}']),
    );
  });

  it('ignores credentials: a bad key still gets the document, not a 401', async () => {
    const response = await openApiJson(
      new Request('http://localhost/api/v1/openapi.json', { headers: { authorization: 'Bearer rag_nope' } }),
    );
    expect(response.status).toBe(200);
  });
});

describe('[API DOCS] the documents API answers in its documented shapes', () => {
  afterAll(async () => {
    await stopJobQueue();
  });

  it('upload (202), list, get and delete parse with the schemas the document is made from', async () => {
    const admin = await upsertUser({
      email: 'openapi-admin@example.com',
      role: 'ADMIN',
      passwordHash: 'scrypt$x',
    });
    const { key } = await createApiKey({ user: admin, name: 'docs check', scopes: ['ingest'] });
    const authorization = `Bearer ${key}`;

    const form = new FormData();
    form.append(
      'file',
      new File(['# Shapes\n\nDocumented fields only.'], 'openapi-shapes.md', { type: 'text/markdown' }),
    );
    form.append('tags', 'docs,api');
    const uploaded = await uploadDocuments(
      new Request('http://localhost/api/v1/documents', {
        method: 'POST',
        headers: { authorization },
        body: form,
      }),
    );
    expect(uploaded.status).toBe(202);
    const { documents } = documentUploadResultSchema.parse(await uploaded.json());
    const id = documents[0]!.id;
    const params = { params: Promise.resolve({ id }) };

    const list = await listDocuments(
      new Request('http://localhost/api/v1/documents?limit=200', { headers: { authorization } }),
    );
    expect(documentListSchema.parse(await list.json()).documents.map((d) => d.id)).toContain(id);

    const one = await getDocument(
      new Request(`http://localhost/api/v1/documents/${id}`, { headers: { authorization } }),
      params,
    );
    expect(documentSchema.parse(await one.json())).toMatchObject({ id, tags: ['docs', 'api'] });

    const deleted = await deleteDocument(
      new Request(`http://localhost/api/v1/documents/${id}`, {
        method: 'DELETE',
        headers: { authorization },
      }),
      params,
    );
    expect(documentDeletedSchema.parse(await deleted.json()).deleted.id).toBe(id);
  });
});

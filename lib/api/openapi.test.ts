// The OpenAPI document: valid OpenAPI 3.1, and in step with the route files under app/api/v1 (a new
// route or method without an operation fails here), with errors and auth described on every operation.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { limits } from '@/lib/config';
import packageJson from '@/package.json';
import { OPENAPI_PATH, openApiDocument } from './openapi';
import { queryRequestExample } from './openapi-query';
import { queryRequestSchema } from './schemas';

const apiRoot = fileURLToPath(new URL('../../app/api/v1', import.meta.url));
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
};

/** "METHOD /api/v1/…" for every handler a route file under app/api/v1 exports. */
function routesOnDisk(dir = apiRoot): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routesOnDisk(full));
    else if (/^route\.tsx?$/.test(entry.name)) {
      const urlPath = path
        .relative(apiRoot, dir)
        .split(path.sep)
        .filter(Boolean)
        .map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, '{$1}'))
        .join('/');
      const source = readFileSync(full, 'utf8');
      for (const [, method] of source.matchAll(
        /export\s+(?:const|(?:async\s+)?function)\s+(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS)\b/g,
      ))
        found.push(`${method} /api/v1${urlPath ? `/${urlPath}` : ''}`);
    }
  }
  return found;
}

function operations(): Array<{ key: string; operation: Operation }> {
  const paths = openApiDocument().paths as Record<string, Record<string, Operation>>;
  return Object.entries(paths).flatMap(([urlPath, item]) =>
    methods
      .filter((method) => item[method])
      .map((method) => ({ key: `${method.toUpperCase()} ${urlPath}`, operation: item[method]! })),
  );
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const document = structuredClone(openApiDocument());
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(document as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('has an operation for every route handler under app/api/v1, and none without one', () => {
    const onDisk = routesOnDisk().sort();
    expect(onDisk).toContain('POST /api/v1/query');
    expect(onDisk).toContain('GET /api/v1/documents/{id}');
    expect(
      operations()
        .map((o) => o.key)
        .sort(),
    ).toEqual(onDisk);
  });

  it('names, tags and describes every operation, with unique operation ids', () => {
    const ops = operations();
    for (const { key, operation } of ops) {
      expect(operation.operationId, key).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.summary, key).toBeTruthy();
      expect(operation.description, key).toBeTruthy();
      expect(operation.tags, key).toHaveLength(1);
    }
    expect(new Set(ops.map((o) => o.operation.operationId)).size).toBe(ops.length);
    const tagged = (tag: string) => ops.filter((o) => o.operation.tags?.includes(tag)).length;
    expect(tagged('Query')).toBe(4);
    expect(tagged('Documents')).toBe(5);
  });

  it('asks for the key scope each route takes, and documents the one error shape', () => {
    for (const { key, operation } of operations()) {
      if (key === `GET ${OPENAPI_PATH}`) {
        expect(operation.security, key).toEqual([]);
        continue;
      }
      const scope = key.includes('/api/v1/documents') ? 'ingest' : 'query';
      expect(operation.security, key).toEqual([{ apiKey: [scope] }]);
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      expect(
        errors.map(([status]) => status),
        key,
      ).toEqual(expect.arrayContaining(['401', '403', '503']));
      // A shared error response (checked below), or an inline one with the Error schema.
      for (const [status, response] of errors) {
        if (response.$ref) expect(response.$ref, `${key} ${status}`).toMatch(/^#\/components\/responses\//);
        else
          expect(response.content?.['application/json']?.schema?.$ref, `${key} ${status}`).toBe(
            '#/components/schemas/Error',
          );
      }
    }
    const components = openApiDocument().components as {
      responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
    };
    for (const response of Object.values(components.responses))
      expect(response.content['application/json']!.schema.$ref).toBe('#/components/schemas/Error');
  });

  it('describes the request bodies with the routes’ own schemas', () => {
    const ops = Object.fromEntries(operations().map((o) => [o.key, o.operation]));
    for (const key of ['POST /api/v1/query', 'POST /api/v1/query/stream', 'POST /api/v1/query/async'])
      expect(ops[key]!.requestBody!.content['application/json']!.schema!.$ref).toBe(
        '#/components/schemas/QueryRequest',
      );
    expect(ops['POST /api/v1/documents']!.requestBody!.content['multipart/form-data']!.schema!.$ref).toBe(
      '#/components/schemas/DocumentUpload',
    );
    const schemas = openApiDocument().components!.schemas as Record<
      string,
      { properties: Record<string, { maxLength?: number; default?: unknown }> }
    >;
    expect(schemas.QueryRequest!.properties.query!.maxLength).toBe(limits.questionMaxChars);
    expect(schemas.QueryRequest!.properties.max_tokens!.default).toBe(1000);
    // The example the try-it console starts from is a request the route accepts.
    expect(queryRequestSchema.safeParse(queryRequestExample).success).toBe(true);
    const stream = ops['POST /api/v1/query/stream']!.responses['200']!;
    expect(Object.keys(stream.content!)).toEqual(['text/event-stream']);
  });

  it('carries the package version, a relative server and the bearer scheme', () => {
    const document = openApiDocument();
    expect(document.info.version).toBe(packageJson.version);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.components?.securitySchemes?.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

// The documents API's documented shapes against the code that produces and reads them: real
// documentView() output parses with the strict Document schema, and the documented form fields are
// the ones readUpload reads.
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '@/lib/db/documents';
import { documentView } from '@/lib/ingest/document-view';
import { readUpload } from '@/lib/ingest/upload';
import {
  documentListSchema,
  documentSchema,
  documentUploadFormSchema,
  listDocumentsQuerySchema,
} from './document-schemas';

function record(overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: 'doc_1',
    title: 'Handbook',
    source: 'handbook.pdf',
    fileName: 'handbook.pdf',
    format: 'pdf',
    mimeType: 'application/pdf',
    sizeBytes: 1234,
    contentHash: 'a'.repeat(64),
    visibility: 'SHARED',
    tags: ['hr'],
    language: 'english',
    status: 'READY',
    error: null,
    chunkCount: 12,
    injectionFlaggedPassages: 1,
    injectionScore: 0.93,
    progressDone: 12,
    progressTotal: 12,
    attempts: 1,
    jobId: 'job_1',
    heartbeatAt: new Date('2026-01-02T03:04:05.678Z'),
    readyAt: new Date('2026-01-02T03:04:06.000Z'),
    createdById: 'user_1',
    createdAt: new Date('2026-01-02T03:04:00.000Z'),
    updatedAt: new Date('2026-01-02T03:04:06.000Z'),
    ...overrides,
  };
}

describe('documentSchema', () => {
  it('accepts exactly what documentView returns, for a ready and a failed private document', () => {
    const ready = documentView(record());
    const failed = documentView(
      record({ status: 'FAILED', visibility: 'PRIVATE', error: 'The PDF is encrypted.', readyAt: null }),
    );
    expect(documentSchema.parse(ready)).toEqual(ready);
    expect(documentSchema.parse(failed)).toEqual(failed);
    expect(documentListSchema.parse({ documents: [ready, failed], nextCursor: null }).documents).toHaveLength(
      2,
    );
  });

  it('rejects a field it does not document', () => {
    expect(documentSchema.safeParse({ ...documentView(record()), contentHash: 'x' }).success).toBe(false);
  });
});

describe('listDocumentsQuerySchema', () => {
  it('pages 50 at a time unless asked, and knows only the document states', () => {
    expect(listDocumentsQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(listDocumentsQuerySchema.parse({ status: 'failed', limit: '10' })).toEqual({
      status: 'failed',
      limit: 10,
    });
    expect(listDocumentsQuerySchema.safeParse({ status: 'done' }).success).toBe(false);
  });
});

describe('documentUploadFormSchema', () => {
  it('names the form fields readUpload reads', async () => {
    expect(Object.keys(documentUploadFormSchema.shape).sort()).toEqual([
      'file',
      'language',
      'tags',
      'visibility',
    ]);
    const form = new FormData();
    form.append('file', new File(['# A'], 'a.md', { type: 'text/markdown' }));
    form.append('visibility', 'private');
    form.append('tags', 'hr');
    form.append('tags', 'policies');
    form.append('language', 'german');
    const upload = await readUpload(
      new Request('http://localhost/api/v1/documents', { method: 'POST', body: form }),
    );
    expect(upload.files.map((file) => file.fileName)).toEqual(['a.md']);
    expect(upload.fields).toEqual({ visibility: 'private', tags: ['hr', 'policies'], language: 'german' });
  });
});

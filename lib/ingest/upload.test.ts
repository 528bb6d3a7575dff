// The upload boundary: multipart only, size limits, file fields and metadata validated before
// anything is stored, with the one error type the route wrapper maps to 4xx.
import { describe, expect, it } from 'vitest';
import { ingestion } from '@/lib/config';
import { AppError } from '@/lib/http/errors';
import { checkSubmission } from './submit';
import { readUpload } from './upload';
import { rejectionOf } from '@/tests/support/rejection';

function multipart(fields: Array<[string, string | File]>): Request {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return new Request('http://localhost/api/v1/documents', { method: 'POST', body: form });
}

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

const file = (name: string, text = 'hello', type = 'text/plain') => new File([text], name, { type });

describe('readUpload', () => {
  it('reads the files and normalises tags, visibility and language', async () => {
    const upload = await readUpload(
      multipart([
        ['file', file('a.md', '# A', 'text/markdown')],
        ['file', file('b.txt')],
        ['visibility', 'private'],
        ['tags', ' HR, policies ,hr'],
        ['language', 'german'],
      ]),
    );
    expect(upload.files.map((f) => [f.fileName, f.declaredType, new TextDecoder().decode(f.bytes)])).toEqual([
      ['a.md', 'text/markdown', '# A'],
      ['b.txt', 'text/plain', 'hello'],
    ]);
    expect(upload.fields).toEqual({ visibility: 'private', tags: ['hr', 'policies'], language: 'german' });
  });

  it('defaults to a shared document with no tags and a detected language', async () => {
    const upload = await readUpload(multipart([['file', file('a.txt')]]));
    expect(upload.fields).toEqual({ visibility: 'shared', tags: [] });
  });

  it('answers 415 for a body that is not multipart', async () => {
    const error = await rejection(
      readUpload(
        new Request('http://localhost/x', {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        }),
      ),
    );
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/multipart\/form-data/);
  });

  it('answers 413 when the declared body is larger than any accepted upload', async () => {
    const request = multipart([['file', file('a.txt')]]);
    const huge = new Request(request, {
      headers: { 'content-type': request.headers.get('content-type')!, 'content-length': String(2 ** 40) },
    });
    expect((await rejection(readUpload(huge))).status).toBe(413);
  });

  it('answers 400 without a file, with a text "file" field, or with bad metadata', async () => {
    expect((await rejection(readUpload(multipart([['tags', 'a']])))).message).toMatch(/at least one file/);
    expect((await rejection(readUpload(multipart([['file', 'not a file']])))).message).toMatch(
      /files, not text/,
    );
    const badVisibility = await rejection(
      readUpload(
        multipart([
          ['file', file('a.txt')],
          ['visibility', 'public'],
        ]),
      ),
    );
    expect(badVisibility.status).toBe(400);
    expect(badVisibility.message).toMatch(/visibility/);
    const badLanguage = await rejection(
      readUpload(
        multipart([
          ['file', file('a.txt')],
          ['language', 'klingon'],
        ]),
      ),
    );
    expect(badLanguage.message).toMatch(/language must be one of: .*english/);
    const badTag = await rejection(
      readUpload(
        multipart([
          ['file', file('a.txt')],
          ['tags', '<script>'],
        ]),
      ),
    );
    expect(badTag.message).toMatch(/tag/);
  });
});

describe('checkSubmission', () => {
  it('accepts a supported file and sanitises its name', () => {
    expect(checkSubmission({ fileName: '../../etc/notes.md', bytes: new Uint8Array([35]) })).toEqual({
      fileName: 'notes.md',
      format: 'markdown',
    });
  });

  it('answers 415 for an unsupported type, listing the supported ones', () => {
    let error: unknown;
    try {
      checkSubmission({ fileName: 'setup.exe', bytes: new Uint8Array([0x4d, 0x5a]) });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 415 });
    expect((error as Error).message).toMatch(/\.exe.*Markdown.*PDF.*Word/);
  });

  it('answers 413 above the size limit', () => {
    const bytes = new Uint8Array(ingestion.maxFileBytes + 1);
    expect(() => checkSubmission({ fileName: 'big.txt', bytes })).toThrow(/larger than the 20 MB limit/);
  });
});

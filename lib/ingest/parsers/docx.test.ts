import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '@/lib/rag/chunking';
import { makeDocx } from '@/tests/fixtures/ingest/make';
import { DocumentParseError } from '../types';
import { parseDocx } from './docx';
import { rejectionOf } from '@/tests/support/rejection';

const reason = async (promise: Promise<unknown>) => (await rejectionOf(promise, DocumentParseError)).reason;

describe('parseDocx', () => {
  it('turns Word heading styles into Markdown headings, with lists and tables', async () => {
    const { title, markdown } = await parseDocx(await makeDocx({ title: 'Employee Onboarding' }));
    expect(title).toBe('Employee Onboarding');
    expect(markdown).toBe(
      [
        '# Onboarding',
        'Welcome to the team. **Read this first.**',
        '## First week',
        'Your manager books the introductions.',
        '- Laptop setup\n- Accounts and passwords',
        // Word tables have no header cells; the first row becomes the header.
        '| Day    | Task             |\n| ------ | ---------------- |\n| Monday | Badge and laptop |',
        '# Leave',
        'Holidays are booked in the HR portal.',
      ].join('\n\n'),
    );
  });

  it('gives passages the heading path of the Word headings above them', async () => {
    // A title that merely contains the first heading leaves that heading in the paths.
    const { title, markdown } = await parseDocx(await makeDocx({ title: 'Employee Onboarding' }));
    const chunks = chunkDocument({
      format: 'docx',
      title,
      sections: [{ page: null, markdown }],
      language: 'english',
    });
    expect(chunks.map((c) => [c.headingPath, c.text.split('\n')[0]])).toEqual([
      ['Onboarding', 'Welcome to the team. **Read this first.**'],
      ['Onboarding › First week', 'Your manager books the introductions.'],
      ['Leave', 'Holidays are booked in the HR portal.'],
    ]);
  });

  it('falls back to the first heading when the metadata has no title', async () => {
    expect((await parseDocx(await makeDocx())).title).toBe('Onboarding');
  });

  it('rejects a ZIP that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await reason(parseDocx(bytes))).toBe('The DOCX file is damaged (not a valid Word document).');
  });

  it('rejects a truncated DOCX', async () => {
    const bytes = await makeDocx();
    expect(await reason(parseDocx(bytes.slice(0, bytes.length / 2)))).toBe(
      'The DOCX file is damaged (not a valid Word document).',
    );
  });

  it('refuses a DOCX that unpacks to far more than it weighs (a zip bomb)', async () => {
    const zip = await JSZip.loadAsync(await makeDocx());
    zip.file('word/media/padding.bin', new Uint8Array(4 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(100_000);
    expect(await reason(parseDocx(bytes, { maxUnpackedBytes: 1024 * 1024 }))).toBe(
      'The DOCX file unpacks to more data than any real document holds.',
    );
  });
});

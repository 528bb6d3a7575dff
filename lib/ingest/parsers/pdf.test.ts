import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makePdf, type PdfLine } from '@/tests/fixtures/ingest/make';
import { DocumentParseError } from '../types';
import { parsePdf } from './pdf';
import { rejectionOf } from '@/tests/support/rejection';

const read = (bytes: Uint8Array, options: { timeoutMs?: number; maxPages?: number } = {}) =>
  parsePdf(bytes, { timeoutMs: 10_000, ...options });

const handbook: PdfLine[][] = [
  [
    { text: 'Refunds', size: 20, bold: true },
    { text: 'Customers may ask for a refund within thirty days of pur-' },
    { text: 'chase. The refund goes back to the original payment method.' },
    { text: '' },
    { text: 'Store credit is offered as an alternative.' },
    { text: 'Exceptions', size: 15, bold: true },
    { text: '• Gift cards cannot be refunded.' },
    { text: '• Sale items cannot be refunded.' },
  ],
  [
    { text: "Refunds over 500 EUR need a manager's approval." },
    { text: 'Shipping', size: 20, bold: true },
    { text: 'We ship worldwide.' },
  ],
];

const reason = async (promise: Promise<unknown>) => (await rejectionOf(promise, DocumentParseError)).reason;

describe('parsePdf', () => {
  it('gives one section per page with its number, paragraphs joined and headings from font size', async () => {
    const parsed = await read(await makePdf(handbook, { title: 'Staff Handbook' }));
    expect(parsed.title).toBe('Staff Handbook');
    expect(parsed.sections).toEqual([
      {
        page: 1,
        markdown: [
          '# Refunds',
          // Lines of a paragraph are joined, and the hyphen at the line end is undone.
          'Customers may ask for a refund within thirty days of purchase. The refund goes back to the original payment method.',
          'Store credit is offered as an alternative.',
          '## Exceptions',
          '- Gift cards cannot be refunded.\n- Sale items cannot be refunded.',
        ].join('\n\n'),
      },
      // The running header ("ACME Staff Handbook") and the page numbers are gone.
      {
        page: 2,
        markdown: "Refunds over 500 EUR need a manager's approval.\n\n# Shipping\n\nWe ship worldwide.",
      },
    ]);
  });

  it('takes the first top heading as the title when the metadata has none', async () => {
    expect((await read(await makePdf(handbook))).title).toBe('Refunds');
    expect((await read(await makePdf([[{ text: 'No headings here.' }]]))).title).toBeNull();
  });

  it('leaves the caller’s bytes intact (pdf.js takes over the buffer it is given)', async () => {
    const bytes = await makePdf(handbook);
    const copy = bytes.slice();
    await read(bytes);
    expect(bytes).toEqual(copy);
  });

  it('rejects an encrypted PDF with a reason', async () => {
    // Made from a one-page makePdf() output with: qpdf --encrypt open-sesame owner-secret 256 -- in.pdf encrypted.pdf
    const bytes = new Uint8Array(readFileSync(path.join('tests/fixtures/ingest/encrypted.pdf')));
    expect(await reason(read(bytes))).toBe('The PDF is encrypted; upload a copy without a password.');
  });

  it('rejects a PDF without a text layer, as a scan is', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage().drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
    expect(await reason(read(await pdf.save()))).toBe(
      'The PDF has no text layer (a scanned image?); run OCR first.',
    );
  });

  it('rejects a damaged PDF', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without end');
    expect(await reason(read(bytes))).toBe('The PDF is damaged and cannot be read.');
  });

  it('rejects a truncated PDF', async () => {
    const bytes = await makePdf(handbook);
    expect(await reason(read(bytes.slice(0, 300)))).toMatch(/damaged|no text layer/);
  });

  it('refuses more pages than the limit', async () => {
    expect(await reason(read(await makePdf(handbook), { maxPages: 1 }))).toBe(
      'The PDF has 2 pages; at most 1 can be read. Split it into smaller files.',
    );
  });

  it('gives up when reading takes longer than allowed', async () => {
    expect(await reason(read(await makePdf(handbook), { timeoutMs: 0 }))).toBe(
      'The PDF took too long to read; it may be damaged.',
    );
  });
});

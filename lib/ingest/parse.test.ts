import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '@/tests/fixtures/ingest/make';
import { UnsupportedFormatError } from './formats';
import { DocumentParseError, parseDocument } from './parse';

const encode = (text: string) => new TextEncoder().encode(text);

async function reason(input: Parameters<typeof parseDocument>[0]): Promise<string> {
  const error = await parseDocument(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentParseError);
  return (error as DocumentParseError).reason;
}

const german =
  'Kunden können innerhalb von dreißig Tagen nach dem Kauf eine Rückerstattung verlangen. Das Geld wird auf das ursprüngliche Zahlungsmittel zurückgebucht, sobald die Ware bei uns eingegangen ist.';

describe('parseDocument', () => {
  it('reads each format into the contract: format, title, sections, language', async () => {
    const markdown = await parseDocument({
      bytes: encode(`# Rückgabe\n\n${german}`),
      fileName: 'rueckgabe.md',
    });
    expect(markdown).toEqual({
      format: 'markdown',
      title: 'Rückgabe',
      sections: [{ page: null, markdown: `# Rückgabe\n\n${german}` }],
      language: 'german',
    });

    const pdf = await parseDocument({
      bytes: await makePdf([
        [{ text: 'Refunds', size: 20 }, { text: 'Within thirty days.' }],
        [{ text: 'Page two.' }],
      ]),
      fileName: 'handbook.pdf',
    });
    expect(pdf.format).toBe('pdf');
    expect(pdf.title).toBe('Refunds');
    expect(pdf.sections.map((s) => s.page)).toEqual([1, 2]);

    const docx = await parseDocument({
      bytes: await makeDocx({ title: 'Onboarding Guide' }),
      fileName: 'guide.docx',
    });
    expect([docx.format, docx.title, docx.sections.length, docx.sections[0]!.page]).toEqual([
      'docx',
      'Onboarding Guide',
      1,
      null,
    ]);

    const html = await parseDocument({ bytes: encode('<h1>Hi</h1><p>There.</p>'), fileName: 'page.htm' });
    expect([html.format, html.title, html.sections]).toEqual([
      'html',
      'Hi',
      [{ page: null, markdown: '# Hi\n\nThere.' }],
    ]);

    const text = await parseDocument({ bytes: encode('Plain notes.\n'), fileName: 'notes.txt' });
    expect([text.format, text.title, text.language]).toEqual(['text', null, 'english']);
  });

  it('uses the declared type for a file without an extension', async () => {
    const parsed = await parseDocument({
      bytes: encode('<p>Hello</p>'),
      fileName: 'README',
      declaredType: 'text/html; charset=utf-8',
    });
    expect(parsed.format).toBe('html');
  });

  it('rejects an unsupported type, listing the supported ones', async () => {
    const error = await parseDocument({
      bytes: encode('a,b\n1,2'),
      fileName: 'data.csv',
      declaredType: 'text/csv',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFormatError);
    expect((error as Error).message).toBe(
      'Unsupported file type (.csv). Supported: Markdown (.md, .markdown), plain text (.txt), HTML (.html, .htm), PDF (.pdf), Word (.docx).',
    );
  });

  it('rejects an empty file, or one with only whitespace', async () => {
    expect(await reason({ bytes: new Uint8Array(), fileName: 'empty.pdf' })).toBe('The file is empty.');
    expect(await reason({ bytes: encode(' \n\t\n'), fileName: 'blank.md' })).toBe('The file is empty.');
    expect(
      await reason({ bytes: encode('<nav>Menu</nav><script>x()</script>'), fileName: 'chrome.html' }),
    ).toBe('The file has no text to index.');
  });

  it('rejects binary data posing as text', async () => {
    const png = new Uint8Array(
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    expect(await reason({ bytes: png, fileName: 'notes.txt' })).toBe(
      'The file is not text: it contains binary data.',
    );
    const pdf = await makePdf([[{ text: 'Hello' }]]);
    expect(await reason({ bytes: pdf, fileName: 'notes.md' })).toBe(
      'The file is not text: it contains binary data.',
    );
  });

  it('rejects text that is not valid UTF-8', async () => {
    expect(
      await reason({ bytes: new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65]), fileName: 'latin1.txt' }),
    ).toBe('The file is not valid UTF-8 text.');
  });

  it('rejects a .pdf that is not a PDF instead of reading it as text', async () => {
    expect(await reason({ bytes: encode('Just some text.'), fileName: 'report.pdf' })).toBe(
      'The file is not a PDF.',
    );
    const docx = await makeDocx();
    expect(await reason({ bytes: docx, fileName: 'report.pdf' })).toBe(
      'The file is not a PDF (its content is DOCX).',
    );
  });

  it('rejects a corrupt or encrypted PDF', async () => {
    expect(await reason({ bytes: encode('%PDF-1.7\nnot really a pdf'), fileName: 'broken.pdf' })).toBe(
      'The PDF is damaged and cannot be read.',
    );
    // Made with qpdf --encrypt (see lib/ingest/parsers/pdf.test.ts).
    const encrypted = new Uint8Array(readFileSync('tests/fixtures/ingest/encrypted.pdf'));
    expect(await reason({ bytes: encrypted, fileName: 'secret.pdf' })).toBe(
      'The PDF is encrypted; upload a copy without a password.',
    );
  });

  it('rejects a .docx that is not a Word document', async () => {
    expect(await reason({ bytes: encode('Just some text.'), fileName: 'letter.docx' })).toBe(
      'The DOCX file is damaged (not a valid Word document).',
    );
    // An OLE compound file: what Word writes for a password-protected document (and old .doc files).
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await reason({ bytes: cfb, fileName: 'locked.docx' })).toBe(
      'The Word file is password-protected or in the old .doc format; save it as .docx without a password.',
    );
  });

  it('keeps a long title from metadata to a readable length', async () => {
    const parsed = await parseDocument({
      bytes: encode(`# ${'Very long title '.repeat(40)}\n\nText.`),
      fileName: 'a.md',
    });
    expect(parsed.title!.length).toBeLessThanOrEqual(300);
  });
});

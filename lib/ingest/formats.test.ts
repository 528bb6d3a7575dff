import { describe, expect, it } from 'vitest';
import { detectFormat, supportedFormatsText, UnsupportedFormatError } from './formats';

const detect = (fileName: string, declaredType?: string | null) =>
  detectFormat({ bytes: new Uint8Array(), fileName, declaredType });

describe('detectFormat', () => {
  it('goes by the extension, in any case', () => {
    expect(detect('README.md')).toBe('markdown');
    expect(detect('notes.MARKDOWN')).toBe('markdown');
    expect(detect('a.txt')).toBe('text');
    expect(detect('index.HTM')).toBe('html');
    expect(detect('page.html')).toBe('html');
    expect(detect('report.final.pdf')).toBe('pdf');
    expect(detect('Letter.DOCX')).toBe('docx');
  });

  it('prefers the extension to a declared type that disagrees', () => {
    expect(detect('notes.txt', 'application/pdf')).toBe('text');
  });

  it('uses the declared type when the name has no known extension', () => {
    expect(detect('README', 'text/markdown; charset=UTF-8')).toBe('markdown');
    expect(detect('server.log', 'text/plain')).toBe('text');
    expect(detect('download', 'Application/PDF')).toBe('pdf');
  });

  it('knows nothing else', () => {
    expect(detect('sheet.xlsx')).toBeNull();
    expect(detect('old.doc', 'application/msword')).toBeNull();
    expect(detect('data', 'application/octet-stream')).toBeNull();
    expect(detect('.md')).toBeNull();
    expect(detect('noext', null)).toBeNull();
  });
});

describe('UnsupportedFormatError', () => {
  it('names the file type and lists every supported format', () => {
    expect(supportedFormatsText).toBe(
      'Markdown (.md, .markdown), plain text (.txt), HTML (.html, .htm), PDF (.pdf), Word (.docx)',
    );
    expect(new UnsupportedFormatError('slides.PPTX').message).toBe(
      `Unsupported file type (.pptx). Supported: ${supportedFormatsText}.`,
    );
    expect(new UnsupportedFormatError('blob').message).toBe(
      `Unsupported file type. Supported: ${supportedFormatsText}.`,
    );
  });
});

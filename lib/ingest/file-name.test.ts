import { describe, expect, it } from 'vitest';
import { fileNameMaxChars, sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it('keeps only the last path segment, for / and \\ alike', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\ana\\Documents\\report.pdf')).toBe('report.pdf');
    expect(sanitizeFileName('docs/guide.md/')).toBe('guide.md');
    expect(sanitizeFileName('..\\..\\boot.ini')).toBe('boot.ini');
  });

  it('removes bidi overrides and zero-width characters that disguise a name', () => {
    // Shown as "invoice_fdp.exe" reversed: U+202E makes "exe.pdf" read as "fdp.exe".
    expect(sanitizeFileName('invoice_\u202Eexe.pdf')).toBe('invoice_exe.pdf');
    expect(sanitizeFileName('re\u200Bport\u2066.docx\u2069')).toBe('report.docx');
    expect(sanitizeFileName('\uFEFFnotes.txt')).toBe('notes.txt');
  });

  it('removes control characters and collapses whitespace', () => {
    expect(sanitizeFileName('  my\tfile\r\nname\u0000\u0007 .md  ')).toBe('my file name .md');
    expect(sanitizeFileName('a\u0085b\u2028c.txt')).toBe('a b c.txt');
  });

  it('never returns an empty, dot-only or bare-extension name', () => {
    expect(sanitizeFileName('')).toBe('untitled');
    expect(sanitizeFileName('   ')).toBe('untitled');
    expect(sanitizeFileName('../..')).toBe('untitled');
    expect(sanitizeFileName('\u202E\u200B')).toBe('untitled');
    expect(sanitizeFileName('.pdf')).toBe('untitled.pdf');
    expect(sanitizeFileName('report.pdf. . ')).toBe('report.pdf');
  });

  it('shortens a very long name, keeping the extension and whole characters', () => {
    const long = sanitizeFileName(`${'a'.repeat(500)}.pdf`);
    expect(long).toHaveLength(fileNameMaxChars);
    expect(long.endsWith('a.pdf')).toBe(true);

    const emoji = sanitizeFileName(`${'😀'.repeat(300)}.docx`);
    expect(Array.from(emoji)).toHaveLength(fileNameMaxChars);
    expect(emoji.endsWith('😀.docx')).toBe(true);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('leaves an ordinary name alone', () => {
    expect(sanitizeFileName('Q3 Report (final) – v2.pdf')).toBe('Q3 Report (final) – v2.pdf');
    expect(sanitizeFileName('Übersicht_März.docx')).toBe('Übersicht_März.docx');
  });
});

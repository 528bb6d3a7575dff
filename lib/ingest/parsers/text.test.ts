import { describe, expect, it } from 'vitest';
import { DocumentParseError } from '../types';
import { decodeText, parseText } from './text';

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentParseError);
    return (error as DocumentParseError).reason;
  }
  throw new Error('expected a DocumentParseError');
}

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeText', () => {
  it('decodes UTF-8, drops the byte order mark and normalises line ends', () => {
    const text = new TextEncoder().encode('\uFEFFGrüße\r\naus Köln\rund 東京\n');
    expect(decodeText(text)).toBe('Grüße\naus Köln\nund 東京\n');
  });

  it('decodes UTF-16 when a byte order mark says so', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x48, 0x00, 0xe9, 0x00))).toBe('Hé');
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x48, 0x00, 0xe9))).toBe('Hé');
  });

  it('rejects text that is not UTF-8 (a Latin-1 file) instead of garbling it', () => {
    // "Grüße" in ISO-8859-1.
    expect(reason(() => decodeText(bytes(0x47, 0x72, 0xfc, 0xdf, 0x65)))).toBe(
      'The file is not valid UTF-8 text.',
    );
  });

  it('rejects binary data: a NUL byte, or many control characters', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
    expect(reason(() => decodeText(png))).toBe('The file is not text: it contains binary data.');
    const controls = new TextEncoder().encode(`data${'\u0001\u0002\u0003'.repeat(10)}more`);
    expect(reason(() => decodeText(controls))).toBe('The file is not text: it contains binary data.');
  });

  it('accepts the odd control character that real text files have (escape codes, form feeds)', () => {
    const log = `\u001b[32mok\u001b[0m passed\f${'line of the log\n'.repeat(20)}`;
    expect(decodeText(new TextEncoder().encode(log))).toBe(log);
  });
});

describe('parseText', () => {
  it('passes plain text on as it is, without a title', () => {
    expect(parseText(new TextEncoder().encode('# not a heading\n\nJust text.'))).toEqual({
      title: null,
      markdown: '# not a heading\n\nJust text.',
    });
  });
});

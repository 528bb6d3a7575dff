// Plain text uploads, and the strict decoding that every text format (text, Markdown, HTML) shares.
import { DocumentParseError } from '../types';

const NOT_TEXT = 'The file is not text: it contains binary data.';
/** Control characters that no text file holds in numbers: all C0 and C1 controls but tab, line feed, form feed, carriage return and escape (coloured logs). */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F\u007F-\u009F]/g;

/**
 * Text of a file that must be text. UTF-8 is decoded strictly (a Latin-1 or Windows-1252 file fails
 * with a reason rather than turning into mojibake that no search finds); UTF-16 is accepted when it
 * says so with a byte order mark, as Windows editors write it. The byte order mark is dropped and
 * line ends become \n.
 */
export function decodeText(bytes: Uint8Array): string {
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  // A NUL byte never occurs in UTF-8 text but in nearly every binary file: cheap and decisive.
  else if (bytes.indexOf(0) !== -1) throw new DocumentParseError(NOT_TEXT);

  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    throw new DocumentParseError(
      encoding === 'utf-8' ? 'The file is not valid UTF-8 text.' : 'The file is not valid UTF-16 text.',
      { cause: error },
    );
  }
  if (text.includes('\0')) throw new DocumentParseError(NOT_TEXT);
  // Valid UTF-8 with many control characters is still a binary format (or a damaged file).
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 8 && controls > text.length / 100) throw new DocumentParseError(NOT_TEXT);
  return text.replace(/\r\n?/g, '\n');
}

/** A plain text file is passed on as it is: its paragraphs are already what the chunker splits at. */
export function parseText(bytes: Uint8Array): { title: string | null; markdown: string } {
  return { title: null, markdown: decodeText(bytes) };
}

// Reading an upload into Markdown sections with a title and a language; every failure has a reason to show.
import { fileTypeFromBuffer } from 'file-type';
import { ingestion } from '@/lib/config';
import { detectFormat, supportedFormats, UnsupportedFormatError } from './formats';
import { detectLanguage } from './language';
import { parseDocx } from './parsers/docx';
import { parseHtml } from './parsers/html';
import { parseMarkdown } from './parsers/markdown';
import { parsePdf } from './parsers/pdf';
import { parseText } from './parsers/text';
import { DocumentParseError, type DocumentFormat, type ParsedDocument, type ParsedSection } from './types';

export { DocumentParseError } from './types';
export { UnsupportedFormatError } from './formats';

/** Longest title kept, in characters: metadata can hold anything. */
const TITLE_MAX_CHARS = 300;

const NOT_TEXT = 'The file is not text: it contains binary data.';
/** Types file-type recognises that are still text. */
const TEXT_TYPES = /^(?:text\/|application\/(?:xml|xhtml\+xml)$|image\/svg\+xml$)/;
const PDF_HEADER = new TextEncoder().encode('%PDF-');

type Parsed = { title: string | null; sections: ParsedSection[] };

/** Whether `header` occurs in the first kilobyte, where PDF readers accept it (after junk some tools write). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 1024) - PDF_HEADER.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < PDF_HEADER.length; j++) if (bytes[i + j] !== PDF_HEADER[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The bytes must be what the name says: a .pdf that is really text, or a .txt that is really a ZIP,
 * fails here with a reason instead of being read as something else.
 */
async function checkContent(format: DocumentFormat, bytes: Uint8Array): Promise<void> {
  const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (format === 'pdf') {
    if (type?.ext === 'pdf' || type?.ext === 'ai' || hasPdfHeader(bytes)) return;
    throw new DocumentParseError(
      `The file is not a PDF${type ? ` (its content is ${type.ext.toUpperCase()})` : ''}.`,
    );
  }
  if (format === 'docx') {
    // A password-protected Word file is not a ZIP but an OLE container, as is an old .doc.
    if (type?.ext === 'cfb') {
      throw new DocumentParseError(
        'The Word file is password-protected or in the old .doc format; save it as .docx without a password.',
      );
    }
    // Whether a ZIP holds a Word document is for the DOCX parser to find out.
    if (type?.ext === 'docx' || type?.ext === 'zip') return;
    throw new DocumentParseError('The DOCX file is damaged (not a valid Word document).');
  }
  if (type && !TEXT_TYPES.test(type.mime)) throw new DocumentParseError(NOT_TEXT);
}

async function read(format: DocumentFormat, bytes: Uint8Array): Promise<Parsed> {
  switch (format) {
    case 'pdf':
      // The preparation thread is stopped at this limit too (prepare-pool.ts); stopping pdf.js here
      // as well frees its memory where the parser runs without a thread (the benchmarks).
      return parsePdf(bytes, { timeoutMs: ingestion.prepareTimeoutSeconds * 1000 });
    case 'docx': {
      const { title, markdown } = await parseDocx(bytes);
      return { title, sections: [{ page: null, markdown }] };
    }
    default: {
      const parse = format === 'html' ? parseHtml : format === 'markdown' ? parseMarkdown : parseText;
      const { title, markdown } = parse(bytes);
      return { title, sections: [{ page: null, markdown }] };
    }
  }
}

/**
 * Parses an uploaded file into Markdown sections (one per page for PDF), with its title and the
 * Postgres text search configuration for its language. Throws `UnsupportedFormatError` for a type
 * that is not supported and `DocumentParseError`, with a reason for the uploader, for a file that is
 * empty, damaged, encrypted, has no text, or is not what its name says.
 */
export async function parseDocument(input: {
  bytes: Uint8Array;
  fileName: string;
  declaredType?: string | null;
}): Promise<ParsedDocument> {
  const format = detectFormat(input);
  if (!format) throw new UnsupportedFormatError(input.fileName);
  const { bytes } = input;
  if (bytes.byteLength === 0) throw new DocumentParseError('The file is empty.');
  await checkContent(format, bytes);

  let parsed: Parsed;
  try {
    parsed = await read(format, bytes);
  } catch (error) {
    if (error instanceof DocumentParseError) throw error;
    // A library failing in a way it does not name (or a stack overflow on absurd nesting).
    const label = supportedFormats.find((f) => f.format === format)!.label;
    throw new DocumentParseError(`The ${label} file could not be read; it may be damaged.`, {
      cause: error,
    });
  }

  const sections = parsed.sections.map((s) => ({ page: s.page, markdown: s.markdown.trim() }));
  const text = sections.map((s) => s.markdown).join('\n\n');
  if (!/\S/.test(text)) {
    throw new DocumentParseError(
      format === 'text' || format === 'markdown' ? 'The file is empty.' : 'The file has no text to index.',
    );
  }
  const title = parsed.title?.trim().slice(0, TITLE_MAX_CHARS).trim() || null;
  return { format, title, sections, language: detectLanguage(text) };
}

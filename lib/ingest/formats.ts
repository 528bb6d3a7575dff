// Which upload formats the knowledge base reads, and telling them apart by name and declared type.
import type { DocumentFormat } from './types';

export type SupportedFormat = {
  format: DocumentFormat;
  /** How a person names the format, as used in error messages. */
  label: string;
  /** Lower-case, with the dot; the first is the usual one. */
  extensions: readonly string[];
  mimeTypes: readonly string[];
};

export const supportedFormats: readonly SupportedFormat[] = [
  {
    format: 'markdown',
    label: 'Markdown',
    extensions: ['.md', '.markdown'],
    mimeTypes: ['text/markdown', 'text/x-markdown'],
  },
  { format: 'text', label: 'plain text', extensions: ['.txt'], mimeTypes: ['text/plain'] },
  {
    format: 'html',
    label: 'HTML',
    extensions: ['.html', '.htm'],
    mimeTypes: ['text/html', 'application/xhtml+xml'],
  },
  { format: 'pdf', label: 'PDF', extensions: ['.pdf'], mimeTypes: ['application/pdf'] },
  {
    format: 'docx',
    label: 'Word',
    extensions: ['.docx'],
    mimeTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
];

/** "Markdown (.md, .markdown), plain text (.txt), …" for messages. */
export const supportedFormatsText = supportedFormats
  .map((f) => `${f.label} (${f.extensions.join(', ')})`)
  .join(', ');

/** The `accept` attribute of a file input that offers exactly these formats. */
export const acceptAttribute = supportedFormats.flatMap((f) => [...f.extensions, ...f.mimeTypes]).join(',');

export class UnsupportedFormatError extends Error {
  constructor(fileName?: string) {
    const extension = fileName ? extensionOf(fileName) : '';
    super(`Unsupported file type${extension ? ` (${extension})` : ''}. Supported: ${supportedFormatsText}.`);
    this.name = 'UnsupportedFormatError';
  }
}

/** The extension of the last path segment, lower-case with its dot, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * The format a file claims to be: by extension first (what the uploader sees and chose), else by the
 * declared MIME type (browsers send application/octet-stream for names they do not know, so a file
 * without an extension still works when its type is declared). Null when neither is supported.
 * Whether the bytes really are that format is checked when parsing (`parseDocument`), so a .pdf that
 * is not a PDF fails with a reason instead of being read as something else.
 */
export function detectFormat(input: {
  bytes: Uint8Array;
  fileName: string;
  declaredType?: string | null;
}): DocumentFormat | null {
  const extension = extensionOf(input.fileName);
  if (extension) {
    const byExtension = supportedFormats.find((f) => f.extensions.includes(extension));
    if (byExtension) return byExtension.format;
  }
  const mime = input.declaredType?.split(';')[0]?.trim().toLowerCase();
  if (!mime) return null;
  return supportedFormats.find((f) => f.mimeTypes.includes(mime))?.format ?? null;
}

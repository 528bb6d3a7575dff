// The ingest contract: what a parsed upload looks like, and the error a user sees when it cannot be read.

export type DocumentFormat = 'markdown' | 'text' | 'html' | 'pdf' | 'docx';

export type ParsedSection = { page: number | null; markdown: string };

export type ParsedDocument = {
  format: DocumentFormat;
  /** From the document's metadata or first heading; null when it has none. */
  title: string | null;
  /** Markdown in reading order; one section per page for paged formats (PDF, page numbers from 1), one section with page null otherwise. */
  sections: ParsedSection[];
  /** Postgres text search configuration for full-text search, e.g. 'english', 'german', 'simple'. */
  language: string;
};

/**
 * A file that has a supported type but cannot be read: empty, damaged, encrypted, binary posing as
 * text. `reason` is written for the person who uploaded it and is safe to show; `cause` keeps the
 * library's own error for the log.
 */
export class DocumentParseError extends Error {
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'DocumentParseError';
    this.reason = reason;
  }
}

// The documents API's shapes (/api/v1/documents*) as zod schemas: the routes parse their query with
// these, and the OpenAPI document is generated from them. document-schemas.test.ts parses real
// documentView() output with the strict Document schema, so a field added there fails until added here.
import { z } from 'zod';
import { ingestion } from '@/lib/config';
import type { DocumentView } from '@/lib/ingest/document-view';
import { supportedFormatsText } from '@/lib/ingest/formats';
import { uploadFieldsSchema } from '@/lib/ingest/upload';

export const documentStatuses = ['queued', 'parsing', 'embedding', 'ready', 'failed'] as const;

const timestamp = z.iso.datetime();

export const documentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    fileName: z.string().meta({ description: 'The uploaded file name, sanitised.' }),
    source: z.string().meta({ description: 'Where the document came from: its file name or path.' }),
    format: z.string().meta({ description: 'markdown, text, html, pdf or docx.' }),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    visibility: z.enum(['shared', 'private']).meta({
      description: 'shared: everyone may get answers from it; private: only its uploader.',
    }),
    tags: z.array(z.string()),
    language: z.string().meta({ description: 'The Postgres text search configuration of its full text.' }),
    status: z.enum(documentStatuses).meta({
      description: 'queued → parsing → embedding → ready, or failed (see error).',
    }),
    progress: z
      .object({ done: z.number().int(), total: z.number().int() })
      .meta({ description: 'Passages embedded so far, of all passages.' }),
    error: z.string().nullable().meta({ description: 'Why the last attempt failed, for people.' }),
    chunkCount: z.number().int().meta({ description: 'Passages stored once ready.' }),
    injection: z
      .object({
        flaggedPassages: z.number().int(),
        score: z.number().min(0).max(1),
      })
      .meta({
        description:
          'Indirect prompt injection screening when indexed: passages flagged by the detector, and the highest passage score (0–1).',
      }),
    attempts: z.number().int(),
    createdById: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    readyAt: timestamp.nullable(),
  })
  .strict()
  .meta({ id: 'Document' }) satisfies z.ZodType<DocumentView>;

export const documentUploadResultSchema = z
  .object({
    documents: z.array(
      documentSchema.extend({
        unchanged: z.boolean().meta({
          description: 'The same bytes were already stored in the same scope: nothing was queued.',
        }),
      }),
    ),
  })
  .meta({ id: 'DocumentUploadResult' });

export const documentListSchema = z
  .object({
    documents: z.array(documentSchema).meta({ description: 'Newest first.' }),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .meta({ id: 'DocumentList' });

export const documentDeletedSchema = z
  .object({ deleted: documentSchema.meta({ description: 'The document as it was.' }) })
  .meta({ id: 'DocumentDeleted' });

/** GET /api/v1/documents query string. */
export const listDocumentsQuerySchema = z.object({
  status: z.enum(documentStatuses).optional().meta({ description: 'Only documents in this state.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Page size.' }),
  cursor: z.string().max(100).optional().meta({ description: 'The `nextCursor` of the previous page.' }),
});

export const documentIdParamsSchema = z.object({
  id: z.string().meta({ description: 'The document id.' }),
});

const maxFileMegabytes = Math.round(ingestion.maxFileBytes / 1024 / 1024);

/**
 * POST /api/v1/documents as multipart/form-data. lib/ingest/upload.ts reads the form itself (files
 * are not JSON); the fields it validates come from its own schema, the file field is described here.
 */
export const documentUploadFormSchema = z
  .object({
    file: z
      .array(z.file())
      .min(1)
      .max(ingestion.maxFilesPerRequest)
      .meta({
        description: `One field named "file" per file, each at most ${maxFileMegabytes} MB. Formats: ${supportedFormatsText}.`,
      }),
    visibility: uploadFieldsSchema.shape.visibility.meta({
      description: 'private: only your own answers use it.',
    }),
    tags: uploadFieldsSchema.shape.tags.optional().meta({
      description: 'Repeat the field, or separate tags with commas ("hr,policies"). Stored in lower case.',
    }),
    language: uploadFieldsSchema.shape.language.meta({
      description:
        'The Postgres text search configuration for its full text; detected from the text when omitted.',
    }),
  })
  .meta({ id: 'DocumentUpload' });

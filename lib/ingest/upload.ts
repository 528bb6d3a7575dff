// The upload request of the API and the Documents page: multipart files plus visibility, tags and
// language, validated as a whole before anything is stored.
import 'server-only';
import { z } from 'zod';
import { assertRole } from '@/lib/auth/roles';
import { ingestion } from '@/lib/config';
import type { SessionUser } from '@/lib/db/users';
import { AppError, describeZodError } from '@/lib/http/errors';
import { textSearchConfigs } from './language';
import { checkSubmission, submitDocument, type SubmitResult } from './submit';

const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(ingestion.maxTagChars, `a tag is at most ${ingestion.maxTagChars} characters`)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, 'a tag holds letters, digits, spaces, "_", "." and "-"');

export const uploadFieldsSchema = z.object({
  visibility: z
    .enum(['shared', 'private'], { error: 'visibility must be "shared" or "private"' })
    .default('shared'),
  tags: z
    .array(tagSchema)
    .max(ingestion.maxTags, `at most ${ingestion.maxTags} tags`)
    .transform((tags) => [...new Set(tags)]),
  language: z
    .enum(textSearchConfigs as unknown as [string, ...string[]], {
      error: `language must be one of: ${textSearchConfigs.join(', ')}`,
    })
    .optional(),
});

export type UploadFields = z.infer<typeof uploadFieldsSchema>;
export type UploadedFile = { fileName: string; declaredType: string | null; bytes: Uint8Array };

/** Reads and validates a multipart upload: 415 for another body type, 413 when too large, 400 for bad fields. */
export async function readUpload(request: Request): Promise<{ files: UploadedFile[]; fields: UploadFields }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError(
      'unsupported_media_type',
      'Send the files as multipart/form-data, each in a field named "file".',
    );
  }
  const maxBody = ingestion.maxFilesPerRequest * ingestion.maxFileBytes + MULTIPART_OVERHEAD_BYTES;
  if (Number(request.headers.get('content-length') ?? 0) > maxBody) {
    throw new AppError(
      'payload_too_large',
      `The upload is larger than ${Math.round(maxBody / 1024 / 1024)} MB.`,
    );
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError('bad_request', 'The multipart body could not be read.');
  }
  const entries = form.getAll('file');
  if (entries.some((entry) => typeof entry === 'string')) {
    throw new AppError('bad_request', 'The "file" field must hold files, not text.');
  }
  const files = entries as File[];
  if (files.length === 0)
    throw new AppError('bad_request', 'Attach at least one file in a field named "file".');
  if (files.length > ingestion.maxFilesPerRequest) {
    throw new AppError('bad_request', `At most ${ingestion.maxFilesPerRequest} files per upload.`);
  }
  const parsed = uploadFieldsSchema.safeParse({
    visibility: form.get('visibility') ?? undefined,
    tags: form
      .getAll('tags')
      .flatMap((value) => (typeof value === 'string' ? value.split(',') : []))
      .filter((tag) => tag.trim()),
    language: form.get('language') || undefined,
  });
  if (!parsed.success) throw new AppError('validation_failed', describeZodError(parsed.error));
  const uploaded = await Promise.all(
    files.map(async (file) => ({
      fileName: file.name,
      declaredType: file.type || null,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  return { files: uploaded, fields: parsed.data };
}

/**
 * Stores and queues every file of an upload for `actor` (an admin). Every file is checked before
 * any is stored: one unsupported or oversized file rejects the whole upload and nothing is kept.
 */
export async function submitUpload(
  actor: SessionUser,
  upload: { files: UploadedFile[]; fields: UploadFields },
): Promise<SubmitResult[]> {
  assertRole(actor, ['ADMIN']);
  for (const file of upload.files) checkSubmission(file);
  const results: SubmitResult[] = [];
  for (const file of upload.files) {
    results.push(
      await submitDocument({
        ...file,
        visibility: upload.fields.visibility === 'private' ? 'PRIVATE' : 'SHARED',
        tags: upload.fields.tags,
        language: upload.fields.language,
        createdById: actor.id,
      }),
    );
  }
  return results;
}

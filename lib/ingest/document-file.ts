// The whole document behind a citation, for those allowed to see it: shared documents for every
// signed-in user, private ones for their owner, everything for admins. Others get 404.
import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { getDocument, readDocumentFile } from '@/lib/db/documents';
import type { SessionUser } from '@/lib/db/users';
import { AppError } from '@/lib/http/errors';

/** Formats a browser may show inline; anything else (HTML, DOCX) is downloaded. */
const INLINE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  markdown: 'text/plain; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

export async function documentFileResponse(
  viewer: SessionUser,
  id: string,
  download: boolean,
): Promise<Response> {
  const document = await getDocument(id);
  const allowed =
    document &&
    (hasRole(viewer, ['ADMIN']) || document.visibility === 'SHARED' || document.createdById === viewer.id);
  const bytes = allowed ? await readDocumentFile(id) : null;
  if (!document || !allowed || !bytes) throw new AppError('not_found', 'Document not found.');

  const inlineType = INLINE_TYPES[document.format];
  const inline = !download && inlineType !== undefined;
  const name = document.fileName || document.source || 'document';
  const disposition = `${inline ? 'inline' : 'attachment'}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': inline ? inlineType : document.mimeType || 'application/octet-stream',
      'content-disposition': disposition,
      'content-length': String(bytes.byteLength),
      'x-content-type-options': 'nosniff',
      // Uploaded content is never a page of this site: no scripts, no same-origin access.
      'content-security-policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      'cache-control': 'private, no-store',
    },
  });
}

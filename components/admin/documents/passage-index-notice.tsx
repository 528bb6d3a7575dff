// Server component: a notice on the Documents page while the passage search index is not in place.
import type { SessionUser } from '@/lib/db/users';
import { passageIndexNoticeFor } from '@/lib/ingest/manage';

export async function PassageIndexNotice({ viewer }: { viewer: SessionUser }) {
  const notice = await passageIndexNoticeFor(viewer);
  if (!notice) return null;
  return (
    <p
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800/60 dark:bg-amber-950/30 dark:text-amber-200"
    >
      {notice}
    </p>
  );
}

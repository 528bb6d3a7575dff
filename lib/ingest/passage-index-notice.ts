// What the Documents page tells an admin while the passage search index is not in place (a bulk
// import loading, the index being built, or one left missing), so slower answers have a reason.
import type { PassageIndexStatus } from '@/lib/db/passage-index';

export function passageIndexNotice(status: PassageIndexStatus, liveImports: number): string | null {
  if (status === 'ready') return null;
  const meanwhile = 'Until then vector search reads every passage: its results are exact, but slower.';
  if (status === 'building') return `The passage search index is being built. ${meanwhile}`;
  if (liveImports > 0) {
    const imports = liveImports === 1 ? 'A bulk import is' : `${liveImports} bulk imports are`;
    return `${imports} loading documents: the passage search index is built when the last one ends. ${meanwhile}`;
  }
  const state = status === 'invalid' ? 'was left unfinished by a failed build' : 'is missing';
  return `The passage search index ${state}; the background jobs build it again within a minute. ${meanwhile}`;
}

// Chunks dropped after fusion because they repeat one that ranked higher (overlapping text).
import { truncate } from '@/components/admin/format';
import type { Hit } from '@/lib/rag/retrieve';
import { chunkLabel } from './format';

type Duplicate = Hit & { duplicateOf: string };

export function DuplicatesList({
  duplicates,
  labelOf,
}: {
  duplicates: Duplicate[];
  labelOf: (id: string) => string;
}) {
  return (
    <section aria-labelledby="duplicates-heading" className="space-y-2">
      <h2 id="duplicates-heading" className="text-lg font-semibold tracking-tight">
        Near-duplicates dropped
      </h2>
      {duplicates.length === 0 ? (
        <p className="text-sm text-neutral-500 dark:text-neutral-400" data-testid="no-duplicates">
          None: every fused chunk says something the others do not.
        </p>
      ) : (
        <ul
          data-testid="duplicates"
          className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
        >
          {duplicates.map((duplicate) => (
            <li key={duplicate.id} data-testid="duplicate" className="px-3 py-2.5 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-mono text-xs text-neutral-500 dark:text-neutral-400">
                  fused #{duplicate.rank}
                </span>
                <span className="font-medium">{chunkLabel(duplicate)}</span>
                <span className="text-neutral-500 dark:text-neutral-400">repeats</span>
                <span className="font-medium">{labelOf(duplicate.duplicateOf)}</span>
              </p>
              <p className="mt-1 line-clamp-2 text-xs leading-5 text-neutral-600 dark:text-neutral-400">
                {truncate(duplicate.text, 200)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// One retrieval stage's ranked list: rank, score, where the chunk comes from and what it says, and
// whether it made the final passages or was dropped as a near-duplicate.
import { truncate } from '@/components/admin/format';
import type { Hit } from '@/lib/rag/retrieve';
import { chunkLabel, formatScore, type Stage } from './format';

/** Rows shown before "Show more"; the rest are one click away. */
const VISIBLE = 10;

export type ChunkMarks = {
  /** Chunk id → its number among the final passages. */
  passageNumber: Map<string, number>;
  /** Chunk id → the label of the chunk it duplicates. */
  duplicateOf: Map<string, string>;
};

type StageColumnProps = {
  stage: Stage;
  title: string;
  scoreName: string;
  description: string;
  hits: Hit[];
  marks: ChunkMarks;
};

export function StageColumn({ stage, title, scoreName, description, hits, marks }: StageColumnProps) {
  const headingId = `stage-${stage}-heading`;
  const shown = hits.slice(0, VISIBLE);
  const rest = hits.slice(VISIBLE);
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`stage-${stage}`}
      className="min-w-0 rounded-xl border border-neutral-200 dark:border-neutral-800"
    >
      <header className="border-b border-neutral-200 px-3 py-2.5 dark:border-neutral-800">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={headingId} className="font-semibold tracking-tight">
            {title}
          </h2>
          <span className="text-xs text-neutral-500 tabular-nums dark:text-neutral-400">
            {hits.length} {hits.length === 1 ? 'chunk' : 'chunks'}
          </span>
        </div>
        <p className="mt-0.5 text-xs text-neutral-500 dark:text-neutral-400">{description}</p>
      </header>
      {hits.length === 0 ? (
        <p className="px-3 py-6 text-center text-sm text-neutral-500 dark:text-neutral-400">
          Nothing matched.
        </p>
      ) : (
        <>
          <HitList stage={stage} scoreName={scoreName} hits={shown} marks={marks} />
          {rest.length > 0 && (
            <details className="group border-t border-neutral-200 dark:border-neutral-800">
              <summary className="cursor-pointer px-3 py-2 text-xs font-medium text-neutral-600 hover:text-neutral-900 dark:text-neutral-400 dark:hover:text-neutral-100">
                <span className="group-open:hidden">Show {rest.length} more</span>
                <span className="hidden group-open:inline">Show fewer</span>
              </summary>
              <HitList stage={stage} scoreName={scoreName} hits={rest} marks={marks} />
            </details>
          )}
        </>
      )}
    </section>
  );
}

function HitList({ stage, scoreName, hits, marks }: Omit<StageColumnProps, 'title' | 'description'>) {
  return (
    <ol className="divide-y divide-neutral-100 dark:divide-neutral-800/70">
      {hits.map((hit) => {
        const passage = marks.passageNumber.get(hit.id);
        const duplicateOf = marks.duplicateOf.get(hit.id);
        const label = chunkLabel(hit);
        return (
          <li
            key={hit.id}
            data-testid="stage-hit"
            data-chunk-id={hit.id}
            data-passage={passage}
            className={`px-3 py-2.5 text-sm ${passage ? 'bg-emerald-50/60 dark:bg-emerald-950/20' : ''} ${duplicateOf ? 'opacity-60' : ''}`}
          >
            <div className="flex items-baseline gap-2">
              <span className="w-7 shrink-0 font-mono text-xs text-neutral-500 dark:text-neutral-400">
                <span className="sr-only">Rank </span>#{hit.rank}
              </span>
              <span className="line-clamp-2 min-w-0 flex-1 font-medium break-words" title={label}>
                {label}
              </span>
              <span className="shrink-0 font-mono text-xs tabular-nums" title={`${scoreName}: ${hit.score}`}>
                <span className="sr-only">{scoreName} </span>
                <span data-testid="hit-score">{formatScore(stage, hit.score)}</span>
              </span>
            </div>
            <p className="mt-1 line-clamp-3 pl-9 text-xs leading-5 text-neutral-600 dark:text-neutral-400">
              {truncate(hit.text, 260)}
            </p>
            {(passage || duplicateOf) && (
              <p className="mt-1.5 flex flex-wrap gap-1 pl-9">
                {passage && (
                  <span
                    data-testid="hit-passage"
                    className="rounded bg-emerald-100 px-1.5 py-0.5 text-[11px] font-medium text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200"
                  >
                    Passage [{passage}]
                  </span>
                )}
                {duplicateOf && (
                  <span
                    data-testid="hit-duplicate"
                    title={`Near-duplicate of ${duplicateOf}`}
                    className="max-w-full truncate rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
                  >
                    Dropped: duplicate of {duplicateOf}
                  </span>
                )}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

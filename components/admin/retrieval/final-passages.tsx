// The passages the model is given, in order, with where each ranked in every stage: the short answer
// to "why these sources".
import { truncate } from '@/components/admin/format';
import type { Passage, StageScore } from '@/lib/rag/retrieve';
import { chunkLabel } from './format';

export function FinalPassages({ passages }: { passages: Passage[] }) {
  return (
    <section aria-labelledby="passages-heading" className="space-y-2">
      <h2 id="passages-heading" className="text-lg font-semibold tracking-tight">
        Passages given to the model
      </h2>
      <ol data-testid="final-passages" className="grid grid-cols-1 gap-2 md:grid-cols-2">
        {passages.map((passage) => (
          <li
            key={passage.id}
            data-testid="final-passage"
            className="flex gap-3 rounded-xl border border-emerald-200 bg-emerald-50/40 px-3 py-2.5 text-sm dark:border-emerald-900/60 dark:bg-emerald-950/20"
          >
            <span
              aria-hidden
              className="mt-0.5 grid size-6 shrink-0 place-items-center rounded bg-emerald-100 font-mono text-xs font-semibold text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100"
            >
              {passage.n}
            </span>
            <span className="sr-only">Passage {passage.n}: </span>
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium" title={chunkLabel(passage)}>
                {chunkLabel(passage)}
              </p>
              <p className="mt-0.5 line-clamp-2 text-xs leading-5 text-neutral-600 dark:text-neutral-400">
                {truncate(passage.text, 200)}
              </p>
              <p className="mt-1.5 flex flex-wrap gap-x-3 gap-y-0.5 font-mono text-[11px] text-neutral-600 dark:text-neutral-400">
                <Rank name="vector" score={passage.scores.vector} />
                <Rank name="text" score={passage.scores.text} />
                <Rank name="fused" score={passage.scores.fused} />
                {passage.scores.rerank && <Rank name="rerank" score={passage.scores.rerank} />}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Rank({ name, score }: { name: string; score: StageScore | undefined }) {
  return (
    <span>
      {name} {score ? `#${score.rank}` : <span title={`Not in the ${name} candidates`}>—</span>}
    </span>
  );
}

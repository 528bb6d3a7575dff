// How long each retrieval stage took. Full-text search runs while the question is being embedded,
// so the stages do not add up to the total.
import { formatInteger } from '@/components/admin/format';

const labels: Record<string, string> = {
  embed: 'Embed question',
  vector: 'Vector search',
  text: 'Full-text search',
  fuse: 'Fusion and dedupe',
  rerank: 'Rerank',
  mmr: 'Diversify (MMR)',
  total: 'Total',
};
const order = Object.keys(labels);

function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : formatInteger(ms);
}

export function StageTimings({ timingsMs }: { timingsMs: Record<string, number> }) {
  const stages = Object.entries(timingsMs).sort(
    ([a], [b]) => (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1),
  );
  return (
    <section aria-labelledby="timings-heading">
      <h2 id="timings-heading" className="sr-only">
        Timings
      </h2>
      <dl data-testid="retrieval-timings" className="flex flex-wrap gap-2">
        {stages.map(([stage, ms]) => (
          <div
            key={stage}
            data-testid={`timing-${stage}`}
            className={`rounded-lg border px-3 py-1.5 ${stage === 'total' ? 'border-neutral-900 dark:border-neutral-100' : 'border-neutral-200 dark:border-neutral-800'}`}
          >
            <dt className="text-xs text-neutral-500 dark:text-neutral-400">{labels[stage] ?? stage}</dt>
            <dd className="text-sm font-semibold tabular-nums">{formatMs(ms)} ms</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

// "Why this answer?": the confidence check's summary, the oversight the answer gets, and the
// factors behind it (lib/rag/confidence.ts explain), folded away until asked for.
import type { Explanation } from '@/lib/rag/confidence';

const percent = (value: number) => `${Math.round(value * 100)} %`;

export function AnswerExplanation({ explanation }: { explanation: Explanation }) {
  const { factors } = explanation;
  const rows: Array<[string, string]> = [
    ['Oversight', explanation.oversight],
    ['Grounding', factors.grounding],
    ['Question covered by the top passages', percent(factors.retrievalCoverage)],
    ['Model', `${factors.route.model} (${factors.route.reason})`],
    ...(factors.fallback ? ([['Fallback', factors.fallback]] as Array<[string, string]>) : []),
  ];
  return (
    <details
      data-testid="answer-explanation"
      className="group mt-2 text-xs text-neutral-600 dark:text-neutral-400"
    >
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md px-0.5 font-medium hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-neutral-900 dark:hover:text-neutral-100 dark:focus-visible:outline-neutral-100 [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="inline-block transition-transform group-open:rotate-90">
          ›
        </span>
        Why this answer?
      </summary>
      <div className="mt-1.5 rounded-lg border border-neutral-200 px-3 py-2 dark:border-neutral-800">
        <p className="text-neutral-800 dark:text-neutral-200">{explanation.summary}</p>
        <dl className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-neutral-500 dark:text-neutral-400">{term}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}

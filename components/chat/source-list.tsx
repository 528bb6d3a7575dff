// The numbered sources under an answer; the n-th card is what the answer cites as [n], and opens
// the cited passage.
import type { MouseEvent } from 'react';
import type { AnswerSource } from '@/lib/rag/sources';

type SourceListProps = {
  sources: AnswerSource[];
  heading: string;
  /** Names the list for assistive technology. */
  headingId: string;
  onOpen: (source: AnswerSource) => void;
};

export function SourceList({ sources, heading, headingId, onOpen }: SourceListProps) {
  if (sources.length === 0) return null;

  return (
    <section aria-labelledby={headingId} className="mt-4">
      <h3
        id={headingId}
        className="text-xs font-medium tracking-wide text-neutral-500 uppercase dark:text-neutral-400"
      >
        {heading}
      </h3>
      <ol data-testid="sources" className="mt-2 grid grid-cols-1 gap-1.5 sm:grid-cols-2">
        {sources.map((source) => (
          <li key={`${source.chunkId}-${source.n}`} data-testid="source-item">
            <button
              type="button"
              onClick={(event: MouseEvent<HTMLButtonElement>) => {
                event.currentTarget.focus();
                onOpen(source);
              }}
              className="flex w-full items-start gap-2 rounded-lg border border-neutral-200 px-3 py-2 text-left text-sm transition-colors hover:border-neutral-400 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-neutral-900 dark:border-neutral-800 dark:hover:border-neutral-600 dark:hover:bg-neutral-900 dark:focus-visible:outline-neutral-100"
            >
              <span
                aria-hidden
                className="mt-0.5 grid size-5 shrink-0 place-items-center rounded bg-neutral-100 font-mono text-[11px] font-semibold text-neutral-700 dark:bg-neutral-800 dark:text-neutral-200"
              >
                {source.n}
              </span>
              <span className="sr-only">Source {source.n}: </span>
              <span className="min-w-0">
                <span className="block truncate font-medium" title={source.label}>
                  {source.headingPath || source.title}
                </span>
                <span className="block truncate text-xs text-neutral-500 dark:text-neutral-400">
                  {whereFrom(source)}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "README.md", "handbook.pdf · p. 12": the file (or title) the passage is from. */
function whereFrom(source: AnswerSource): string {
  return [source.source || source.title, source.page ? `p. ${source.page}` : ''].filter(Boolean).join(' · ');
}

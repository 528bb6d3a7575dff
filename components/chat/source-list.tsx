// The numbered sources under an answer; the n-th entry is what the answer cites as [n].
import type { SourceDocumentUIPart } from 'ai';

type SourceListProps = {
  sources: SourceDocumentUIPart[];
  idPrefix: string;
};

export function SourceList({ sources, idPrefix }: SourceListProps) {
  if (sources.length === 0) return null;
  const headingId = `${idPrefix}-heading`;

  return (
    <section aria-labelledby={headingId} className="mt-4">
      <h3
        id={headingId}
        className="text-xs font-medium tracking-wide text-neutral-500 uppercase dark:text-neutral-400"
      >
        Sources
      </h3>
      <ol data-testid="sources" className="mt-2 grid gap-1.5 sm:grid-cols-2">
        {sources.map((source, index) => {
          const n = index + 1;
          const showFilename = source.filename && !source.title.startsWith(source.filename);
          return (
            <li
              key={`${source.sourceId}-${n}`}
              id={`${idPrefix}-${n}`}
              data-testid="source-item"
              className="flex scroll-mt-24 items-start gap-2 rounded-lg border border-neutral-200 px-3 py-2 text-sm target:border-neutral-900 target:ring-1 target:ring-neutral-900 dark:border-neutral-800 dark:target:border-neutral-100 dark:target:ring-neutral-100"
            >
              <span
                aria-hidden
                className="mt-0.5 grid size-5 shrink-0 place-items-center rounded bg-neutral-100 font-mono text-[11px] font-semibold text-neutral-700 dark:bg-neutral-800 dark:text-neutral-200"
              >
                {n}
              </span>
              <span className="sr-only">Source {n}: </span>
              <span className="min-w-0">
                <span className="block truncate font-medium" title={source.title}>
                  {source.title}
                </span>
                {showFilename && (
                  <span className="block truncate text-xs text-neutral-500 dark:text-neutral-400">
                    {source.filename}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

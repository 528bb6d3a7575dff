// One panel of the overview: a heading that names the chart, a one-line summary that describes it in
// words, the chart (or an empty state), and a visually hidden table with every value and drill-down
// link, so the figures reach screen readers and keyboards as well as eyes.
import type { ReactNode } from 'react';

export type TextTable = {
  caption: string;
  columns: string[];
  rows: Array<{ key: string; cells: string[]; href?: string }>;
};

export function ChartCard({
  id,
  title,
  description,
  summary,
  empty,
  table,
  children,
  wide = false,
}: {
  id: string;
  title: string;
  description: string;
  summary: string;
  /** What to say when there is nothing to chart; the chart is shown when null. */
  empty: string | null;
  table: TextTable | null;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
      data-testid={`chart-${id}`}
      data-empty={empty ? 'true' : 'false'}
      className={`space-y-2 rounded-xl border border-neutral-200 p-4 dark:border-neutral-800 ${wide ? 'lg:col-span-2' : ''}`}
    >
      <h2 id={`${id}-title`} className="text-base font-semibold tracking-tight">
        {title}
      </h2>
      <p className="text-xs text-neutral-600 dark:text-neutral-400">{description}</p>
      <p id={`${id}-summary`} data-testid={`chart-${id}-summary`} className="text-sm">
        {summary}
      </p>
      {empty ? (
        <p
          data-testid="chart-empty"
          className="rounded-lg border border-dashed border-neutral-300 px-3 py-8 text-center text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400"
        >
          {empty}
        </p>
      ) : (
        children
      )}
      {table && !empty ? (
        <table className="sr-only" data-testid={`chart-${id}-table`}>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) => (
                  <td key={index}>{index === 0 && row.href ? <a href={row.href}>{cell}</a> : cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The panel's shape while its figures load. */
export function ChartSkeleton({ title, wide = false }: { title: string; wide?: boolean }) {
  return (
    <div
      aria-busy="true"
      className={`space-y-3 rounded-xl border border-neutral-200 p-4 dark:border-neutral-800 ${wide ? 'lg:col-span-2' : ''}`}
    >
      <span role="status" className="sr-only">
        Loading {title.toLowerCase()}…
      </span>
      <div aria-hidden className="space-y-3 motion-safe:animate-pulse">
        <div className="h-4 w-40 rounded bg-neutral-200 dark:bg-neutral-800" />
        <div className="h-3 w-64 rounded bg-neutral-200 dark:bg-neutral-800" />
        <div className="h-[220px] rounded-lg bg-neutral-100 dark:bg-neutral-900" />
      </div>
    </div>
  );
}

export function TilesSkeleton() {
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        Loading the figures…
      </span>
      <div
        aria-hidden
        className="grid grid-cols-2 gap-3 motion-safe:animate-pulse sm:grid-cols-4 lg:grid-cols-7"
      >
        {Array.from({ length: 14 }, (_, i) => (
          <div key={i} className="h-[84px] rounded-xl bg-neutral-100 dark:bg-neutral-900" />
        ))}
      </div>
    </div>
  );
}

// Placeholder with the shape of the summary and the query table, shown while the log loads.
export function QueryLogSkeleton() {
  return (
    <div aria-busy="true" className="space-y-6">
      <span role="status" className="sr-only">
        Loading recent queries…
      </span>
      <div aria-hidden className="space-y-6 motion-safe:animate-pulse">
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {Array.from({ length: 5 }, (_, i) => (
            <Bar key={i} className="h-[70px] rounded-xl" />
          ))}
        </div>
        <div className="overflow-hidden rounded-xl border border-neutral-200 dark:border-neutral-800">
          <div className="h-9 bg-neutral-50 dark:bg-neutral-900" />
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="flex gap-4 border-t border-neutral-200 px-3 py-3 dark:border-neutral-800">
              <Bar className="h-4 w-32" />
              <Bar className="h-4 w-40" />
              <Bar className="h-4 flex-1" />
              <Bar className="h-4 w-16" />
              <Bar className="h-4 w-20" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

function Bar({ className }: { className: string }) {
  return <div className={`rounded bg-neutral-200 dark:bg-neutral-800 ${className}`} />;
}

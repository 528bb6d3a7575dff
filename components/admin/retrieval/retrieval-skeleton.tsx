// Placeholder with the shape of the explanation (timings, then three stage columns) while it runs.
export function RetrievalSkeleton() {
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        Running retrieval…
      </span>
      <div aria-hidden className="space-y-6 motion-safe:animate-pulse">
        <div className="flex flex-wrap gap-2">
          {Array.from({ length: 6 }, (_, i) => (
            <Bar key={i} className="h-12 w-28 rounded-lg" />
          ))}
        </div>
        <div className="grid gap-4 lg:grid-cols-3">
          {Array.from({ length: 3 }, (_, column) => (
            <div
              key={column}
              className="space-y-3 rounded-xl border border-neutral-200 p-3 dark:border-neutral-800"
            >
              <Bar className="h-5 w-32" />
              {Array.from({ length: 5 }, (_, i) => (
                <div key={i} className="space-y-1.5">
                  <Bar className="h-4 w-3/4" />
                  <Bar className="h-3 w-full" />
                  <Bar className="h-3 w-5/6" />
                </div>
              ))}
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

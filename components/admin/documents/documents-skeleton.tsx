// Placeholder with the shape of the documents table, shown while the list loads.
export function DocumentsSkeleton() {
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        Loading documents…
      </span>
      <div
        aria-hidden
        className="overflow-hidden rounded-xl border border-neutral-200 motion-safe:animate-pulse dark:border-neutral-800"
      >
        <div className="h-9 bg-neutral-50 dark:bg-neutral-900" />
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex gap-4 border-t border-neutral-200 px-3 py-3.5 dark:border-neutral-800">
            <Bar className="h-4 w-48" />
            <Bar className="h-4 w-16" />
            <Bar className="h-4 w-12" />
            <Bar className="h-4 flex-1" />
            <Bar className="h-4 w-24" />
          </div>
        ))}
      </div>
    </div>
  );
}

function Bar({ className }: { className: string }) {
  return <div className={`rounded bg-neutral-200 dark:bg-neutral-800 ${className}`} />;
}

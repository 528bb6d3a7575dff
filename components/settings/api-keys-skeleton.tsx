// Placeholder with the shape of the keys table, shown while the list loads.
export function ApiKeysSkeleton() {
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        Loading API keys…
      </span>
      <div
        aria-hidden
        className="overflow-hidden rounded-xl border border-neutral-200 motion-safe:animate-pulse dark:border-neutral-800"
      >
        <div className="h-9 bg-neutral-50 dark:bg-neutral-900" />
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="flex gap-4 border-t border-neutral-200 px-3 py-3.5 dark:border-neutral-800">
            <Bar className="h-4 w-40" />
            <Bar className="h-4 w-28" />
            <Bar className="h-4 w-20" />
            <Bar className="h-4 flex-1" />
            <Bar className="h-4 w-16" />
          </div>
        ))}
      </div>
    </div>
  );
}

function Bar({ className }: { className: string }) {
  return <div className={`rounded bg-neutral-200 dark:bg-neutral-800 ${className}`} />;
}

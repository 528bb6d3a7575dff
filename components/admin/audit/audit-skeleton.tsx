// Placeholder with the shape of the audit table, shown while a page of events loads.
export function AuditSkeleton() {
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        Loading audit events…
      </span>
      <div
        aria-hidden
        className="overflow-hidden rounded-xl border border-neutral-200 motion-safe:animate-pulse dark:border-neutral-800"
      >
        <div className="h-9 bg-neutral-50 dark:bg-neutral-900" />
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex gap-4 border-t border-neutral-200 px-3 py-3.5 dark:border-neutral-800">
            <div className="h-4 w-10 rounded bg-neutral-200 dark:bg-neutral-800" />
            <div className="h-4 w-36 rounded bg-neutral-200 dark:bg-neutral-800" />
            <div className="h-4 w-32 rounded bg-neutral-200 dark:bg-neutral-800" />
            <div className="h-4 flex-1 rounded bg-neutral-200 dark:bg-neutral-800" />
          </div>
        ))}
      </div>
    </div>
  );
}

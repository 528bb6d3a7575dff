// Whether this instance is shutting down: set by lib/lifecycle/shutdown.ts, read by readiness. Kept on
// globalThis because instrumentation.ts and the route handlers are separate bundles of one process.
type Holder = { ragShuttingDown?: boolean };
const holder = globalThis as unknown as Holder;

export function isShuttingDown(): boolean {
  return holder.ragShuttingDown === true;
}

export function markShuttingDown(): void {
  holder.ragShuttingDown = true;
}

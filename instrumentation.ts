// Next.js calls register() once per server instance: each instance runs the background job workers
// (document ingestion) beside its web server, so work goes to whichever instance is free.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself to pick the runtime's code
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundWork } = await import('./lib/jobs/start');
  startBackgroundWork();
}

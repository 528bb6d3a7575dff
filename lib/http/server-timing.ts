// The Server-Timing header (W3C): how long each stage before the answer took, for browsers' network
// panels and benchmarks. Stage names are tokens; durations in milliseconds.

export const SERVER_TIMING_HEADER = 'server-timing';

export function serverTiming(timings: Record<string, number>): string {
  return Object.entries(timings)
    .filter(([name, ms]) => /^[A-Za-z0-9_-]+$/.test(name) && Number.isFinite(ms))
    .map(([name, ms]) => `${name};dur=${ms}`)
    .join(', ');
}

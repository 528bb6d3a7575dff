// When a rate-limited user may ask again: the Retry-After header read (seconds or an HTTP date) and
// said in words.

/** Seconds to wait from a Retry-After header value, or undefined when there is none or it is unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  // Otherwise an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"); Date.parse would also take "-5".
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** "in 1 second", "in 45 seconds", "in 2 minutes", "in about 3 hours"; "now" once the wait is over. */
export function formatRetryAfter(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s <= 0) return 'now';
  if (s < 60) return `in ${s} ${s === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(s / 3600);
  return `in about ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

// Formatting for the admin tables. Times are shown in UTC so every admin reads the same clock;
// the year is left out to keep the table narrow (the full timestamp is in the cell's tooltip).

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZone: 'UTC',
});

const integerFormat = new Intl.NumberFormat('en-US');

export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

export function formatInteger(value: number | null): string {
  return value === null ? '—' : integerFormat.format(Math.round(value));
}

/** Costs are often fractions of a cent, so keep up to six decimals. */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toFixed(6).replace(/0+$/, '')}`;
  return `$${usd.toFixed(usd < 1 ? 4 : 2)}`;
}

export function truncate(text: string, max: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length <= max ? single : `${single.slice(0, max - 1).trimEnd()}…`;
}

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

const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 950, 12.3K, 1.2M: counts on chart axes and tiles. */
export function formatCompact(value: number): string {
  return compactFormat.format(value);
}

/** A share as a percentage: 0.1234 → "12.3 %"; null (nothing to divide) → "—". */
export function formatPercent(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const percent = value * 100;
  const shown = percent !== 0 && Math.abs(percent) < 0.1 ? percent.toFixed(2) : percent.toFixed(digits);
  return `${shown.replace(/\.0+$/, '')} %`;
}

/** Milliseconds for people: "850 ms", "1.25 s", "12.5 s", "2.1 min"; null → "—". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** Money in US dollars with thousands separators: "$0.0042", "$12.35", "$1,234.50". */
export function formatUsd(usd: number): string {
  if (Math.abs(usd) >= 1000)
    return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return formatCost(usd);
}

/**
 * A change against the previous period: "+12.5 %", "−3 %", "±0 %"; ten times or more as a factor
 * ("×2,999", not "+299,800 %"); null (no base) → "—".
 */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return '—';
  if (Math.abs(change) < 0.0005) return '±0 %';
  if (change >= 9) return `×${Math.round(change + 1).toLocaleString('en-US')}`;
  const text = formatPercent(Math.abs(change));
  return `${change > 0 ? '+' : '−'}${text}`;
}

const stepTimeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'UTC',
});
const stepDayFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A chart step's label in UTC: "14:05" within a day's range, "3 Nov 18:00" or "3 Nov" beyond. */
export function formatStep(at: Date, step: '5m' | '1h' | '6h' | '1d', spansDays: boolean): string {
  if (step === '1d') return stepDayFormat.format(at);
  const time = stepTimeFormat.format(at);
  return spansDays ? `${stepDayFormat.format(at)} ${time}` : time;
}

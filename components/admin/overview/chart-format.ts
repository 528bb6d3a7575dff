// How a chart's values read on its axis and tooltip, by unit (client and server alike).
import { formatCompact, formatDuration, formatInteger, formatPercent, formatUsd } from '../format';

export type ChartUnit = 'count' | 'ms' | 'percent' | 'usd';

export function formatValue(unit: ChartUnit, value: number | null): string {
  if (value === null) return '—';
  if (unit === 'ms') return formatDuration(value);
  if (unit === 'percent') return formatPercent(value);
  if (unit === 'usd') return formatUsd(value);
  return formatInteger(value);
}

// Axis ticks are round numbers: three significant digits show cents and fractions of a cent alike.
const axisDollars = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

export function formatAxis(unit: ChartUnit, value: number): string {
  if (unit === 'ms') return formatDuration(value);
  if (unit === 'percent') return formatPercent(value, 0);
  if (unit === 'usd') {
    if (value === 0) return '$0';
    return Math.abs(value) >= 1000 ? `$${formatCompact(value)}` : `$${axisDollars.format(value)}`;
  }
  return formatCompact(value);
}

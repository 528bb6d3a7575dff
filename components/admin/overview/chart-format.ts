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

export function formatAxis(unit: ChartUnit, value: number): string {
  if (unit === 'ms') return formatDuration(value);
  if (unit === 'percent') return formatPercent(value, 0);
  if (unit === 'usd') return value === 0 ? '$0' : `$${formatCompact(value)}`;
  return formatCompact(value);
}

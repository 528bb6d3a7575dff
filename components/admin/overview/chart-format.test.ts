// Chart axes and tooltips read in the series' unit: small spends keep their cents (an axis of
// "$0, $0, $0, $0.1" for a day of small costs was the bug).
import { describe, expect, it } from 'vitest';
import { formatAxis, formatValue } from './chart-format';

describe('chart formats', () => {
  it('labels a dollar axis with its cents and fractions of a cent, thousands compact', () => {
    expect([0, 0.025, 0.05, 0.075, 0.1].map((tick) => formatAxis('usd', tick))).toEqual([
      '$0',
      '$0.025',
      '$0.05',
      '$0.075',
      '$0.1',
    ]);
    expect(formatAxis('usd', 12.5)).toBe('$12.5');
    expect(formatAxis('usd', 300)).toBe('$300');
    expect(formatAxis('usd', 2500)).toBe('$2.5K');
  });

  it('labels counts, durations and shares for people', () => {
    expect(formatAxis('count', 24_000)).toBe('24K');
    expect(formatAxis('ms', 2000)).toBe('2.00 s');
    expect(formatAxis('percent', 0.17)).toBe('17 %');
    expect(formatValue('usd', 0.3283)).toBe('$0.3283');
    expect(formatValue('count', null)).toBe('—');
  });
});

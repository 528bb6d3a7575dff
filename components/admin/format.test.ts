// Numbers on the admin console as people read them: units, separators, currency, changes.
import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCompact,
  formatCost,
  formatDuration,
  formatInteger,
  formatPercent,
  formatStep,
  formatUsd,
} from './format';

describe('admin number formatting', () => {
  it('separates thousands and rounds whole numbers', () => {
    expect(formatInteger(1234567.4)).toBe('1,234,567');
    expect(formatInteger(null)).toBe('—');
  });

  it('shortens large counts for axes and tiles', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(12_345)).toBe('12.3K');
    expect(formatCompact(1_250_000)).toBe('1.3M');
  });

  it('shows shares as percentages, small ones with two decimals, none as a dash', () => {
    expect(formatPercent(0.1234)).toBe('12.3 %');
    expect(formatPercent(0.5)).toBe('50 %');
    expect(formatPercent(0.0004)).toBe('0.04 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('shows durations in ms below a second, then seconds and minutes', () => {
    expect(formatDuration(850.4)).toBe('850 ms');
    expect(formatDuration(1250)).toBe('1.25 s');
    expect(formatDuration(12_500)).toBe('12.5 s');
    expect(formatDuration(126_000)).toBe('2.1 min');
    expect(formatDuration(null)).toBe('—');
  });

  it('shows money in dollars, fractions of a cent kept, thousands separated', () => {
    expect(formatCost(0.000123)).toBe('$0.000123');
    expect(formatUsd(12.345)).toBe('$12.35');
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(0)).toBe('$0');
  });

  it('signs a change against the previous period', () => {
    expect(formatChange(0.125)).toBe('+12.5 %');
    expect(formatChange(-0.03)).toBe('−3 %');
    expect(formatChange(0)).toBe('±0 %');
    expect(formatChange(null)).toBe('—');
    // Ten times or more (a quiet previous period) reads as a factor.
    expect(formatChange(8.5)).toBe('+850 %');
    expect(formatChange(9)).toBe('×10');
    expect(formatChange(2998)).toBe('×2,999');
  });

  it('labels chart steps in UTC, with the day once the range spans days', () => {
    const at = new Date('2026-11-03T18:05:00Z');
    expect(formatStep(at, '5m', false)).toBe('18:05');
    expect(formatStep(at, '1h', true)).toBe('3 Nov 18:05');
    expect(formatStep(at, '1d', true)).toBe('3 Nov');
  });
});

// The overview's time range from the page's search params: presets, custom days, the previous period,
// the chart step, and clear zod messages for bad input (the page falls back to the last 24 hours).
import { describe, expect, it } from 'vitest';
import { explorerDays, parseOverviewRange, splitRange, stepStarts } from './overview-range';

const now = new Date('2026-11-26T10:30:15.250Z');

describe('overview range', () => {
  it('defaults to the last 24 hours, compared with the 24 hours before', () => {
    const { range, error } = parseOverviewRange({}, now);
    expect(error).toBeNull();
    expect(range.key).toBe('24h');
    // It ends at the next whole second (exclusive), so a query recorded this second counts.
    expect(range.to.toISOString()).toBe('2026-11-26T10:30:16.000Z');
    expect(range.from.toISOString()).toBe('2026-11-25T10:30:16.000Z');
    expect(range.previousFrom.toISOString()).toBe('2026-11-24T10:30:16.000Z');
    expect(range.step).toBe('1h');
  });

  it('picks a step per preset: 5 minutes, an hour, 6 hours, a day', () => {
    const steps = ['1h', '24h', '7d', '30d'].map((key) => parseOverviewRange({ range: key }, now).range.step);
    expect(steps).toEqual(['5m', '1h', '6h', '1d']);
    expect(parseOverviewRange({ range: '7d' }, now).range.from.toISOString()).toBe(
      '2026-11-19T10:30:16.000Z',
    );
  });

  it('takes whole UTC days for a custom range, both days included', () => {
    const { range, error } = parseOverviewRange(
      { range: 'custom', from: '2026-11-01', to: '2026-11-03' },
      now,
    );
    expect(error).toBeNull();
    expect(range.from.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(range.to.toISOString()).toBe('2026-11-04T00:00:00.000Z');
    expect(range.previousFrom.toISOString()).toBe('2026-10-29T00:00:00.000Z');
    expect(range.label).toBe('2026-11-01 – 2026-11-03 (UTC)');
    expect(range.step).toBe('6h');
    expect(explorerDays(range.from, range.to)).toEqual({ from: '2026-11-01', to: '2026-11-03' });
  });

  it('refuses bad input with a message naming the field, and shows the last 24 hours instead', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ range: '2w' }, /^range: Invalid option/],
      [{ range: 'custom', from: '2026-11-01' }, /to: a custom range needs "to"/],
      [{ range: 'custom', from: '2026-02-30', to: '2026-03-01' }, /from: a real date/],
      [{ range: 'custom', from: '2026-11-05', to: '2026-11-01' }, /to: "from" must not be after "to"/],
      [{ range: 'custom', from: '2024-01-01', to: '2026-01-01' }, /at most 366 days/],
      [{ range: 'custom', from: 'yesterday', to: '2026-01-01' }, /from: a date as YYYY-MM-DD/],
    ];
    for (const [params, message] of cases) {
      const { range, error } = parseOverviewRange(params, now);
      expect(error).toMatch(message);
      expect(range.key).toBe('24h');
    }
  });

  it('cuts a range into whole hours for the rollup and partial edges for the log', () => {
    const split = splitRange(new Date('2026-11-26T08:20:00Z'), new Date('2026-11-26T11:10:00Z'), 3_600_000);
    expect(split.bodyFrom.toISOString()).toBe('2026-11-26T09:00:00.000Z');
    expect(split.bodyTo.toISOString()).toBe('2026-11-26T11:00:00.000Z');
    const short = splitRange(new Date('2026-11-26T08:20:00Z'), new Date('2026-11-26T09:10:00Z'), 3_600_000);
    expect(short.bodyFrom).toEqual(short.to);
    expect(short.bodyTo).toEqual(short.to);
  });

  it('aligns chart steps to UTC from the first step the range touches', () => {
    const starts = stepStarts(new Date('2026-11-26T08:20:00Z'), new Date('2026-11-26T11:00:00Z'), '1h');
    expect(starts.map((at) => at.toISOString().slice(11, 16))).toEqual(['08:00', '09:00', '10:00']);
  });
});

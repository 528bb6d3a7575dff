import { describe, expect, it } from 'vitest';
import { fairnessCsv, fairnessExportFileName, fairnessJson } from './export';
import {
  fairnessPeriodSchema,
  parseExportPeriod,
  parsePagePeriod,
  periodBounds,
  periodSearch,
} from './period';
import { buildFairnessReport, ratioToBest, type GroupCounts } from './report';

const counts = (group: string | null, overrides: Partial<GroupCounts> = {}): GroupCounts => ({
  group,
  asked: 100,
  answered: 90,
  assessed: 100,
  lowConfidence: 10,
  generated: 80,
  fallback: 4,
  timed: 90,
  latencyP95Ms: 1000,
  rated: 40,
  thumbsUp: 30,
  ...overrides,
});

const options = {
  from: new Date('2026-11-01T00:00:00Z'),
  to: new Date('2026-11-08T00:00:00Z'),
  threshold: 0.8,
  minRequests: 20,
};

describe('buildFairnessReport', () => {
  const report = buildFairnessReport(
    [
      counts(null, { answered: 60, thumbsUp: 20 }),
      counts('Support EMEA'),
      counts('Sales', {
        answered: 95,
        lowConfidence: 40,
        fallback: 20,
        latencyP95Ms: 2000,
        rated: 5,
        thumbsUp: 5,
      }),
    ],
    options,
  );
  const group = (label: string) => report.groups.find((g) => g.label === label)!;

  it('lists named groups by name and "No group" last', () => {
    expect(report.groups.map((g) => g.label)).toEqual(['Sales', 'Support EMEA', 'No group']);
    expect(group('No group').group).toBeNull();
  });

  it('divides a higher-is-better rate by the best group’s', () => {
    expect(report.best.answerRate).toEqual({ label: 'Sales', value: 0.95 });
    expect(group('Sales').metrics.answerRate).toMatchObject({ value: 0.95, ratio: 1, best: true });
    expect(group('Support EMEA').metrics.answerRate).toMatchObject({ ratio: 0.95, belowThreshold: false });
    // 0.60 / 0.95 = 0.63: under four fifths.
    expect(group('No group').metrics.answerRate).toMatchObject({
      value: 0.6,
      ratio: 0.63,
      belowThreshold: true,
    });
  });

  it('compares the favourable outcome of a lower-is-better rate, so under 0.8 means worse', () => {
    expect(report.best.lowConfidenceRate).toEqual({ label: 'Support EMEA', value: 0.1 });
    // Confident answers: 60 % against the best group's 90 %.
    expect(group('Sales').metrics.lowConfidenceRate).toMatchObject({
      value: 0.4,
      ratio: 0.67,
      belowThreshold: true,
    });
    // Fallbacks 25 % against 5 %: 0.75 / 0.95 = 0.79.
    expect(group('Sales').metrics.fallbackRate).toMatchObject({
      value: 0.25,
      ratio: 0.79,
      belowThreshold: true,
    });
  });

  it('divides the best p95 latency by the group’s', () => {
    expect(group('Sales').metrics.latencyP95Ms).toMatchObject({
      value: 2000,
      ratio: 0.5,
      belowThreshold: true,
    });
    expect(group('Support EMEA').metrics.latencyP95Ms).toMatchObject({ ratio: 1, best: true });
  });

  it('marks a metric counted over too few requests as insufficient data, without a ratio, never the best', () => {
    // Sales has the highest thumbs-up share (5 of 5) but only 5 ratings.
    expect(group('Sales').metrics.thumbsUpShare).toMatchObject({
      value: 1,
      sample: 5,
      insufficient: true,
      ratio: null,
      belowThreshold: false,
      best: false,
    });
    expect(report.best.thumbsUpShare).toEqual({ label: 'Support EMEA', value: 0.75 });
    expect(group('No group').metrics.thumbsUpShare).toMatchObject({ value: 0.5, ratio: 0.67 });
  });

  it('counts the ratios under the threshold', () => {
    expect(report.belowThreshold).toBe(5);
  });

  it('marks a group with too few questions as insufficient data in every metric', () => {
    const small = buildFairnessReport(
      [
        counts('Big'),
        counts('Small', { asked: 19, answered: 1, assessed: 19, generated: 19, timed: 1, rated: 1 }),
      ],
      options,
    );
    const row = small.groups.find((g) => g.label === 'Small')!;
    expect(row.insufficient).toBe(true);
    expect(Object.values(row.metrics).every((cell) => cell.insufficient && cell.ratio === null)).toBe(true);
    expect(small.belowThreshold).toBe(0);
  });

  it('has no best and no ratios when no group has enough data, and nothing for no groups', () => {
    const tiny = buildFairnessReport(
      [counts('A', { asked: 3, assessed: 3, generated: 3, timed: 3, rated: 3 })],
      options,
    );
    expect(tiny.best.answerRate).toBeNull();
    expect(tiny.groups[0]!.metrics.answerRate.ratio).toBeNull();
    expect(buildFairnessReport([], options).groups).toEqual([]);
  });

  it('gives a metric without any data no value', () => {
    const unrated = buildFairnessReport([counts('A', { rated: 0, thumbsUp: 0 })], options);
    expect(unrated.groups[0]!.metrics.thumbsUpShare).toMatchObject({
      value: null,
      ratio: null,
      insufficient: true,
    });
  });
});

describe('ratioToBest', () => {
  it('is 1 for the best, and for groups equal at an extreme', () => {
    expect(ratioToBest({ better: 'higher', unit: 'share' }, 0, 0)).toBe(1);
    expect(ratioToBest({ better: 'lower', unit: 'share' }, 1, 1)).toBe(1);
    expect(ratioToBest({ better: 'lower', unit: 'ms' }, 0, 0)).toBe(1);
    expect(ratioToBest({ better: 'lower', unit: 'share' }, 0.5, 0)).toBe(0.5);
  });
});

describe('the period', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('covers the last 7, 30 or 90 days, 30 by default', () => {
    expect(periodBounds(fairnessPeriodSchema.parse({ period: '7' }), now)).toEqual({
      from: new Date('2026-11-19T12:00:00Z'),
      to: now,
      label: 'the last 7 days',
    });
    expect(periodBounds(fairnessPeriodSchema.parse({}), now).label).toBe('the last 30 days');
    expect(periodBounds(fairnessPeriodSchema.parse({ period: '90' }), now).from).toEqual(
      new Date('2026-08-28T12:00:00Z'),
    );
  });

  it('covers whole custom days in UTC, "to" included', () => {
    const custom = fairnessPeriodSchema.parse({ period: 'custom', from: '2026-11-01', to: '2026-11-03' });
    expect(periodBounds(custom, now)).toEqual({
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-04T00:00:00Z'),
      label: '2026-11-01 to 2026-11-03 (UTC)',
    });
    expect(periodSearch(custom)).toBe('period=custom&from=2026-11-01&to=2026-11-03');
    expect(periodSearch({ period: '7', from: '2026-11-01' })).toBe('period=7');
  });

  it('refuses what does not make a period, with a reason', () => {
    const reasons = (params: Record<string, string>) => {
      const parsed = fairnessPeriodSchema.safeParse(params);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    };
    expect(reasons({ period: '14' }).length).toBe(1);
    expect(reasons({ period: 'custom', from: '2026-11-01' })).toEqual(['A custom period needs "to".']);
    expect(reasons({ period: 'custom', from: '2026-11-05', to: '2026-11-01' })).toEqual([
      '"from" must not be after "to".',
    ]);
    expect(reasons({ period: 'custom', from: '2024-01-01', to: '2026-01-01' })).toEqual([
      'A period may span at most 366 days.',
    ]);
    expect(reasons({ period: 'custom', from: '2026-02-30', to: '2026-03-01' })).toEqual(['a real date']);
    expect(() =>
      parseExportPeriod(new URLSearchParams('period=custom&from=yesterday&to=2026-11-01')),
    ).toThrow('a date as YYYY-MM-DD');
  });

  it('falls back to the last 30 days on the page and says why', () => {
    expect(parsePagePeriod({ period: 'custom', from: '2026-11-05', to: '2026-11-01' })).toEqual({
      period: { period: '30' },
      problem: '"from" must not be after "to".',
    });
    expect(parsePagePeriod({ period: ['7', '30'] })).toEqual({ period: { period: '7' }, problem: null });
  });
});

describe('the export', () => {
  const report = buildFairnessReport(
    [counts('=cmd|team'), counts(null, { answered: 50, latencyP95Ms: 1234.56 })],
    options,
  );

  it('writes one CSV row per group with each metric’s value, sample, ratio and flag, safe for spreadsheets', () => {
    const lines = fairnessCsv(report).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'group,requests,insufficient_data,answer_rate,answer_rate_sample,answer_rate_ratio,answer_rate_below_threshold,' +
        'low_confidence_rate,low_confidence_rate_sample,low_confidence_rate_ratio,low_confidence_rate_below_threshold,' +
        'fallback_rate,fallback_rate_sample,fallback_rate_ratio,fallback_rate_below_threshold,' +
        'latency_p95_ms,latency_p95_ms_sample,latency_p95_ms_ratio,latency_p95_ms_below_threshold,' +
        'thumbs_up_share,thumbs_up_share_sample,thumbs_up_share_ratio,thumbs_up_share_below_threshold',
    );
    // A group name that looks like a formula is defused.
    expect(lines[1]!.startsWith("'=cmd|team,100,false,0.9,100,1,false,")).toBe(true);
    expect(lines[2]!.startsWith('No group,100,false,0.5,100,0.56,true,')).toBe(true);
    expect(lines[2]).toContain(',1235,90,0.81,false,');
  });

  it('writes JSON with the period, the rules and every group', () => {
    const json = JSON.parse(fairnessJson(report)) as Record<string, unknown> & {
      groups: Array<{ group: string | null; metrics: { answerRate: { ratio: number } } }>;
    };
    expect(json.period).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' });
    expect(json).toMatchObject({ threshold: 0.8, minRequests: 20 });
    expect(json.groups.map((g) => [g.group, g.metrics.answerRate.ratio])).toEqual([
      ['=cmd|team', 1],
      [null, 0.56],
    ]);
    expect(fairnessExportFileName('json', new Date('2026-11-26T10:00:00Z'))).toBe('fairness-2026-11-26.json');
  });
});

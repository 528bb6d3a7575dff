// The admin overview's time range: the last hour, day, week or 30 days, or whole UTC days chosen by
// hand, each compared with the period of the same length just before it. One zod schema for the
// page's search params; the chart step follows the length so every chart has a readable number of points.
import { z } from 'zod';

export const RANGE_PRESETS = ['1h', '24h', '7d', '30d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The longest custom range, in days. */
export const MAX_CUSTOM_DAYS = 366;

const PRESET_MS: Record<RangePreset, number> = { '1h': HOUR, '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY };

export const PRESET_LABELS: Record<RangePreset, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** Chart steps: 5 minutes, an hour, 6 hours, a day. */
export type Step = '5m' | '1h' | '6h' | '1d';
export const STEP_MS: Record<Step, number> = { '5m': 5 * 60_000, '1h': HOUR, '6h': 6 * HOUR, '1d': DAY };

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const day = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .refine((value) => {
      const parsed = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
    }, 'a real date')
    .optional(),
);

export const overviewRangeSchema = z
  .object({
    range: z.preprocess(blank, z.enum([...RANGE_PRESETS, 'custom']).default('24h')),
    from: day,
    to: day,
  })
  .superRefine((value, context) => {
    if (value.range !== 'custom') return;
    if (!value.from)
      context.addIssue({ code: 'custom', path: ['from'], message: 'a custom range needs "from"' });
    if (!value.to) context.addIssue({ code: 'custom', path: ['to'], message: 'a custom range needs "to"' });
    if (!value.from || !value.to) return;
    if (value.from > value.to)
      context.addIssue({ code: 'custom', path: ['to'], message: '"from" must not be after "to"' });
    const days = (Date.parse(value.to) - Date.parse(value.from)) / DAY + 1;
    if (days > MAX_CUSTOM_DAYS)
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `a custom range spans at most ${MAX_CUSTOM_DAYS} days`,
      });
  });

export type OverviewRange = {
  key: RangePreset | 'custom';
  label: string;
  /** [from, to): the period shown. */
  from: Date;
  to: Date;
  /** The period of the same length just before it. */
  previousFrom: Date;
  step: Step;
  /** The custom days as typed (inclusive), for the form and links. */
  fromDay?: string;
  toDay?: string;
};

/** The chart step for a range of this length. */
export function stepFor(lengthMs: number): Step {
  if (lengthMs <= 2 * HOUR) return '5m';
  if (lengthMs <= 2 * DAY) return '1h';
  if (lengthMs <= 10 * DAY) return '6h';
  return '1d';
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

function build(
  key: OverviewRange['key'],
  label: string,
  from: Date,
  to: Date,
  days?: { fromDay: string; toDay: string },
): OverviewRange {
  const length = to.getTime() - from.getTime();
  return {
    key,
    label,
    from,
    to,
    previousFrom: new Date(from.getTime() - length),
    step: stepFor(length),
    ...days,
  };
}

/**
 * The range from the page's search params. A param that does not parse falls back to the last 24
 * hours, with zod's message in `error` for the page to show. `now` is the end of a preset range.
 */
export function parseOverviewRange(
  raw: Record<string, string | string[] | undefined>,
  now: Date = new Date(),
): { range: OverviewRange; error: string | null } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = overviewRangeSchema.safeParse({
    range: first(raw.range),
    from: first(raw.from),
    to: first(raw.to),
  });
  if (!parsed.success) {
    const error = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'range'}: ${issue.message}`)
      .join('; ');
    return { range: presetRange('24h', now), error };
  }
  const { range, from, to } = parsed.data;
  if (range !== 'custom') return { range: presetRange(range, now), error: null };
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY);
  const label = from === to ? `${from} (UTC)` : `${from} – ${to} (UTC)`;
  return { range: build('custom', label, start, end, { fromDay: from!, toDay: to! }), error: null };
}

export function presetRange(preset: RangePreset, now: Date = new Date()): OverviewRange {
  // Whole seconds, so the page's links and figures agree within one render; the end is the next
  // whole second, so a query recorded in this second (just before the page was asked for) counts.
  const to = new Date(Math.floor(now.getTime() / 1000) * 1000 + 1000);
  return build(preset, PRESET_LABELS[preset], new Date(to.getTime() - PRESET_MS[preset]), to);
}

/** The explorer's (inclusive, UTC) days covering [from, to). */
export function explorerDays(from: Date, to: Date): { from: string; to: string } {
  return { from: dayOf(from), to: dayOf(new Date(to.getTime() - 1)) };
}

/**
 * [from, to) cut into the whole `unitMs` periods inside it (read from a rollup) and the partial
 * ones at its edges (read from the log): [from, bodyFrom) and [bodyTo, to). With no whole period
 * inside, the body is empty (bodyFrom = bodyTo = to) and the log covers all of it.
 */
export function splitRange(
  from: Date,
  to: Date,
  unitMs: number,
): { from: Date; to: Date; bodyFrom: Date; bodyTo: Date } {
  const first = Math.ceil(from.getTime() / unitMs) * unitMs;
  const last = Math.floor(to.getTime() / unitMs) * unitMs;
  if (first >= last) return { from, to, bodyFrom: to, bodyTo: to };
  return { from, to, bodyFrom: new Date(first), bodyTo: new Date(last) };
}

/** The start of every chart step in [from, to), aligned to the step from the Unix epoch (UTC). */
export function stepStarts(from: Date, to: Date, step: Step): Date[] {
  const size = STEP_MS[step];
  const starts: Date[] = [];
  for (let at = Math.floor(from.getTime() / size) * size; at < to.getTime(); at += size)
    starts.push(new Date(at));
  return starts;
}

// The fairness report's period: the last 7, 30 or 90 days, or custom whole days in UTC. One zod
// schema for the page's search params (lenient) and the export's query (strict: a bad one is a 400).
import { z } from 'zod';
import { fairness } from '@/lib/config';

export const PERIOD_CHOICES: [string, ...string[]] = ['custom', ...fairness.periodDays.map(String)];
const DEFAULT_PERIOD = '30';
const DAY_MS = 86_400_000;

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const day = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    // Round trip: Date.parse accepts 2026-02-30 as 2 March.
    .refine((value) => {
      const time = Date.parse(`${value}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
    }, 'a real date')
    .optional(),
);

export const fairnessPeriodSchema = z
  .object({
    period: z.preprocess(blank, z.enum(PERIOD_CHOICES).default(DEFAULT_PERIOD)),
    from: day,
    to: day,
  })
  .superRefine((value, context) => {
    if (value.period !== 'custom') return;
    if (!value.from)
      context.addIssue({ code: 'custom', path: ['from'], message: 'A custom period needs "from".' });
    if (!value.to) context.addIssue({ code: 'custom', path: ['to'], message: 'A custom period needs "to".' });
    if (!value.from || !value.to) return;
    if (value.from > value.to)
      context.addIssue({ code: 'custom', path: ['to'], message: '"from" must not be after "to".' });
    else if (Date.parse(value.to) - Date.parse(value.from) >= fairness.maxPeriodDays * DAY_MS)
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `A period may span at most ${fairness.maxPeriodDays} days.`,
      });
  });

export type FairnessPeriodInput = z.infer<typeof fairnessPeriodSchema>;

/** The instants a period covers: [from, to). */
export type PeriodBounds = { from: Date; to: Date; label: string };

export function periodBounds(input: FairnessPeriodInput, now = new Date()): PeriodBounds {
  if (input.period === 'custom' && input.from && input.to) {
    return {
      from: new Date(`${input.from}T00:00:00.000Z`),
      to: new Date(Date.parse(`${input.to}T00:00:00.000Z`) + DAY_MS),
      label: `${input.from} to ${input.to} (UTC)`,
    };
  }
  const days = Number(input.period === 'custom' ? DEFAULT_PERIOD : input.period);
  return { from: new Date(now.getTime() - days * DAY_MS), to: now, label: `the last ${days} days` };
}

/** The export's period from its URL: strict, a param that does not parse is a 400 (ZodError). */
export function parseExportPeriod(params: URLSearchParams): FairnessPeriodInput {
  return fairnessPeriodSchema.parse({
    period: params.get('period') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  });
}

/**
 * The page's period from its search params: what does not parse falls back to the last 30 days and
 * is named, so a bad link still shows a report and says what it left out.
 */
export function parsePagePeriod(raw: Record<string, string | string[] | undefined>): {
  period: FairnessPeriodInput;
  problem: string | null;
} {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = fairnessPeriodSchema.safeParse({
    period: first(raw.period),
    from: first(raw.from),
    to: first(raw.to),
  });
  if (parsed.success) return { period: parsed.data, problem: null };
  return {
    period: { period: DEFAULT_PERIOD },
    problem: parsed.error.issues.map((issue) => issue.message).join(' '),
  };
}

/** The period as search params, for links (export, reload). */
export function periodSearch(input: FairnessPeriodInput): string {
  const search = new URLSearchParams({ period: input.period });
  if (input.period === 'custom') {
    if (input.from) search.set('from', input.from);
    if (input.to) search.set('to', input.to);
  }
  return search.toString();
}

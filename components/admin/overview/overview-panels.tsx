// The overview's panels: tiles compared with the previous period, then one chart per series, each an
// async server component that awaits the figures the page started loading (so each streams in behind
// its own skeleton) and hands plain data to a client chart.
import Link from 'next/link';
import { change, rates, type Summary } from '@/lib/admin/overview-data';
import type { OverviewRange } from '@/lib/admin/overview-range';
import type { FeedbackComment, OverviewFigures, Spender, TopQuestion } from '@/lib/db/overview';
import type { ReviewCounts } from '@/lib/db/review-items';
import {
  formatChange,
  formatCompact,
  formatDuration,
  formatInteger,
  formatPercent,
  formatStep,
  formatTime,
  formatUsd,
  truncate,
} from '../format';
import { BarListChart } from './bar-list-chart';
import { ChartCard } from './chart-card';
import { formatValue, type ChartUnit } from './chart-format';
import { questionSearch, rangeHref, stepHref } from './links';
import { ShareDonut } from './share-donut';
import { TimeChart, type Series, type TimePoint } from './time-chart';

type Props = { figures: Promise<OverviewFigures>; range: OverviewRange };

const COLORS = {
  ok: '#2563eb',
  degraded: '#f59e0b',
  error: '#dc2626',
  rejected: '#6b7280',
  p50: '#2563eb',
  p95: '#9333ea',
  p99: '#dc2626',
  ttft50: '#0d9488',
  ttft95: '#65a30d',
  tokensIn: '#0ea5e9',
  tokensOut: '#8b5cf6',
  up: '#16a34a',
  down: '#dc2626',
};
const MODEL_COLORS = ['#2563eb', '#9333ea', '#0d9488', '#f59e0b', '#dc2626', '#65a30d', '#db2777', '#6b7280'];

const noQueries = (range: OverviewRange) => `No queries in ${range.label.toLowerCase()}.`;
const spansDays = (range: OverviewRange) => range.to.getTime() - range.from.getTime() > 86_400_000;

/** Chart points and the hidden table's rows for a per-step series. */
function stepRows(
  figures: OverviewFigures,
  range: OverviewRange,
  values: (summary: Summary, step: OverviewFigures['steps'][number]) => Record<string, number | null>,
  filter: Parameters<typeof stepHref>[2] = {},
): TimePoint[] {
  return figures.steps.map((step) => ({
    label: formatStep(step.at, range.step, spansDays(range)),
    href: stepHref(step.at, range, filter),
    ...values(step.summary, step),
  }));
}

function stepTable(caption: string, points: TimePoint[], series: Series[], unit: ChartUnit) {
  return {
    caption,
    columns: ['Time (UTC)', ...series.map((item) => item.name)],
    rows: points.map((point) => ({
      key: point.label + point.href,
      href: point.href,
      cells: [
        point.label,
        ...series.map((item) => formatValue(unit, (point[item.key] as number | null) ?? null)),
      ],
    })),
  };
}

// ——— tiles ———

type Tile = {
  key: string;
  label: string;
  value: string;
  previous: string;
  change: number | null;
  /** Whether a rise is good news (colours the change). */
  upIsGood: boolean | null;
  href?: string;
};

export async function OverviewTiles({ figures, range, review }: Props & { review: Promise<ReviewCounts> }) {
  const [{ current, previous }, counts] = await Promise.all([figures, review]);
  const now = rates(current);
  const before = rates(previous);
  const tiles: Tile[] = [
    {
      key: 'requests',
      label: 'Requests',
      value: formatInteger(current.requests),
      previous: formatInteger(previous.requests),
      change: change(current.requests, previous.requests),
      upIsGood: null,
      href: rangeHref(range),
    },
    {
      key: 'error-rate',
      label: 'Error rate',
      value: formatPercent(now.errorRate),
      previous: formatPercent(before.errorRate),
      change: change(now.errorRate, before.errorRate),
      upIsGood: false,
      href: rangeHref(range, { status: 'ERROR' }),
    },
    {
      key: 'latency-p95',
      label: 'Latency p95',
      value: formatDuration(current.latencyP95),
      previous: formatDuration(previous.latencyP95),
      change: change(current.latencyP95, previous.latencyP95),
      upIsGood: false,
      href: rangeHref(range, { sort: 'slowest' }),
    },
    {
      key: 'ttft-p95',
      label: 'First token p95',
      value: formatDuration(current.ttftP95),
      previous: formatDuration(previous.ttftP95),
      change: change(current.ttftP95, previous.ttftP95),
      upIsGood: false,
    },
    {
      key: 'tokens',
      label: 'Tokens',
      value: formatCompact(current.tokensIn + current.tokensOut),
      previous: formatCompact(previous.tokensIn + previous.tokensOut),
      change: change(current.tokensIn + current.tokensOut, previous.tokensIn + previous.tokensOut),
      upIsGood: null,
    },
    {
      key: 'cost',
      label: 'Cost',
      value: formatUsd(current.costUsd),
      previous: formatUsd(previous.costUsd),
      change: change(current.costUsd, previous.costUsd),
      upIsGood: false,
      href: rangeHref(range, { sort: 'costliest' }),
    },
    {
      key: 'cache-hit-rate',
      label: 'Cache hit rate',
      value: formatPercent(now.cacheHitRate),
      previous: formatPercent(before.cacheHitRate),
      change: change(now.cacheHitRate, before.cacheHitRate),
      upIsGood: true,
      href: rangeHref(range, { cache: 'hit' }),
    },
    {
      key: 'fallback-rate',
      label: 'Fallback rate',
      value: formatPercent(now.fallbackRate),
      previous: formatPercent(before.fallbackRate),
      change: change(now.fallbackRate, before.fallbackRate),
      upIsGood: false,
    },
    {
      key: 'degraded-rate',
      label: 'Degraded answers',
      value: formatPercent(now.degradedRate),
      previous: formatPercent(before.degradedRate),
      change: change(now.degradedRate, before.degradedRate),
      upIsGood: false,
      href: rangeHref(range, { status: 'DEGRADED' }),
    },
    {
      key: 'rate-limited',
      label: 'Rate-limit rejections',
      value: formatInteger(now.rateLimitRejections),
      previous: formatInteger(before.rateLimitRejections),
      change: change(now.rateLimitRejections, before.rateLimitRejections),
      upIsGood: false,
    },
    {
      key: 'low-confidence',
      label: 'Low confidence',
      value: formatPercent(now.lowConfidenceShare),
      previous: formatPercent(before.lowConfidenceShare),
      change: change(now.lowConfidenceShare, before.lowConfidenceShare),
      upIsGood: false,
      href: rangeHref(range, { low: '1' }),
    },
    {
      key: 'review-queue',
      label: 'Review queue',
      value: formatInteger(counts.byStatus.PENDING),
      previous: 'now',
      change: null,
      upIsGood: null,
      href: '/admin/review',
    },
    {
      key: 'thumbs-up',
      label: 'Thumbs up',
      value: formatPercent(now.thumbsUpShare),
      previous: formatPercent(before.thumbsUpShare),
      change: change(now.thumbsUpShare, before.thumbsUpShare),
      upIsGood: true,
      href: rangeHref(range, { feedback: 'rated' }),
    },
    {
      key: 'latency-p50',
      label: 'Latency p50',
      value: formatDuration(current.latencyP50),
      previous: formatDuration(previous.latencyP50),
      change: change(current.latencyP50, previous.latencyP50),
      upIsGood: false,
    },
  ];
  return (
    <dl
      aria-label={`Figures for ${range.label.toLowerCase()}, compared with the period before`}
      data-testid="overview-tiles"
      className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7"
    >
      {tiles.map((tile) => {
        const tone =
          tile.change === null || tile.upIsGood === null || Math.abs(tile.change) < 0.0005
            ? 'text-neutral-600 dark:text-neutral-400'
            : tile.change > 0 === tile.upIsGood
              ? 'text-green-700 dark:text-green-400'
              : 'text-red-700 dark:text-red-400';
        const value = (
          <dd className="text-xl font-semibold tabular-nums" data-testid="overview-tile-value">
            {tile.value}
          </dd>
        );
        return (
          <div
            key={tile.key}
            data-testid={`overview-tile-${tile.key}`}
            className="rounded-xl border border-neutral-200 px-3 py-2 dark:border-neutral-800"
          >
            <dt className="text-xs text-neutral-600 dark:text-neutral-400">
              {tile.href ? (
                <Link href={tile.href} className="hover:underline">
                  {tile.label}
                </Link>
              ) : (
                tile.label
              )}
            </dt>
            {value}
            <dd className={`text-xs tabular-nums ${tone}`}>
              {tile.previous === 'now' ? (
                'pending now'
              ) : (
                <>
                  {formatChange(tile.change)} <span className="sr-only">against</span>
                  <span className="text-neutral-500"> (before: {tile.previous})</span>
                </>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

// ——— charts over time ———

export async function RequestsChart({ figures: pending, range }: Props) {
  const figures = await pending;
  const series: Series[] = [
    { key: 'ok', name: 'Answered', color: COLORS.ok, kind: 'bar', stack: 'requests' },
    { key: 'degraded', name: 'Degraded', color: COLORS.degraded, kind: 'bar', stack: 'requests' },
    { key: 'errors', name: 'Errors', color: COLORS.error, kind: 'bar', stack: 'requests' },
    { key: 'rejected', name: 'Refused', color: COLORS.rejected, kind: 'bar', stack: 'requests' },
  ];
  const points = stepRows(figures, range, (s) => ({
    ok: s.answered - s.degraded,
    degraded: s.degraded,
    errors: s.errors,
    rejected: s.rejected,
  }));
  const { current } = figures;
  const summary = `${formatInteger(current.requests)} requests in ${range.label.toLowerCase()}: ${formatInteger(current.answered)} answered (${formatInteger(current.degraded)} degraded), ${formatInteger(current.errors)} errors (${formatPercent(rates(current).errorRate)}), ${formatInteger(current.rejected)} refused.`;
  return (
    <ChartCard
      id="requests"
      title="Requests and errors"
      description="Every accepted request by how it ended. Select a bar to open its queries."
      summary={summary}
      empty={current.requests === 0 ? noQueries(range) : null}
      table={stepTable('Requests per step', points, series, 'count')}
      wide
    >
      <TimeChart title="Requests and errors" summary={summary} data={points} series={series} unit="count" />
    </ChartCard>
  );
}

export async function LatencyChart({ figures: pending, range }: Props) {
  const figures = await pending;
  const series: Series[] = [
    { key: 'p50', name: 'Latency p50', color: COLORS.p50, kind: 'line' },
    { key: 'p95', name: 'Latency p95', color: COLORS.p95, kind: 'line' },
    { key: 'p99', name: 'Latency p99', color: COLORS.p99, kind: 'line' },
    { key: 'ttft50', name: 'First token p50', color: COLORS.ttft50, kind: 'line' },
    { key: 'ttft95', name: 'First token p95', color: COLORS.ttft95, kind: 'line' },
  ];
  const points = stepRows(
    figures,
    range,
    (s) => ({
      p50: s.latencyP50,
      p95: s.latencyP95,
      p99: s.latencyP99,
      ttft50: s.ttftP50,
      ttft95: s.ttftP95,
    }),
    { sort: 'slowest' },
  );
  const { current } = figures;
  const summary = `Answers took ${formatDuration(current.latencyP50)} at the median, ${formatDuration(current.latencyP95)} at p95 and ${formatDuration(current.latencyP99)} at p99; the first token came after ${formatDuration(current.ttftP50)} (p50) and ${formatDuration(current.ttftP95)} (p95). Percentiles are read from histograms, within 9 %.`;
  return (
    <ChartCard
      id="latency"
      title="Latency and time to first token"
      description="Percentiles of answered requests per step. Select a point to open the slowest queries then."
      summary={summary}
      empty={current.latencyP50 === null ? `No answers in ${range.label.toLowerCase()}.` : null}
      table={stepTable('Latency percentiles per step', points, series, 'ms')}
      wide
    >
      <TimeChart
        title="Latency and time to first token"
        summary={summary}
        data={points}
        series={series}
        unit="ms"
      />
    </ChartCard>
  );
}

export async function CostChart({ figures: pending, range }: Props) {
  const figures = await pending;
  const models = figures.models.map((usage) => usage.model);
  const series: Series[] = models.map((model, index) => ({
    key: `m${index}`,
    name: model || '(none)',
    color: MODEL_COLORS[index % MODEL_COLORS.length]!,
    kind: 'bar',
    stack: 'cost',
  }));
  const points = stepRows(
    figures,
    range,
    (_, step) =>
      Object.fromEntries(models.map((model, index) => [`m${index}`, step.byModel[model]?.costUsd ?? 0])),
    { sort: 'costliest' },
  );
  const { current } = figures;
  const top = figures.models[0];
  const summary = `${formatUsd(current.costUsd)} spent in ${range.label.toLowerCase()}${top ? `, most on ${top.model || '(none)'} (${formatUsd(top.costUsd)})` : ''}.`;
  return (
    <ChartCard
      id="cost"
      title="Cost over time by model"
      description="Model spend per step, stacked by model. Select a bar to open the costliest queries then."
      summary={summary}
      empty={current.requests === 0 ? noQueries(range) : null}
      table={stepTable('Cost per step and model', points, series, 'usd')}
    >
      <TimeChart title="Cost over time by model" summary={summary} data={points} series={series} unit="usd" />
    </ChartCard>
  );
}

export async function TokensChart({ figures: pending, range }: Props) {
  const figures = await pending;
  const series: Series[] = [
    { key: 'in', name: 'Tokens in', color: COLORS.tokensIn, kind: 'area', stack: 'tokens' },
    { key: 'out', name: 'Tokens out', color: COLORS.tokensOut, kind: 'area', stack: 'tokens' },
  ];
  const points = stepRows(figures, range, (s) => ({ in: s.tokensIn, out: s.tokensOut }));
  const { current } = figures;
  const summary = `${formatInteger(current.tokensIn)} tokens in and ${formatInteger(current.tokensOut)} out in ${range.label.toLowerCase()}.`;
  return (
    <ChartCard
      id="tokens"
      title="Tokens over time"
      description="Prompt (in) and answer (out) tokens per step; cached answers cost none."
      summary={summary}
      empty={current.requests === 0 ? noQueries(range) : null}
      table={stepTable('Tokens per step', points, series, 'count')}
    >
      <TimeChart title="Tokens over time" summary={summary} data={points} series={series} unit="count" />
    </ChartCard>
  );
}

export async function QualityChart({ figures: pending, range }: Props) {
  const figures = await pending;
  const series: Series[] = [
    { key: 'cache', name: 'Cache hits', color: '#0d9488', kind: 'line' },
    { key: 'fallback', name: 'Fallbacks', color: '#f59e0b', kind: 'line' },
    { key: 'degraded', name: 'Degraded', color: '#dc2626', kind: 'line' },
    { key: 'low', name: 'Low confidence', color: '#9333ea', kind: 'line' },
  ];
  const points = stepRows(figures, range, (s) => {
    const r = rates(s);
    return {
      cache: r.cacheHitRate,
      fallback: r.fallbackRate,
      degraded: r.degradedRate,
      low: r.lowConfidenceShare,
    };
  });
  const now = rates(figures.current);
  const summary = `Of the answers, ${formatPercent(now.cacheHitRate)} came from the cache, ${formatPercent(now.fallbackRate)} needed a fallback model, ${formatPercent(now.degradedRate)} were degraded, and ${formatPercent(now.lowConfidenceShare)} of scored answers had low confidence.`;
  return (
    <ChartCard
      id="quality"
      title="Cache, fallback and confidence"
      description="Shares of answered requests per step."
      summary={summary}
      empty={figures.current.answered === 0 ? `No answers in ${range.label.toLowerCase()}.` : null}
      table={stepTable('Shares per step', points, series, 'percent')}
    >
      <TimeChart
        title="Cache, fallback and confidence"
        summary={summary}
        data={points}
        series={series}
        unit="percent"
      />
    </ChartCard>
  );
}

export async function RateLimitChart({ figures: pending, range }: Props) {
  const figures = await pending;
  const series: Series[] = [
    { key: 'door', name: 'Refused at the door (429)', color: '#6b7280', kind: 'bar', stack: 'limits' },
    {
      key: 'pipeline',
      name: 'Over limit or budget in the pipeline',
      color: '#f59e0b',
      kind: 'bar',
      stack: 'limits',
    },
  ];
  const points = stepRows(figures, range, (s) => ({ door: s.doorRejections, pipeline: s.rateLimited }), {
    status: 'REJECTED',
  });
  const total = rates(figures.current).rateLimitRejections;
  const summary = `${formatInteger(total)} requests refused by a rate limit or budget in ${range.label.toLowerCase()} (${formatInteger(figures.current.doorRejections)} at the door, counted per hour).`;
  return (
    <ChartCard
      id="rate-limits"
      title="Rate-limit rejections"
      description="Requests over a rate limit or the daily budget, per step."
      summary={summary}
      empty={total === 0 ? `No rate-limit rejections in ${range.label.toLowerCase()}.` : null}
      table={stepTable('Rate-limit rejections per step', points, series, 'count')}
    >
      <TimeChart title="Rate-limit rejections" summary={summary} data={points} series={series} unit="count" />
    </ChartCard>
  );
}

// ——— rankings ———

export async function ModelsChart({ figures: pending, range }: Props) {
  const figures = await pending;
  const bars = figures.models.map((usage) => ({
    label: usage.model || '(none)',
    value: usage.costUsd,
    href: rangeHref(range, { ...(usage.model ? { model: usage.model } : {}), sort: 'costliest' }),
  }));
  const summary = figures.models
    .map(
      (usage) =>
        `${usage.model || '(none)'} ${formatUsd(usage.costUsd)} for ${formatInteger(usage.requests)} requests`,
    )
    .join('; ');
  return (
    <ChartCard
      id="models"
      title="Cost by model"
      description="Spend, tokens and requests per model. Select a bar to open its queries."
      summary={summary ? `${summary}.` : ''}
      empty={figures.models.length === 0 ? noQueries(range) : null}
      table={{
        caption: 'Usage per model',
        columns: ['Model', 'Cost', 'Tokens in', 'Tokens out', 'Requests'],
        rows: figures.models.map((usage, index) => ({
          key: usage.model,
          href: bars[index]!.href,
          cells: [
            usage.model || '(none)',
            formatUsd(usage.costUsd),
            formatInteger(usage.tokensIn),
            formatInteger(usage.tokensOut),
            formatInteger(usage.requests),
          ],
        })),
      }}
    >
      <BarListChart
        title="Cost by model"
        summary={summary}
        data={bars}
        unit="usd"
        color="#2563eb"
        name="Cost"
      />
    </ChartCard>
  );
}

export async function SpendersChart({
  spenders: pending,
  range,
}: {
  spenders: Promise<Spender[]>;
  range: OverviewRange;
}) {
  const spenders = await pending;
  const bars = spenders.map((spender) => ({
    label: spender.email ?? spender.userId,
    value: spender.costUsd,
    href: rangeHref(range, { ...(spender.email ? { user: spender.email } : {}), sort: 'costliest' }),
  }));
  const summary = spenders.length
    ? `Top spender: ${bars[0]!.label} with ${formatUsd(spenders[0]!.costUsd)} over ${formatInteger(spenders[0]!.requests)} requests.`
    : '';
  return (
    <ChartCard
      id="spenders"
      title="Top spenders"
      description="Users by model spend in the range (then tokens). Select a bar to open their queries."
      summary={summary}
      empty={spenders.length === 0 ? noQueries(range) : null}
      table={{
        caption: 'Top spenders',
        columns: ['User', 'Cost', 'Tokens', 'Requests'],
        rows: spenders.map((spender, index) => ({
          key: spender.userId,
          href: bars[index]!.href,
          cells: [
            bars[index]!.label,
            formatUsd(spender.costUsd),
            formatInteger(spender.tokensIn + spender.tokensOut),
            formatInteger(spender.requests),
          ],
        })),
      }}
    >
      <BarListChart
        title="Top spenders"
        summary={summary}
        data={bars}
        unit="usd"
        color="#9333ea"
        name="Cost"
      />
    </ChartCard>
  );
}

export async function FeedbackPanel({
  figures: pending,
  comments: pendingComments,
  range,
}: Props & { comments: Promise<FeedbackComment[]> }) {
  const [figures, comments] = await Promise.all([pending, pendingComments]);
  const { feedbackUp: up, feedbackDown: down } = figures.current;
  const slices = [
    { name: 'Thumbs up', value: up, color: COLORS.up, href: rangeHref(range, { feedback: 'up' }) },
    { name: 'Thumbs down', value: down, color: COLORS.down, href: rangeHref(range, { feedback: 'down' }) },
  ];
  const summary =
    up + down > 0
      ? `${formatInteger(up + down)} answers rated: ${formatPercent(up / (up + down))} thumbs up, ${formatPercent(down / (up + down))} thumbs down.`
      : '';
  return (
    <ChartCard
      id="feedback"
      title="Feedback"
      description="How askers rated answers given in the range, and their latest comments."
      summary={summary}
      empty={up + down === 0 ? `No feedback on answers in ${range.label.toLowerCase()}.` : null}
      table={{
        caption: 'Ratings',
        columns: ['Rating', 'Answers'],
        rows: slices.map((slice) => ({
          key: slice.name,
          href: slice.href,
          cells: [slice.name, formatInteger(slice.value)],
        })),
      }}
    >
      <ShareDonut title="Feedback" summary={summary} data={slices} />
      <h3 className="pt-2 text-sm font-medium">Latest comments</h3>
      {comments.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No comments in this range.</p>
      ) : (
        <ul className="space-y-2 text-sm" data-testid="feedback-comments">
          {comments.map((comment) => (
            <li key={comment.id} className="border-l-2 border-neutral-300 pl-2 dark:border-neutral-700">
              <span aria-label={comment.rating > 0 ? 'thumbs up' : 'thumbs down'}>
                {comment.rating > 0 ? '👍' : '👎'}
              </span>{' '}
              “{truncate(comment.comment, 160)}”
              <span className="block text-xs text-neutral-600 dark:text-neutral-400">
                on <Link href={`/admin/queries/${comment.id}`}>{truncate(comment.question, 80)}</Link> ·{' '}
                {comment.userEmail ?? 'deleted user'} · {formatTime(comment.at)} UTC
              </span>
            </li>
          ))}
        </ul>
      )}
    </ChartCard>
  );
}

export async function TopQuestions({
  questions: pending,
  range,
}: {
  questions: Promise<TopQuestion[]>;
  range: OverviewRange;
}) {
  const questions = await pending;
  return (
    <section
      aria-labelledby="top-questions-title"
      data-testid="top-questions"
      className="space-y-2 rounded-xl border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <h2 id="top-questions-title" className="text-base font-semibold tracking-tight">
        Top questions
      </h2>
      <p className="text-xs text-neutral-600 dark:text-neutral-400">
        Asked most often in the range; case, spacing and numbers (shown as #) are ignored. Open one to see its
        queries.
      </p>
      {questions.length === 0 ? (
        <p
          data-testid="chart-empty"
          className="rounded-lg border border-dashed border-neutral-300 px-3 py-8 text-center text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400"
        >
          {noQueries(range)}
        </p>
      ) : (
        <ol className="space-y-1 text-sm">
          {questions.map((entry) => (
            <li
              key={entry.question}
              className="flex items-baseline justify-between gap-3"
              data-testid="top-question"
            >
              <Link
                href={rangeHref(range, { q: questionSearch(entry.question) })}
                className="truncate hover:underline"
                title={entry.question}
              >
                {truncate(entry.question.replace(/\d+/g, '#'), 100)}
              </Link>
              <span className="shrink-0 tabular-nums text-neutral-600 dark:text-neutral-400">
                {formatInteger(entry.count)}
                <span className="sr-only"> {entry.count === 1 ? 'time' : 'times'}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

// One query in full: question and answer, what the bias screen found, the sources with their scores,
// route and reason, the feature-flag variants it was served with, tokens, cost, latency and time to
// first token, confidence and its explanation, fallback attempts, feedback, and the ids to find it in
// logs. The JSON columns are read defensively: old rows may lack fields.
import type { ReactNode } from 'react';
import { z } from 'zod';
import { formatCost, formatInteger } from '@/components/admin/format';
import { StatusBadge } from '@/components/admin/status-badge';
import type { QueryLogDetail } from '@/lib/db/query-explorer';

const sourcesSchema = z.array(
  z.looseObject({
    n: z.number().optional(),
    label: z.string().optional(),
    title: z.string().optional(),
    score: z.number().optional(),
  }),
);
const attemptsSchema = z.array(
  z.looseObject({ model: z.string(), provider: z.string().optional(), outcome: z.string(), ms: z.number() }),
);
const explanationSchema = z.looseObject({
  summary: z.string().optional(),
  level: z.string().optional(),
  oversight: z.string().optional(),
});

const biasFlagsSchema = z.array(
  z.looseObject({
    term: z.string(),
    message: z.string().optional(),
    suggestions: z.array(z.string()).optional(),
    source: z.string().optional(),
    quoted: z.boolean().optional(),
    passage: z.number().optional(),
  }),
);

const parsedOr = <T,>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
};

const muted = 'text-neutral-500 dark:text-neutral-400';
const none = <span className={muted}>—</span>;
const mono = (text: string) => <span className="font-mono text-xs">{text}</span>;

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section
      aria-labelledby={`query-${title.toLowerCase().replace(/\W+/g, '-')}`}
      data-testid={testId}
      className="rounded-xl border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <h2 id={`query-${title.toLowerCase().replace(/\W+/g, '-')}`} className="mb-3 text-sm font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Facts({ items }: { items: Array<[label: string, value: ReactNode, testId?: string]> }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
      {items.map(([label, value, testId]) => (
        <div key={label} className="contents">
          <dt className={muted}>{label}</dt>
          <dd className="tabular-nums" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function QueryDetailView({ query }: { query: NonNullable<QueryLogDetail> }) {
  const sources = parsedOr(sourcesSchema, query.sources, []);
  const attempts = parsedOr(attemptsSchema, query.attempts, []);
  const flags = Object.entries(parsedOr(z.record(z.string(), z.string()), query.flags, {}));
  const explanation = parsedOr(explanationSchema, query.explanation, {});
  const biasFlags = query.biasFlags === null ? null : parsedOr(biasFlagsSchema, query.biasFlags, []);
  const cost = Number(query.costUsd);

  return (
    <div className="space-y-4">
      <div>
        <p className={`text-sm ${muted}`}>
          <time dateTime={query.createdAt.toISOString()}>{query.createdAt.toISOString()}</time> ·{' '}
          {query.user?.email ?? 'no user'}
          {query.user?.group ? ` (${query.user.group})` : ''} · {query.route}
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words" data-testid="query-question">
          {query.question}
        </h1>
        <p className="mt-2 flex items-center gap-2 text-sm">
          <StatusBadge status={query.status} />
          {query.errorCode ? <span className="font-mono text-xs">{query.errorCode}</span> : null}
          {query.cacheHit ? (
            <span className="text-sky-800 dark:text-sky-300">answered from the cache</span>
          ) : null}
          {query.degraded ? <span>last-resort extractive answer</span> : null}
        </p>
      </div>

      <Section title="Answer" testId="query-answer">
        {query.answer ? (
          <p className="text-sm whitespace-pre-wrap">{query.answer}</p>
        ) : (
          <p className={`text-sm ${muted}`}>No answer was given.</p>
        )}
      </Section>

      <Section title="Bias screen" testId="query-bias">
        <BiasFlags flags={biasFlags} cacheHit={query.cacheHit} />
      </Section>

      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Figures" testId="query-figures">
          <Facts
            items={[
              [
                'Latency',
                query.latencyMs === null ? none : `${formatInteger(query.latencyMs)} ms`,
                'query-latency',
              ],
              [
                'Time to first token',
                query.ttftMs === null ? none : `${formatInteger(query.ttftMs)} ms`,
                'query-ttft',
              ],
              [
                'Tokens in / out',
                `${formatInteger(query.tokensIn)} / ${formatInteger(query.tokensOut)}${query.tokensCounted ? ' (counted)' : ''}`,
                'query-tokens',
              ],
              ['Cost', formatCost(cost), 'query-cost'],
            ]}
          />
        </Section>
        <Section title="Route" testId="query-route">
          <Facts
            items={[
              ['Model', query.model ? mono(query.model) : none],
              ['Provider', query.provider ?? none],
              ['Tier', query.routeTier ?? none],
              ['Reason', query.routeReason ?? none],
              [
                'Feature flags',
                flags.length === 0 ? (
                  none
                ) : (
                  <ul className="space-y-0.5">
                    {flags.map(([key, variant]) => (
                      <li key={key}>
                        {mono(key)}: {mono(variant)}
                      </li>
                    ))}
                  </ul>
                ),
                'query-flags',
              ],
            ]}
          />
        </Section>
        <Section title="Confidence" testId="query-confidence">
          <Facts
            items={[
              [
                'Score',
                query.confidence === null
                  ? none
                  : `${Math.round(query.confidence * 100)} %${explanation.level ? ` (${explanation.level})` : ''}`,
              ],
              ['Explanation', explanation.summary ?? none],
              ['Oversight', explanation.oversight ?? none],
              [
                'Review',
                query.reviewItems.length
                  ? query.reviewItems.map((item) => item.status.toLowerCase()).join(', ')
                  : none,
              ],
            ]}
          />
        </Section>
        <Section title="Feedback" testId="query-feedback">
          <Facts
            items={[
              [
                'Rating',
                query.feedback === null ? 'not rated' : query.feedback > 0 ? 'thumbs up' : 'thumbs down',
              ],
              ['Comment', query.feedbackComment ?? none],
              ['Rated at', query.feedbackAt?.toISOString() ?? none],
            ]}
          />
        </Section>
      </div>

      <Section title="Sources" testId="query-sources">
        {sources.length === 0 ? (
          <p className={`text-sm ${muted}`}>No sources.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {sources.map((source, index) => (
              <li key={index} className="flex justify-between gap-4" data-testid="query-source">
                <span>
                  [{source.n ?? index + 1}] {source.label ?? source.title ?? 'untitled'}
                </span>
                <span className="tabular-nums" data-testid="query-source-score">
                  {source.score === undefined ? '—' : source.score.toFixed(3)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title="Model calls" testId="query-attempts">
        {attempts.length === 0 ? (
          <p className={`text-sm ${muted}`}>No model was called{query.cacheHit ? ' (cache hit)' : ''}.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {attempts.map((attempt, index) => (
              <li key={index} className="flex justify-between gap-4">
                <span>
                  {index + 1}. <span className="font-mono text-xs">{attempt.model}</span>
                  {attempt.provider ? ` (${attempt.provider})` : ''}: {attempt.outcome}
                </span>
                <span className="tabular-nums">{formatInteger(attempt.ms)} ms</span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title="Identifiers" testId="query-ids">
        <Facts
          items={[
            ['Query id', mono(query.id)],
            ['Request id', mono(query.requestId), 'query-request-id'],
            [
              'Trace id',
              query.traceId ? mono(query.traceId) : 'not traced (OTEL_EXPORTER_OTLP_ENDPOINT unset)',
            ],
            ['Conversation', query.conversationId ? mono(query.conversationId) : none],
            ['API key', query.apiKey ? `${query.apiKey.name} (${query.apiKey.prefix}…)` : none],
          ]}
        />
      </Section>
    </div>
  );
}

type BiasFlagView = z.infer<typeof biasFlagsSchema>[number];

/** What the bias screen found: each term, whether it was the answer's own words or quoted from a passage, and what may be better. */
function BiasFlags({ flags, cacheHit }: { flags: BiasFlagView[] | null; cacheHit: boolean }) {
  if (flags === null)
    return (
      <p className={`text-sm ${muted}`} data-testid="query-bias-status" data-status="not-screened">
        Not screened{cacheHit ? ' (replayed from the cache, screened when it was generated)' : ''}.
      </p>
    );
  if (flags.length === 0)
    return (
      <p className="text-sm" data-testid="query-bias-status" data-status="clean">
        Nothing found.
      </p>
    );
  const own = flags.filter((flag) => !flag.quoted).length;
  return (
    <div className="space-y-2 text-sm">
      <p data-testid="query-bias-status" data-status="flagged">
        {flags.length} {flags.length === 1 ? 'term' : 'terms'} found
        {own
          ? `, ${own} in the answer’s own words (queued for review)`
          : ', all quoted from retrieved passages'}
        .
      </p>
      <ul className="space-y-1.5">
        {flags.map((flag, index) => (
          <li key={index} data-testid="query-bias-flag" data-quoted={flag.quoted ? 'true' : 'false'}>
            <span className="font-medium" data-testid="query-bias-term">
              {flag.term}
            </span>{' '}
            <span className={muted}>
              {flag.quoted ? `(quoted from source [${flag.passage ?? '?'}])` : '(own words)'}
              {flag.source === 'term-list' ? ' · organisation list' : ''}
            </span>
            {flag.message ? <span className="block">{flag.message}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

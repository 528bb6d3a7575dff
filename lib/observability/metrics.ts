// Prometheus metrics of this instance (prom-client), scraped at /api/metrics. One registry per
// process, kept on globalThis so every route bundle of a Next.js server counts into the same series.
// Prometheus sums the instances: each counts only what it served.
import client from 'prom-client';

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const TTFT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

type Readers = {
  queueDepth?: () => Promise<Record<string, number>>;
  killSwitchEngaged?: () => boolean | Promise<boolean>;
};

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const readers: Readers = {};
  const metrics = {
    registry,
    readers,
    requests: new client.Counter({
      name: 'rag_requests_total',
      help: 'HTTP requests served by the route wrapper, by route template and status code.',
      labelNames: ['route', 'status'] as const,
      registers: [registry],
    }),
    duration: new client.Histogram({
      name: 'rag_request_duration_seconds',
      help: 'Time from a request arriving to its response starting (streams: to the first byte), by route.',
      labelNames: ['route'] as const,
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    active: new client.Gauge({
      name: 'rag_active_requests',
      help: 'Requests being handled right now.',
      registers: [registry],
    }),
    ttft: new client.Histogram({
      name: 'rag_time_to_first_token_seconds',
      help: 'Time from the question to the first answer token, by model.',
      labelNames: ['model'] as const,
      buckets: TTFT_BUCKETS,
      registers: [registry],
    }),
    tokens: new client.Counter({
      name: 'rag_tokens_total',
      help: 'Model tokens of answered questions, by model and direction (input, output).',
      labelNames: ['model', 'direction'] as const,
      registers: [registry],
    }),
    cost: new client.Counter({
      name: 'rag_cost_usd_total',
      help: 'Cost of answered questions in US dollars, by model.',
      labelNames: ['model'] as const,
      registers: [registry],
    }),
    answers: new client.Counter({
      name: 'rag_answers_total',
      help: 'Questions that reached the answer path, by outcome status (ok, error, client_aborted, …).',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    cacheRequests: new client.Counter({
      name: 'rag_cache_requests_total',
      help: 'Answer-cache lookups.',
      registers: [registry],
    }),
    cacheHits: new client.Counter({
      name: 'rag_cache_hits_total',
      help: 'Answer-cache lookups that served a cached answer.',
      registers: [registry],
    }),
    fallbacks: new client.Counter({
      name: 'rag_fallbacks_total',
      help: 'Answers not given by the routed model: kind=model (a fallback model answered) or degraded (the extractive last resort).',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    rateLimited: new client.Counter({
      name: 'rag_rate_limit_rejections_total',
      help: 'Requests refused by a rate limit or a spent budget, by rule.',
      labelNames: ['rule'] as const,
      registers: [registry],
    }),
  };
  new client.Gauge({
    name: 'rag_kill_switch_engaged',
    help: '1 while the kill switch pauses chat and API, else 0.',
    registers: [registry],
    async collect() {
      this.set(readers.killSwitchEngaged && (await readers.killSwitchEngaged()) ? 1 : 0);
    },
  });
  new client.Gauge({
    name: 'rag_job_queue_depth',
    help: 'Jobs waiting to run (queued or waiting to retry), by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      if (!readers.queueDepth) return;
      this.reset();
      for (const [queue, depth] of Object.entries(await readers.queueDepth())) this.set({ queue }, depth);
    },
  });
  return metrics;
}

type Metrics = ReturnType<typeof create>;
const holder = globalThis as unknown as { ragMetrics?: Metrics };

export function metrics(): Metrics {
  holder.ragMetrics ??= create();
  return holder.ragMetrics;
}

/** The exposition text of every metric of this instance. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/** Lets a concern report a gauge read at scrape time (job queue depth, kill switch). */
export function setMetricsReader<K extends keyof Readers>(name: K, reader: NonNullable<Readers[K]>): void {
  metrics().readers[name] = reader;
}

/** Counts one request in flight; call the returned function once it has been answered. */
export function startRequest(): (route: string, status: number) => void {
  const m = metrics();
  const started = performance.now();
  m.active.inc();
  return (route, status) => {
    m.active.dec();
    m.requests.inc({ route, status: String(status) });
    m.duration.observe({ route }, (performance.now() - started) / 1000);
  };
}

export type AnswerObservation = {
  status: string;
  model: string | null;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  ttftMs: number | null;
  cacheHit: boolean;
  /** Whether the cache was consulted for this question at all. */
  cacheLookedUp: boolean;
  fallback: 'model' | 'degraded' | null;
};

/** Records one question's outcome (called where its query-log row is written). */
export function observeAnswer(answer: AnswerObservation): void {
  const m = metrics();
  m.answers.inc({ status: answer.status });
  if (answer.cacheLookedUp) m.cacheRequests.inc();
  if (answer.cacheHit) m.cacheHits.inc();
  if (answer.fallback) m.fallbacks.inc({ kind: answer.fallback });
  if (!answer.model) return;
  const model = answer.model;
  if (answer.tokensIn) m.tokens.inc({ model, direction: 'input' }, answer.tokensIn);
  if (answer.tokensOut) m.tokens.inc({ model, direction: 'output' }, answer.tokensOut);
  if (answer.costUsd) m.cost.inc({ model }, answer.costUsd);
  if (answer.ttftMs !== null && !answer.cacheHit) m.ttft.observe({ model }, answer.ttftMs / 1000);
}

export function observeRateLimited(rule: string): void {
  metrics().rateLimited.inc({ rule });
}

/**
 * The route template of a request path: each dynamic segment put back as its [param] name, so ids
 * never become label values (`/api/conversations/abc` → `/api/conversations/[id]`).
 */
export function routeTemplate(pathname: string, params: Record<string, string | string[]>): string {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') names.set(value, `[${name}]`);
    else names.set(value.join('/'), `[...${name}]`);
  }
  let path = pathname;
  for (const [value, name] of names) {
    if (!value) continue;
    path = path
      .split('/')
      .map((segment) => (decodeURIComponent(segment) === value ? name : segment))
      .join('/');
    if (value.includes('/')) path = path.replace(`/${value}`, `/${name}`);
  }
  return path;
}

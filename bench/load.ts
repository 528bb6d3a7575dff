// `npm run load`: load, soak and chaos runs against a production build, with autocannon.
//
//   npm run load                        the scenarios below against a fresh production instance
//   npm run load -- --url http://host:3000 --api-key rag_… [--email … --password …]
//                                       the same against an instance that is already running
//   npm run load -- --instances 2       the same against two instances on one database, the
//                                       connections split between them
//   npm run load -- --soak 10           mixed load for 10 minutes; memory growth of the instance
//   npm run load -- --heap 640          own instances with V8's heap capped at 640 MiB
//                                       (--max-old-space-size), as in the Kubernetes Deployment
//   npm run load -- --chaos             provider failures, Redis down and a slow database (own instance)
//
// Every run prints the machine, then per scenario requests/s, p50/p95/p99 latency and errors; it
// exits 1 when more than 1 % of requests fail (chaos: on any 500, or an error not in the one shape).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startChatStub, type ChatStub } from '../tests/support/openai-chat-stub';
import { startDatabaseProxy, startRedis, type DatabaseProxy, type RedisServer } from './support/faults';
import { DEMO_QUESTIONS } from './support/questions';
import { startProductionApp, type ProductionApp } from './support/production-app';
import { machineLines, ms, printTable } from './support/report';
import { signIn } from './support/session';

const USAGE = `usage: npm run load -- [--url <base url> --api-key <key> [--email <e> --password <p>]]
                        [--duration <seconds per scenario>] [--connections <n>]
                        [--instances <n>] [--heap <MiB>] [--soak <minutes>] [--chaos]`;

const { values: options } = (() => {
  try {
    return parseArgs({
      options: {
        url: { type: 'string' },
        'api-key': { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        'metrics-token': { type: 'string' },
        duration: { type: 'string', default: '20' },
        connections: { type: 'string', default: '10' },
        instances: { type: 'string', default: '1' },
        heap: { type: 'string' },
        soak: { type: 'string' },
        chaos: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const duration = Number(options.duration);
const connections = Number(options.connections);
const instances = Number(options.instances);
const heapMiB = options.heap === undefined ? null : Number(options.heap);
if (
  !(duration > 0) ||
  !(connections > 0) ||
  !(Number.isInteger(instances) && instances >= 1 && instances <= connections) ||
  (options.url && (!options['api-key'] || instances > 1)) ||
  (instances > 1 && (options.soak || options.chaos)) ||
  (heapMiB !== null && (!(Number.isInteger(heapMiB) && heapMiB >= 64) || options.url))
) {
  console.error(USAGE);
  process.exit(2);
}

type Target = {
  baseUrl: string;
  /** Every instance the load is spread over (the connections split evenly); `baseUrl` first. */
  baseUrls: string[];
  apiKey: string;
  cookie: string | null;
  metricsToken: string | null;
  databaseUrl: string | null;
};

type Outcome = {
  name: string;
  requests: number;
  rps: number;
  latencies: number[];
  /** Responses by status (0: no response: timeout or connection error). */
  statuses: Map<number, number>;
  /** Error bodies that were not `{ error: { code, message, requestId } }`. */
  badShapes: number;
  degraded: number;
  answered: number;
  /** The first error body seen per status, to say why requests failed. */
  firstErrors: Map<number, string>;
};

type Scenario = {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** A body per request (numbered from 0). */
  body?: (i: number) => string;
};

let unique = 0;
/** Uncached questions carry a number no earlier one had, so each runs the whole pipeline. */
const freshQuestion = (i: number) =>
  `${DEMO_QUESTIONS[i % DEMO_QUESTIONS.length]} (load ${Date.now()}-${++unique})`;

function scenarios(target: Target): Scenario[] {
  const api = { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' };
  const list: Scenario[] = [
    { name: 'GET /api/health (bare route)', method: 'GET', path: '/api/health' },
    {
      name: 'POST /api/v1/query uncached',
      method: 'POST',
      path: '/api/v1/query',
      headers: api,
      body: (i) => JSON.stringify({ query: freshQuestion(i) }),
    },
    {
      name: 'POST /api/v1/query cached',
      method: 'POST',
      path: '/api/v1/query',
      headers: api,
      body: (i) => JSON.stringify({ query: DEMO_QUESTIONS[i % DEMO_QUESTIONS.length] }),
    },
  ];
  if (target.cookie)
    list.push({
      name: 'POST /api/chat uncached (stream)',
      method: 'POST',
      path: '/api/chat',
      headers: { cookie: target.cookie, 'content-type': 'application/json', origin: target.baseUrl },
      body: (i) =>
        JSON.stringify({
          trigger: 'submit-message',
          id: randomUUID(),
          message: { role: 'user', parts: [{ type: 'text', text: freshQuestion(i) }] },
        }),
    });
  return list;
}

const isErrorShape = (body: string) => {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown; requestId?: unknown } };
    return (
      typeof parsed.error?.code === 'string' &&
      typeof parsed.error.message === 'string' &&
      typeof parsed.error.requestId === 'string'
    );
  } catch {
    return false;
  }
};

/** `scenario` for `seconds` against every instance of `target` at once, the connections split. */
async function runScenario(target: Target, scenario: Scenario, seconds: number): Promise<Outcome> {
  const share = (i: number) =>
    Math.floor(connections / target.baseUrls.length) + (i < connections % target.baseUrls.length ? 1 : 0);
  const parts = await Promise.all(target.baseUrls.map((url, i) => runOn(url, share(i), scenario, seconds)));
  const merged = parts[0]!;
  for (const part of parts.slice(1)) {
    merged.requests += part.requests;
    merged.rps += part.rps;
    merged.latencies.push(...part.latencies);
    for (const [status, count] of part.statuses)
      merged.statuses.set(status, (merged.statuses.get(status) ?? 0) + count);
    merged.badShapes += part.badShapes;
    merged.degraded += part.degraded;
    merged.answered += part.answered;
    for (const [status, body] of part.firstErrors)
      if (!merged.firstErrors.has(status)) merged.firstErrors.set(status, body);
  }
  return merged;
}

/** One autocannon run of `scenario` for `seconds` against one instance, every response checked. */
async function runOn(
  baseUrl: string,
  connectionCount: number,
  scenario: Scenario,
  seconds: number,
): Promise<Outcome> {
  const outcome: Outcome = {
    name: scenario.name,
    requests: 0,
    rps: 0,
    latencies: [],
    statuses: new Map(),
    badShapes: 0,
    degraded: 0,
    answered: 0,
    firstErrors: new Map(),
  };
  let n = 0;
  const started = performance.now();
  const instance = autocannon({
    url: baseUrl,
    connections: connectionCount,
    duration: seconds,
    timeout: 60,
    requests: [
      {
        method: scenario.method,
        path: scenario.path,
        // A browser's Origin is the instance it talks to (the chat refuses another origin).
        headers: scenario.headers?.origin ? { ...scenario.headers, origin: baseUrl } : scenario.headers,
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          ...(scenario.body && { body: scenario.body(n++) }),
        }),
        onResponse: (status: number, body: string) => {
          if (status >= 400 && !isErrorShape(body)) outcome.badShapes += 1;
          if (status >= 400 && !outcome.firstErrors.has(status))
            outcome.firstErrors.set(status, body.slice(0, 300));
          if (status === 200 && scenario.path === '/api/v1/query') {
            outcome.answered += 1;
            if (/"degraded":true/.test(body)) outcome.degraded += 1;
          }
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    outcome.statuses.set(status, (outcome.statuses.get(status) ?? 0) + 1);
    outcome.latencies.push(responseTime);
  });
  const result = (await instance) as { errors: number; timeouts: number };
  const failed = result.errors + result.timeouts;
  if (failed) outcome.statuses.set(0, failed);
  outcome.requests = [...outcome.statuses.values()].reduce((a, b) => a + b, 0);
  outcome.rps = outcome.latencies.length / ((performance.now() - started) / 1000);
  return outcome;
}

/** Nearest-rank percentile. */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length, Math.ceil((p / 100) * sorted.length)) - 1]! : NaN;
};
const failures = (outcome: Outcome) =>
  [...outcome.statuses].filter(([status]) => status === 0 || status >= 400).reduce((a, [, c]) => a + c, 0);
const statusText = (outcome: Outcome) =>
  [...outcome.statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status === 0 ? 'no response' : status}×${count}`)
    .join(' ');

function printOutcomes(title: string, outcomes: Outcome[]): void {
  printTable(
    title,
    ['scenario', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'statuses'],
    outcomes.map((o) => [
      o.name,
      String(o.requests),
      o.rps.toFixed(1),
      ms(percentile(o.latencies, 50)),
      ms(percentile(o.latencies, 95)),
      ms(percentile(o.latencies, 99)),
      `${failures(o)} (${((failures(o) / Math.max(1, o.requests)) * 100).toFixed(2)} %)`,
      statusText(o),
    ]),
  );
  for (const outcome of outcomes)
    for (const [status, body] of outcome.firstErrors)
      console.log(`  ${outcome.name}: first ${status} answered ${body.replace(/\s+/g, ' ')}`);
}

type Memory = { rss: number; heapUsed: number | null; external: number | null };

/** The instance's resident memory, V8 heap in use and external (Buffer) memory, from /api/metrics. */
async function memory(target: Target): Promise<Memory | null> {
  if (!target.metricsToken) return null;
  const response = await fetch(`${target.baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${target.metricsToken}` },
  }).catch(() => null);
  if (!response?.ok) return null;
  const text = await response.text();
  const gauge = (name: string) => {
    const line = new RegExp(`^${name} (\\d+(\\.\\d+)?(e\\+\\d+)?)$`, 'm').exec(text);
    return line ? Number(line[1]) : null;
  };
  const rss = gauge('process_resident_memory_bytes');
  return rss === null
    ? null
    : {
        rss,
        heapUsed: gauge('nodejs_heap_size_used_bytes'),
        external: gauge('nodejs_external_memory_bytes'),
      };
}

async function prepareOwnTarget(
  settings: Record<string, string>,
  appDatabaseUrl?: (url: string) => Promise<string>,
) {
  const metricsToken = randomUUID();
  console.log('\nStarting a production instance (next build into .next-bench unless BENCH_REUSE_BUILD=1)…');
  const app = await startProductionApp(
    {
      METRICS_TOKEN: metricsToken,
      ...(heapMiB !== null && { NODE_OPTIONS: `--max-old-space-size=${heapMiB}` }),
      ...settings,
    },
    appDatabaseUrl,
  );
  const cookies = await signIn(app.baseUrl, app.user);
  for (let i = 1; i < instances; i++) await app.startInstance();
  const target: Target = {
    baseUrl: app.baseUrl,
    baseUrls: app.baseUrls,
    apiKey: app.apiKey,
    cookie: cookies.header(),
    metricsToken,
    databaseUrl: app.databaseUrl,
  };
  return { app, target };
}

async function loadRun(target: Target): Promise<boolean> {
  const outcomes: Outcome[] = [];
  for (const scenario of scenarios(target)) {
    if (scenario.name.includes('cached') && !scenario.name.includes('uncached'))
      // Warm the cache: each question once.
      for (const query of DEMO_QUESTIONS)
        await fetch(`${target.baseUrl}/api/v1/query`, {
          method: 'POST',
          headers: scenario.headers,
          body: JSON.stringify({ query }),
        }).then((r) => r.arrayBuffer());
    outcomes.push(await runScenario(target, scenario, duration));
  }
  printOutcomes(
    `Load: ${target.baseUrls.length} instance(s), ${connections} connections, ${duration} s per scenario`,
    outcomes,
  );
  const bare = outcomes[0]!;
  for (const outcome of outcomes.slice(1))
    console.log(
      `  ${outcome.name}: ${((outcome.rps / bare.rps) * 100).toFixed(1)} % of the bare route's requests/s`,
    );
  const worst = Math.max(...outcomes.map((o) => failures(o) / Math.max(1, o.requests)));
  console.log(`\nHighest error rate: ${(worst * 100).toFixed(2)} % (limit 1 %)`);
  return worst <= 0.01;
}

async function soakRun(target: Target, minutes: number): Promise<boolean> {
  const [, uncached, cached] = scenarios(target);
  const samples: Array<Memory | null> = [];
  const outcomes: Outcome[] = [];
  const mib = (bytes: number | null | undefined) => (bytes ? (bytes / 2 ** 20).toFixed(0) : '?');
  for (let minute = 1; minute <= minutes; minute++) {
    // Each minute: half uncached, half cached questions.
    outcomes.push(await runScenario(target, uncached!, 30), await runScenario(target, cached!, 30));
    const sample = await memory(target);
    samples.push(sample);
    console.log(
      `  minute ${minute}: rss ${mib(sample?.rss)} MiB, heap used ${mib(sample?.heapUsed)} MiB, ` +
        `external ${mib(sample?.external)} MiB`,
    );
  }
  const merged: Outcome = outcomes.reduce(
    (all, o) => {
      all.requests += o.requests;
      all.latencies.push(...o.latencies);
      for (const [status, count] of o.statuses)
        all.statuses.set(status, (all.statuses.get(status) ?? 0) + count);
      for (const [status, body] of o.firstErrors)
        if (!all.firstErrors.has(status)) all.firstErrors.set(status, body);
      return all;
    },
    {
      ...outcomes[0]!,
      name: 'soak: mixed API (uncached + cached)',
      requests: 0,
      latencies: [] as number[],
      statuses: new Map<number, number>(),
      firstErrors: new Map<number, string>(),
    },
  );
  merged.rps = merged.latencies.length / (minutes * 60);
  printOutcomes(`Soak: ${minutes} minutes, ${connections} connections`, [merged]);
  // Growth from the end of the first minute (warm: code loaded, caches filled) to the end.
  const first = samples[0]?.rss;
  const last = samples.at(-1)?.rss;
  const firstHeap = samples[0]?.heapUsed;
  const lastHeap = samples.at(-1)?.heapUsed;
  if (first && last) {
    const growth = ((last - first) / first) * 100;
    console.log(
      `\nResident memory: ${(first / 2 ** 20).toFixed(0)} MiB after minute 1 → ${(last / 2 ** 20).toFixed(0)} MiB ` +
        `after minute ${minutes}: ${growth.toFixed(1)} % (goal under 10 %)`,
    );
    if (firstHeap && lastHeap)
      console.log(
        `V8 heap in use: ${mib(firstHeap)} MiB after minute 1 → ${mib(lastHeap)} MiB after minute ${minutes}: ` +
          `${(((lastHeap - firstHeap) / firstHeap) * 100).toFixed(1)} %`,
      );
  } else console.log('\nResident memory: not readable (give --metrics-token for a running instance)');
  return failures(merged) / Math.max(1, merged.requests) <= 0.01;
}

async function chaosRun(): Promise<boolean> {
  const stub: ChatStub = await startChatStub();
  const redis: RedisServer = await startRedis();
  let proxy: DatabaseProxy | undefined;
  let app: ProductionApp | undefined;
  try {
    const own = await prepareOwnTarget(
      {
        OPENAI_BASE_URL: stub.baseURL,
        OPENAI_API_KEY: 'chaos',
        OPENAI_CHAT_MODEL: 'stub-small',
        OPENAI_CHAT_MODEL_LARGE: 'stub-large',
        OPENAI_EMBEDDING_MODEL: 'stub-embedding',
        REDIS_URL: redis.url,
      },
      async (url) => {
        proxy = await startDatabaseProxy(url);
        return proxy.url;
      },
    );
    app = own.app;
    const target = own.target;
    const [, uncached] = scenarios(target);
    const phases: Outcome[] = [];
    const chaosStarted = new Date();
    const phase = async (name: string, setup: () => Promise<void> | void) => {
      await setup();
      const outcome = await runScenario(target, uncached!, duration);
      phases.push({ ...outcome, name });
    };

    await phase('baseline (no faults)', () => {});
    await phase('model: 10 % failures, 0–1 s latency', () =>
      stub.faults({ failureRate: 0.1, maxLatencyMs: 1_000 }),
    );
    await phase('model: 100 % failures', () => stub.faults({ failureRate: 1, maxLatencyMs: 0 }));
    await phase('Redis down', async () => {
      stub.faults(null);
      await redis.stop();
    });
    await phase('database +200 ms per packet', async () => {
      await redis.start();
      proxy!.delay(200);
    });
    await phase('recovered', () => proxy!.delay(0));

    printTable(
      `Chaos: /api/v1/query uncached, ${connections} connections, ${duration} s per phase`,
      [
        'phase',
        'requests',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'answered',
        'degraded',
        '500s',
        'statuses',
      ],
      phases.map((o) => [
        o.name,
        String(o.requests),
        o.rps.toFixed(1),
        ms(percentile(o.latencies, 50)),
        ms(percentile(o.latencies, 95)),
        ms(percentile(o.latencies, 99)),
        `${((o.answered / Math.max(1, o.requests)) * 100).toFixed(1)} %`,
        String(o.degraded),
        String(o.statuses.get(500) ?? 0),
        statusText(o),
      ]),
    );
    // Every answered request left its query-log row.
    const answered = phases.reduce((sum, o) => sum + o.answered, 0);
    const client = new pg.Client({ connectionString: target.databaseUrl! });
    await client.connect();
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM query_logs WHERE route = 'api' AND status IN ('OK', 'DEGRADED') AND created_at >= $1`,
      [chaosStarted],
    );
    await client.end();
    const logged = Number(rows[0]?.count ?? 0);
    console.log(`\nAnswered (200): ${answered}; their query-log rows (OK or DEGRADED): ${logged}`);

    const fivehundreds = phases.reduce((sum, o) => sum + (o.statuses.get(500) ?? 0), 0);
    const badShapes = phases.reduce((sum, o) => sum + o.badShapes, 0);
    console.log(`500 responses: ${fivehundreds}; error bodies outside the one shape: ${badShapes}`);
    return fivehundreds === 0 && badShapes === 0 && logged >= answered;
  } finally {
    await app?.stop();
    await proxy?.close();
    await redis.stop();
    await stub.close();
  }
}

async function main() {
  console.log(machineLines().join('\n'));
  if (options.chaos) return chaosRun();
  let own: Awaited<ReturnType<typeof prepareOwnTarget>> | undefined;
  let target: Target;
  if (options.url) {
    const cookie =
      options.email && options.password
        ? (await signIn(options.url, { email: options.email, password: options.password })).header()
        : null;
    target = {
      baseUrl: options.url.replace(/\/$/, ''),
      baseUrls: [options.url.replace(/\/$/, '')],
      apiKey: options['api-key']!,
      cookie,
      metricsToken: options['metrics-token'] ?? null,
      databaseUrl: null,
    };
  } else {
    own = await prepareOwnTarget({});
    target = own.target;
  }
  try {
    return options.soak ? await soakRun(target, Number(options.soak)) : await loadRun(target);
  } finally {
    await own?.app.stop();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

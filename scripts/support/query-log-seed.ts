// Realistic query-log rows made inside the database (INSERT … SELECT FROM generate_series), 25,000 a
// statement: a few hundred users in groups, several models with their prices, every front door, OK
// answers with errors, degraded and refused (rate-limited, injection, paused) ones among them, cache
// hits, confidences with a low tail, feedback, and latencies with a long tail, over the last N days,
// written oldest first as a live log is (so rows of one period sit together in the table). Used by `npm run seed:queries` and the query-explorer benchmark.
import pg from 'pg';

export type SeedOptions = { rows: number; days: number; users: number; now?: Date };
export type SeedProgress = { inserted: number; total: number; elapsedMs: number };

const BATCH = 25_000;
const GROUPS = ['support', 'sales', 'engineering', 'finance', 'legal', 'operations', 'marketing'];

// model, provider, $ per 1M input tokens, $ per 1M output tokens; repeated by weight.
const MODELS: Array<[string, string, number, number, number]> = [
  ['gpt-4o-mini', 'openai', 0.15, 0.6, 5],
  ['local-extractive', 'local', 0, 0, 3],
  ['gpt-4o', 'openai', 2.5, 10, 1],
  ['llama3.1:8b', 'openai-compatible', 0, 0, 1],
];
const ROUTES: Array<[string, number]> = [
  ['chat', 6],
  ['api', 2],
  ['api-stream', 1],
  ['api-async', 1],
];

const TOPICS = [
  'refund',
  'invoice',
  'password reset',
  'VPN',
  'expense report',
  'parental leave',
  'onboarding',
  'travel policy',
  'laptop',
  'SSO',
  'API key',
  'rate limit',
  'data retention',
  'GDPR',
  'backup',
  'on-call',
  'incident',
  'holiday calendar',
  'pension',
  'health insurance',
  'security training',
  'phishing',
  'procurement',
  'contract renewal',
  'NDA',
  'pricing',
  'discount',
  'enterprise plan',
  'SLA',
  'uptime',
  'deployment',
  'Kubernetes',
  'database migration',
  'release notes',
  'changelog',
  'office access',
  'parking',
  'remote work',
  'overtime',
  'payroll',
  'tax form',
  'mileage',
  'budget',
  'quarterly report',
  'OKR',
  'performance review',
  'promotion',
  'hiring',
  'referral bonus',
  'code review',
  'style guide',
  'accessibility',
  'translation',
  'customer churn',
  'support ticket',
  'escalation',
  'warranty',
  'shipping',
  'return label',
  'supplier',
];
const TEMPLATES = [
  'How do I request a {t}?',
  'What is our policy on {t}?',
  'Who approves a {t} over the usual limit?',
  'Where can I find the latest {t} document?',
  'Can you summarise the {t} guidelines?',
  'What changed in the {t} process this quarter?',
  'Is there a deadline for {t} this month?',
  'How long does a {t} usually take?',
  'Compare the {t} rules for contractors and employees.',
  'What are the steps to escalate a {t} issue?',
  'Why was my {t} rejected?',
  'Does the {t} policy apply to the Berlin office?',
  'Explain {t} to a new hire in two sentences.',
  'What is the difference between {t} and the old process?',
  'Status of {t} for order #{n}?',
  'Customer {n} asks about {t}: what do we answer?',
  'Ticket {n}: {t} not working after the update',
  'list all {t} exceptions since January',
  '{t}?',
  'hi, quick one about {t} — is it still manual?',
];
const ERROR_CODES = ['generation_failed', 'generation_failed', 'client_aborted', 'provider_timeout'];
const REFUSALS = [
  'rate_limited',
  'rate_limited',
  'rate_limited',
  'injection_detected',
  'budget_exceeded',
  'service_paused',
];
const COMMENTS = [
  'Cited the wrong policy',
  'Out of date',
  'Too vague',
  'Did not answer the question',
  'Wrong office',
];

const weighted = <T extends unknown[]>(items: T[]): T[] =>
  items.flatMap((item) => Array.from({ length: item.at(-1) as number }, () => item));

/** Creates (or reuses) `count` seed users, seed-user-001@seed.example …, and returns their ids. */
async function seedUsers(client: pg.Client, count: number): Promise<string[]> {
  await client.query(
    `INSERT INTO users (id, email, name, role, "group", created_at, updated_at)
     SELECT 'seeduser' || lpad(i::text, 5, '0'), 'seed-user-' || lpad(i::text, 3, '0') || '@seed.example',
            'Seed user ' || i, 'USER', ($2::text[])[1 + i % cardinality($2::text[])], now(), now()
     FROM generate_series(1, $1::int) AS i
     ON CONFLICT (email) DO NOTHING`,
    [count, GROUPS],
  );
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM users WHERE email LIKE 'seed-user-%@seed.example' ORDER BY email LIMIT $1`,
    [count],
  );
  return rows.map((row) => row.id);
}

// One statement makes a batch. r.* are the row's random draws; the CASEs turn them into a row.
const INSERT_BATCH = `
WITH r AS (
  SELECT i, random() AS ru, random() AS rt, random() AS rp, random() AS rm, random() AS rr,
         random() AS rs, random() AS rc, random() AS rf, random() AS rk, random() AS rn, random() AS rtime,
         greatest(random(), 1e-9) AS g1, random() AS g2, (random() * 100000)::int AS num
  FROM generate_series(1, $1::int) AS i
), d AS (
  SELECT r.*,
    ($2::text[])[1 + floor(power(ru, 2) * cardinality($2::text[]))::int] AS user_id,
    replace(replace(($3::text[])[1 + floor(rt * cardinality($3::text[]))::int], '{t}',
      ($4::text[])[1 + floor(rp * cardinality($4::text[]))::int]), '{n}', num::text) AS question,
    ($4::text[])[1 + floor(rp * cardinality($4::text[]))::int] AS topic,
    1 + floor(rm * cardinality($5::text[]))::int AS mi,
    ($9::text[])[1 + floor(rr * cardinality($9::text[]))::int] AS route,
    CASE WHEN rs < 0.90 THEN 'OK' WHEN rs < 0.93 THEN 'DEGRADED' WHEN rs < 0.96 THEN 'ERROR' ELSE 'REJECTED' END AS status,
    -- Lognormal latency (median ~900 ms, a long tail to tens of seconds) from a Box-Muller normal.
    exp(ln(900) + 0.75 * sqrt(-2 * ln(g1)) * cos(2 * pi() * g2)) AS latency,
    -- Row i of the batch starting after row $15 of $16 takes its own slot of the span, at a random
    -- point inside it: the log grows in time order.
    $10::timestamp - make_interval(secs => $11::float8 * (1 - ($15::int + i - rtime) / $16::float8)) AS created_at
  FROM r
), e AS (
  SELECT d.*,
    d.status = 'OK' AND rc < 0.18 AS cache_hit,
    CASE WHEN d.status IN ('OK', 'DEGRADED') THEN 120 + floor(rk * 900)::int ELSE 0 END AS tokens_in,
    CASE WHEN d.status IN ('OK', 'DEGRADED') THEN 40 + floor(power(rk, 2) * 600)::int ELSE 0 END AS tokens_out
  FROM d
)
INSERT INTO query_logs (id, request_id, user_id, route, question, answer, sources, model, provider,
  route_tier, route_reason, attempts, degraded, explanation, tokens_in, tokens_out, cost_usd, latency_ms,
  ttft_ms, cache_hit, status, error_code, confidence, feedback, feedback_comment, feedback_at, created_at)
SELECT
  'seed' || md5(random()::text || i::text),
  'req_' || substr(md5(random()::text), 1, 20),
  user_id, route, question,
  CASE WHEN status IN ('OK', 'DEGRADED') THEN 'According to the ' || topic || ' guide [1], the answer depends on your team: see [2] for the exceptions.' END,
  CASE WHEN status IN ('OK', 'DEGRADED') THEN jsonb_build_array(
    jsonb_build_object('n', 1, 'chunkId', 'seedchunk' || mi, 'documentId', 'seeddoc' || mi, 'title', initcap(topic) || ' guide',
      'source', replace(lower(topic), ' ', '-') || '.md', 'label', replace(lower(topic), ' ', '-') || '.md › Overview',
      'headingPath', 'Overview', 'page', NULL, 'score', round((0.55 + rk * 0.4)::numeric, 3)),
    jsonb_build_object('n', 2, 'chunkId', 'seedchunk' || (mi + 10), 'documentId', 'seeddoc' || (mi + 10), 'title', 'Handbook',
      'source', 'handbook.pdf', 'label', 'handbook.pdf › p. ' || (1 + num % 80) || ' › ' || initcap(topic),
      'headingPath', initcap(topic), 'page', 1 + num % 80, 'score', round((0.3 + rk * 0.3)::numeric, 3)))
  ELSE '[]'::jsonb END,
  CASE WHEN status <> 'REJECTED' THEN ($5::text[])[mi] END,
  CASE WHEN status <> 'REJECTED' THEN ($6::text[])[mi] END,
  CASE WHEN status = 'REJECTED' THEN NULL WHEN rn < 0.2 THEN 'large' ELSE 'small' END,
  CASE WHEN status = 'REJECTED' THEN NULL WHEN rn < 0.2 THEN 'comparison → large' ELSE 'short factual question → small' END,
  CASE
    WHEN status = 'REJECTED' OR cache_hit THEN '[]'::jsonb
    WHEN status = 'DEGRADED' THEN jsonb_build_array(
      jsonb_build_object('model', ($5::text[])[mi], 'provider', ($6::text[])[mi], 'outcome', 'http_503', 'ms', round(latency * 0.4)),
      jsonb_build_object('model', 'local-extractive', 'provider', 'local', 'outcome', 'ok', 'ms', round(latency * 0.6)))
    WHEN status = 'ERROR' THEN jsonb_build_array(
      jsonb_build_object('model', ($5::text[])[mi], 'provider', ($6::text[])[mi], 'outcome', 'timeout', 'ms', round(latency)))
    ELSE jsonb_build_array(jsonb_build_object('model', ($5::text[])[mi], 'provider', ($6::text[])[mi], 'outcome', 'ok', 'ms', round(latency)))
  END,
  status = 'DEGRADED',
  CASE WHEN status IN ('OK', 'DEGRADED') THEN jsonb_build_object(
    'summary', CASE WHEN 1 - 0.6 * power(rc, 8) >= 0.9 THEN 'Confident that the answer is supported by the cited passages.'
                    ELSE 'Not fully supported: some sentences cite no passage that backs them.' END,
    'level', CASE WHEN 1 - 0.6 * power(rc, 8) >= 0.9 THEN 'high' ELSE 'low' END,
    'confidence', round((1 - 0.6 * power(rc, 8))::numeric, 3),
    'oversight', CASE WHEN 1 - 0.6 * power(rc, 8) >= 0.9 THEN 'None needed.' ELSE 'Queued for human review.' END)
  END,
  CASE WHEN cache_hit THEN 0 ELSE tokens_in END,
  CASE WHEN cache_hit THEN 0 ELSE tokens_out END,
  CASE WHEN cache_hit THEN 0 ELSE round(((tokens_in * ($7::float8[])[mi] + tokens_out * ($8::float8[])[mi]) / 1e6)::numeric, 6) END,
  CASE WHEN status = 'REJECTED' THEN 2 + floor(rk * 20)::int WHEN cache_hit THEN 15 + floor(latency / 40)::int ELSE least(round(latency), 120000)::int END,
  CASE WHEN status IN ('OK', 'DEGRADED') THEN CASE WHEN cache_hit THEN 8 + floor(latency / 80)::int ELSE round(latency * (0.15 + rn * 0.2))::int END END,
  cache_hit,
  status::"QueryStatus",
  CASE WHEN status = 'ERROR' THEN ($12::text[])[1 + floor(rn * cardinality($12::text[]))::int]
       WHEN status = 'REJECTED' THEN ($13::text[])[1 + floor(rn * cardinality($13::text[]))::int] END,
  CASE WHEN status IN ('OK', 'DEGRADED') THEN round((1 - 0.6 * power(rc, 8))::numeric, 3)::float8 END,
  CASE WHEN status IN ('OK', 'DEGRADED') AND rf < 0.05 THEN 1 WHEN status IN ('OK', 'DEGRADED') AND rf < 0.08 THEN -1 END,
  CASE WHEN status IN ('OK', 'DEGRADED') AND rf >= 0.05 AND rf < 0.065 THEN ($14::text[])[1 + floor(rk * cardinality($14::text[]))::int] END,
  CASE WHEN status IN ('OK', 'DEGRADED') AND rf < 0.08 THEN created_at + interval '1 minute' END,
  created_at
FROM e ORDER BY i`;

/** Inserts `rows` query-log rows spread over the last `days` days; returns how many per second. */
export async function seedQueryLogs(
  url: string,
  options: SeedOptions,
  onProgress: (progress: SeedProgress) => void = () => {},
): Promise<{ rows: number; users: number; ms: number; rollupMs: number | null }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  let rollupMs: number | null = null;
  try {
    const userIds = await seedUsers(client, options.users);
    const models = weighted(MODELS);
    const routes = weighted(ROUTES).map(([route]) => route);
    // UTC wall time: created_at is a timestamp without time zone holding UTC.
    const now = (options.now ?? new Date()).toISOString().slice(0, 23).replace('T', ' ');
    // The rollup trigger (migration 20261127040000_query_rollups) spends most of a bulk insert
    // spread over 30 days on upserting thousands of rollup rows per batch: where the role may, the
    // session skips triggers (replica mode) and the rollups are rebuilt once at the end instead.
    const bulk = await client.query('SET session_replication_role = replica').then(
      () => true,
      () => false,
    );
    let inserted = 0;
    while (inserted < options.rows) {
      const count = Math.min(BATCH, options.rows - inserted);
      await client.query(INSERT_BATCH, [
        count,
        userIds,
        TEMPLATES,
        TOPICS,
        models.map(([model]) => model),
        models.map(([, provider]) => provider),
        models.map(([, , input]) => input),
        models.map(([, , , output]) => output),
        routes,
        now,
        options.days * 86_400,
        ERROR_CODES,
        REFUSALS,
        COMMENTS,
        inserted,
        options.rows,
      ]);
      inserted += count;
      onProgress({ inserted, total: options.rows, elapsedMs: performance.now() - started });
    }
    if (bulk) {
      await client.query('SET session_replication_role = DEFAULT');
      const rebuilding = performance.now();
      await client.query('SELECT query_rollups_rebuild()');
      rollupMs = performance.now() - rebuilding;
    }
    // Fresh statistics, so the planner sees the new distribution at once.
    await client.query('ANALYZE query_logs');
    await client.query('ANALYZE users');
    await client.query(
      'ANALYZE query_rollups, query_histogram_rollups, query_user_rollups, query_question_rollups',
    );
    return { rows: inserted, users: userIds.length, ms: performance.now() - started, rollupMs };
  } finally {
    await client.end();
  }
}

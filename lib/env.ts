// The one place that reads process.env: every setting is validated here once, at first use.
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().min(1).optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.url().optional());
const trueOrFalse = (fallback: 'true' | 'false') =>
  z
    .preprocess(
      emptyAsUndefined,
      z.enum(['true', 'false'], { error: 'must be true or false' }).default(fallback),
    )
    .transform((value) => value === 'true');
/** Where chaos mode can inject faults (lib/chaos/). */
export const CHAOS_TARGETS = ['model', 'database', 'redis'] as const;
export type ChaosTarget = (typeof CHAOS_TARGETS)[number];
export const DEV_AUTH_SECRET = 'development-only-secret-do-not-use-in-production';

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Build folder of Next.js; read by next.config.js too.
  NEXT_DIST_DIR: z.string().min(1).default('.next'),

  // Database: a Postgres URL with pgvector; unset means the embedded database in DATA_DIR.
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Ingestion's statements as named prepared statements (lib/db/sql.ts). Set false behind a
  // transaction-mode pooler that does not track them (PgBouncer before 1.21, or its
  // max_prepared_statements at 0).
  DATABASE_PREPARED_STATEMENTS: trueOrFalse('true'),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),

  // Auth (next-auth). The development default is refused by `npm start` in production.
  AUTH_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, 'must be at least 32 characters').optional(),
  ),
  AUTH_URL: optionalUrl,
  // Who may create an account: anyone (open), holders of an admin's invitation (invite), or nobody
  // but an admin with the CLI (closed). Applies to email sign-up and to first OIDC sign-ins alike.
  SIGNUP_MODE: z
    .enum(['open', 'invite', 'closed'], { error: 'must be open, invite or closed' })
    .default('invite'),
  // An OpenID Connect provider (Okta, Entra ID, Google, Keycloak…), switched on by setting all three.
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  // The provider's name on the sign-in button.
  OIDC_NAME: z.string().min(1).max(60).default('Single sign-on'),

  // Models. No key and no base URL: the built-in local models.
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  // The small chat model (short factual questions) and the large one (long, multi-part, comparisons).
  OPENAI_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_CHAT_MODEL_LARGE: z.string().min(1).default('gpt-4o'),
  // Models tried, in order, when the routed one fails (comma-separated); unset: the other tier.
  // After the chain, the built-in extractive answerer answers, marked degraded.
  CHAT_FALLBACK_MODELS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[\w.:/@-]+(,[\w.:/@-]+)*$/, 'must be model ids separated by commas')
      .optional(),
  ),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(8).max(2000).default(384),

  // Reranking provider (Cohere-compatible POST {RERANK_BASE_URL}/v1/rerank). Unset: the local
  // reranker when enabled in lib/config.ts, else none.
  RERANK_BASE_URL: optionalUrl,
  RERANK_API_KEY: optionalString,
  RERANK_MODEL: z.string().min(1).default('rerank-v3.5'),

  // Shared state across instances (later issues): Redis or Upstash; unset means in-process.
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
  ),
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  // Scales every rate limit and daily budget of lib/config.ts (e.g. 100 for end-to-end tests and
  // benchmarks, which sign in and ask far more often than a person from one address).
  RATE_LIMIT_MULTIPLIER: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().positive().max(1_000_000).default(1),
  ),

  // Set by Next.js while it builds; nothing runs in the background then.
  NEXT_PHASE: optionalString,
  // Whether this instance runs background jobs (ingestion) besides serving requests.
  WORKER_ENABLED: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),

  // Graceful shutdown of `npm start` and the image (lib/lifecycle/shutdown.ts): on SIGTERM readiness
  // answers 503 for SHUTDOWN_GRACE_SECONDS while requests are still served, then new connections are
  // refused and those in flight get SHUTDOWN_DRAIN_SECONDS to finish. Kubernetes'
  // terminationGracePeriodSeconds must exceed both plus the preStop pause and about 30 s for the jobs.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(3600).default(25),

  // Where the admin overview reads its figures: the hourly rollups (rollups) or the query log itself
  // (logs, slow at scale: for comparison, docs/BENCHMARKS.md "Admin overview").
  OVERVIEW_SOURCE: z.enum(['rollups', 'logs']).default('rollups'),

  // Chaos mode (lib/chaos/): faults injected inside the app at the model provider, the database and
  // the rate limiter's Redis, to see the resilience hold. Refused in production unless CHAOS_FORCE.
  ENABLE_CHAOS: trueOrFalse('false'),
  // The share of calls to a target that fail (0..1).
  CHAOS_FAILURE_RATE: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .min(0, 'must be a share from 0 to 1 (0.1 is 10 %)')
      .max(1, 'must be a share from 0 to 1 (0.1 is 10 %)')
      .default(0.1),
  ),
  // The latency added to every call to a target: a random number of milliseconds in "min-max".
  CHAOS_LATENCY_MS: z
    .preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^\d+-\d+$/, 'must be a range of milliseconds, min-max (e.g. 0-500)')
        .default('0-500'),
    )
    .transform((value) => {
      const [min, max] = value.split('-').map(Number) as [number, number];
      return { min, max };
    })
    .refine(({ min, max }) => min <= max, 'must be min-max with min at most max'),
  // Where faults are injected (comma-separated): model, database, redis.
  CHAOS_TARGETS: z
    .preprocess(emptyAsUndefined, z.string().default(CHAOS_TARGETS.join(',')))
    .transform((value) => value.split(',').map((name) => name.trim()))
    .superRefine((names, context) => {
      const unknown = names.filter((name) => !(CHAOS_TARGETS as readonly string[]).includes(name));
      if (unknown.length > 0)
        context.addIssue({
          code: 'custom',
          message: `unknown target${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}; must be ${CHAOS_TARGETS.join(', ')}`,
        });
    })
    .transform((names) => [...new Set(names)] as ChaosTarget[]),
  // Lets ENABLE_CHAOS run with NODE_ENV=production.
  CHAOS_FORCE: trueOrFalse('false'),

  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // OpenTelemetry traces over OTLP/HTTP to this collector (e.g. http://otel-collector:4318); unset: off.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_SERVICE_NAME: z.string().min(1).default('rag-service'),
  // Prometheus scrapes /api/metrics with `Authorization: Bearer <METRICS_TOKEN>`; unset: no metrics route.
  METRICS_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(
      `Invalid configuration:\n${issues.map((line) => `  - ${line}`).join('\n')}\nSee .env.example for every setting.`,
    );
    this.name = 'EnvError';
  }
}

/** Parses an environment; throws EnvError listing every bad variable and what it expects. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = result.data;
  const problems: string[] = [];
  if (env.NODE_ENV === 'production') {
    if (!env.AUTH_SECRET || env.AUTH_SECRET === DEV_AUTH_SECRET) {
      problems.push(
        'AUTH_SECRET: must be set to a random secret of at least 32 characters in production (e.g. `openssl rand -base64 32`)',
      );
    }
  }
  // Session cookies are marked Secure only when the app's URL is https (next-auth's rule).
  if (env.NODE_ENV === 'production' && env.AUTH_URL) {
    const url = new URL(env.AUTH_URL);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !loopback)
      problems.push(
        'AUTH_URL: must be an https:// URL in production, so session cookies are sent only over TLS',
      );
  }
  if (env.NODE_ENV === 'production' && env.ENABLE_CHAOS && !env.CHAOS_FORCE) {
    problems.push('ENABLE_CHAOS: refused in production; set CHAOS_FORCE=true to inject faults anyway');
  }
  if (Boolean(env.UPSTASH_REDIS_REST_URL) !== Boolean(env.UPSTASH_REDIS_REST_TOKEN)) {
    problems.push('UPSTASH_REDIS_REST_URL / UPSTASH_REDIS_REST_TOKEN: set both or neither');
  }
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    problems.push('OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET: set all three or none');
  }
  if (problems.length > 0) throw new EnvError(problems);
  return env;
}

let cached: Env | undefined;

/** The validated settings of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Settings given on a launcher's command line (`npm run dev -- -p 3300`): they win over the
 * environment, for this process and the processes it starts, and are validated like the rest.
 */
export function applyCommandLineSettings(settings: Partial<Record<keyof Env, string>>): void {
  for (const [name, value] of Object.entries(settings)) if (value !== undefined) process.env[name] = value;
  cached = undefined;
}

/** The secret next-auth signs sessions with; the fixed development value outside production. */
export function authSecret(): string {
  return env().AUTH_SECRET ?? DEV_AUTH_SECRET;
}

/** A copy of the raw environment, for launchers handing it on to a child process. */
export function inheritedEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env };
}

/** Whether the built-in local models answer (no provider configured). */
export function usesLocalModels(): boolean {
  const { OPENAI_API_KEY, OPENAI_BASE_URL } = env();
  return !OPENAI_API_KEY && !OPENAI_BASE_URL;
}

// Benchmark: the query explorer's first page (/admin/queries) at scale, on a production build
// (`next build`, then `scripts/serve.ts start`). 1,000,000 seeded query-log rows on real Postgres and
// 100,000 on the embedded database; each page is timed over 30 requests (after 3 warm-up) with the
// explorer's indexes dropped ("before"), then after each index is built again, so each step's gain shows.
// The time is the whole response (headers to last byte of the streamed HTML) on loopback: server time.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { hashPassword } from '@/lib/auth/password';
import { connectDb } from '@/lib/db/client';
import { upsertUser } from '@/lib/db/users';
import { seedQueryLogs } from '../scripts/support/query-log-seed';
import type { Benchmark } from './support/benchmark';
import { openEmbedded, openPostgres, timed, withClient, type BenchDatabase } from './support/databases';
import { freePort } from './support/net';
import { ms, note, printTable, summarise, type Summary } from './support/report';
import { signIn, type Cookies } from './support/session';

const DIST_DIR = '.next-bench-queries';
const WARMUP = 3;
const REQUESTS = 30;
const POSTGRES_ROWS = Number(process.env.BENCH_EXPLORER_ROWS ?? 1_000_000);
const EMBEDDED_ROWS = Number(process.env.BENCH_EXPLORER_EMBEDDED_ROWS ?? 100_000);
const START_TIMEOUT_MS = 180_000;
const require = createRequire(import.meta.url);

/** What is timed: the first page of each. */
const PAGES: Array<[label: string, search: string]> = [
  ['first page, no filter', ''],
  ['search "parental leave" (~1.7 % of rows)', '?q=parental+leave'],
  ['search "Ticket 4242" (a handful of rows)', '?q=Ticket+4242'],
  ['filter status = error (~3 %)', '?status=ERROR'],
  ['filter thumbs down + low confidence', '?feedback=down&low=1'],
  ['filter one user', '?user=seed-user-150%40'],
];

type Step = { label: string; sql?: string };

const POSTGRES_STEPS: Step[] = [
  { label: 'before: init indexes only (created_at, user_id+created_at)' },
  {
    label: '+ (created_at, id)',
    sql: 'CREATE INDEX "query_logs_created_at_id_idx" ON "query_logs"("created_at", "id")',
  },
  {
    label: '+ pg_trgm GIN on question',
    sql: 'CREATE INDEX "query_logs_question_trgm_idx" ON "query_logs" USING gin ("question" gin_trgm_ops)',
  },
];
const EMBEDDED_STEPS = POSTGRES_STEPS.slice(0, 2);
const DROP_EXPLORER_INDEXES = [
  'DROP INDEX IF EXISTS "query_logs_created_at_id_idx"',
  'DROP INDEX IF EXISTS "query_logs_question_trgm_idx"',
];

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`)),
    );
  });
}

/** `next build` into its own folder (kept with BENCH_REUSE_BUILD=1), leaving tsconfig.json as it was. */
async function build(): Promise<void> {
  if (process.env.BENCH_REUSE_BUILD === '1' && existsSync(path.join(DIST_DIR, 'BUILD_ID'))) {
    note(`reusing the production build in ${DIST_DIR}/`);
    return;
  }
  const tsconfig = readFileSync('tsconfig.json', 'utf8');
  const [, took] = await timed(async () => {
    try {
      await run(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: DIST_DIR,
        NEXT_TELEMETRY_DISABLED: '1',
      });
    } finally {
      writeFileSync('tsconfig.json', tsconfig);
    }
  });
  note(`production build in ${Math.round(took / 1000)} s (${DIST_DIR}/)`);
}

type App = { baseUrl: string; stop(): Promise<void> };

async function startApp(databaseUrl: string): Promise<App> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/serve.ts', 'start'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        NEXT_DIST_DIR: DIST_DIR,
        PORT: String(port),
        AUTH_URL: baseUrl,
        AUTH_SECRET: randomBytes(32).toString('hex'),
        OPENAI_API_KEY: '',
        OPENAI_BASE_URL: '',
        LOG_LEVEL: 'warn',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await exited;
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} while starting`);
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).ok) return { baseUrl, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the app was not ready within ${START_TIMEOUT_MS / 1000} s`);
}

/** An admin who can sign in, made through the app's own data layer. */
async function createAdmin(url: string): Promise<{ email: string; password: string }> {
  const email = 'bench-admin@example.test';
  const password = randomBytes(18).toString('base64url');
  const client = connectDb(url, 1);
  try {
    await upsertUser({ email, role: 'ADMIN', passwordHash: await hashPassword(password) });
  } finally {
    await client.$disconnect();
  }
  return { email, password };
}

async function timePage(app: App, cookies: Cookies, search: string): Promise<Summary & { rows: number }> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}/admin/queries${search}`, {
      headers: { cookie: cookies.header() },
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    const html = await response.text();
    const took = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET /admin/queries${search} answered ${response.status}`);
    return { took, rows: html.split('data-testid="query-log-row"').length - 1 };
  };
  let rows = 0;
  for (let i = 0; i < WARMUP; i++) rows = (await get()).rows;
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push((await get()).took);
  return { ...summarise(times), rows };
}

async function measure(database: BenchDatabase, rows: number, steps: Step[]): Promise<void> {
  note(`${database.kind}: ${database.description}`);
  // "Before": the explorer's migration is applied, so take its indexes away again first.
  await withClient(database.url, async (client) => {
    for (const sql of DROP_EXPLORER_INDEXES) await client.query(sql);
  });
  const seeded = await seedQueryLogs(database.url, { rows, days: 30, users: 300 }, ({ inserted, total }) => {
    if (inserted % 250_000 === 0 || inserted === total)
      note(`  seeded ${inserted.toLocaleString('en')} rows`);
  });
  note(
    `seeded ${seeded.rows.toLocaleString('en')} rows for ${seeded.users} users in ${ms(seeded.ms / 1000)} s ` +
      `(${Math.round(seeded.rows / (seeded.ms / 1000)).toLocaleString('en')} rows/s, init indexes only)`,
  );
  const admin = await createAdmin(database.url);
  const app = await startApp(database.url);
  try {
    const cookies = await signIn(app.baseUrl, admin);
    const table: string[][] = [];
    for (const step of steps) {
      if (step.sql) {
        const [, took] = await timed(() =>
          withClient(database.url, async (client) => {
            await client.query(step.sql!);
            await client.query('ANALYZE query_logs');
          }),
        );
        note(`${step.label}: built in ${ms(took / 1000)} s`);
      }
      for (const [label, search] of PAGES) {
        const result = await timePage(app, cookies, search);
        table.push([step.label, label, String(result.rows), ms(result.p50), ms(result.p95), ms(result.max)]);
      }
    }
    printTable(
      `query-explorer on ${database.kind}, ${rows.toLocaleString('en')} rows: GET /admin/queries first page, ` +
        `${REQUESTS} sequential requests after ${WARMUP} warm-up (ms, whole response)`,
      ['indexes', 'page', 'rows shown', 'p50', 'p95', 'max'],
      table,
    );
  } finally {
    await app.stop();
  }
}

export const queryExplorer: Benchmark = {
  name: 'query-explorer',
  summary: `/admin/queries first page at ${POSTGRES_ROWS.toLocaleString('en')} rows (Postgres) and ${EMBEDDED_ROWS.toLocaleString('en')} (embedded), before and after its indexes`,
  async run() {
    await build();
    const postgres = await openPostgres(2);
    if ('unavailable' in postgres) {
      note(`skipping Postgres: ${postgres.unavailable}`);
    } else {
      try {
        await measure(postgres, POSTGRES_ROWS, POSTGRES_STEPS);
      } finally {
        await postgres.close();
      }
    }
    const embedded = await openEmbedded(2);
    try {
      await measure(embedded, EMBEDDED_ROWS, EMBEDDED_STEPS);
    } finally {
      await embedded.close();
    }
  },
};

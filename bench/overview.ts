// Benchmark: the admin overview (/admin) at scale, on a production build (`next build`, then
// `scripts/serve.ts start`). 1,000,000 seeded query-log rows on real Postgres and 100,000 on the
// embedded database; each range's page is timed over 30 requests (after 3 warm-up), first with the app
// reading the query log alone (OVERVIEW_SOURCE=logs: what the page cost before the rollups), then
// with the hourly rollups (the default). The time is the whole response (headers to last byte of the
// streamed HTML, every panel rendered) on loopback: server time. The seed writes its rows with the
// rollup trigger skipped and rebuilds the rollups once at the end; that rebuild (the backfill an
// existing log gets from the migration) is timed too.
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

const DIST_DIR = '.next-bench-overview';
const WARMUP = 3;
const REQUESTS = Number(process.env.BENCH_OVERVIEW_REQUESTS ?? 30);
// The log-only pages take seconds each at a million rows: fewer requests keep the run short.
const BEFORE_REQUESTS = Number(process.env.BENCH_OVERVIEW_BEFORE_REQUESTS ?? REQUESTS);
const POSTGRES_ROWS = Number(process.env.BENCH_OVERVIEW_ROWS ?? 1_000_000);
const EMBEDDED_ROWS = Number(process.env.BENCH_OVERVIEW_EMBEDDED_ROWS ?? 100_000);
const START_TIMEOUT_MS = 180_000;
const require = createRequire(import.meta.url);

const PAGES: Array<[label: string, search: string]> = [
  ['last hour', '?range=1h'],
  ['last 24 hours (default)', '?range=24h'],
  ['last 7 days', '?range=7d'],
  ['last 30 days', '?range=30d'],
];

const SOURCES: Array<[label: string, source: 'logs' | 'rollups']> = [
  ['before: query log only', 'logs'],
  ['after: hourly rollups + log edges', 'rollups'],
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

async function startApp(databaseUrl: string, source: 'logs' | 'rollups'): Promise<App> {
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
        OVERVIEW_SOURCE: source,
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

async function timePage(app: App, cookies: Cookies, search: string, requests: number): Promise<Summary> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}/admin${search}`, {
      headers: { cookie: cookies.header() },
      redirect: 'manual',
      signal: AbortSignal.timeout(120_000),
    });
    const html = await response.text();
    const took = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET /admin${search} answered ${response.status}`);
    // Every panel rendered with figures (not an error boundary, not an empty range).
    if (!html.includes('data-testid="chart-requests"') || html.includes('No queries in'))
      throw new Error(`GET /admin${search} did not render the charts with data`);
    return took;
  };
  for (let i = 0; i < WARMUP; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < requests; i++) times.push(await get());
  return summarise(times);
}

async function measure(database: BenchDatabase, rows: number): Promise<void> {
  note(`${database.kind}: ${database.description}`);
  const seeded = await seedQueryLogs(database.url, { rows, days: 30, users: 300 }, ({ inserted, total }) => {
    if (inserted % 250_000 === 0 || inserted === total)
      note(`  seeded ${inserted.toLocaleString('en')} rows`);
  });
  note(
    `seeded ${seeded.rows.toLocaleString('en')} rows for ${seeded.users} users in ${ms(seeded.ms / 1000)} s` +
      (seeded.rollupMs === null
        ? ' (through the rollup trigger)'
        : `, of which the rollup rebuild (backfill) took ${ms(seeded.rollupMs / 1000)} s`),
  );
  await withClient(database.url, async (client) => {
    const sizes = await client.query<{ name: string; rows: string }>(
      `SELECT 'query_rollups' AS name, count(*)::text AS rows FROM query_rollups
       UNION ALL SELECT 'query_histogram_rollups', count(*)::text FROM query_histogram_rollups
       UNION ALL SELECT 'query_user_rollups', count(*)::text FROM query_user_rollups
       UNION ALL SELECT 'query_question_rollups', count(*)::text FROM query_question_rollups`,
    );
    note(
      `rollup rows: ${sizes.rows.map((row) => `${row.name} ${Number(row.rows).toLocaleString('en')}`).join(', ')}`,
    );
  });
  const admin = await createAdmin(database.url);
  const table: string[][] = [];
  for (const [label, source] of SOURCES) {
    const app = await startApp(database.url, source);
    try {
      const cookies = await signIn(app.baseUrl, admin);
      for (const [page, search] of PAGES) {
        const requests = source === 'logs' ? BEFORE_REQUESTS : REQUESTS;
        const result = await timePage(app, cookies, search, requests);
        table.push([label, page, String(requests), ms(result.p50), ms(result.p95), ms(result.max)]);
        note(`  ${label}, ${page}: p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms`);
      }
    } finally {
      await app.stop();
    }
  }
  printTable(
    `overview on ${database.kind}, ${rows.toLocaleString('en')} rows: GET /admin, ` +
      `sequential requests after ${WARMUP} warm-up (ms, whole response)`,
    ['source', 'range', 'requests', 'p50', 'p95', 'max'],
    table,
  );
}

export const overview: Benchmark = {
  name: 'overview',
  summary: `/admin overview at ${POSTGRES_ROWS.toLocaleString('en')} rows (Postgres) and ${EMBEDDED_ROWS.toLocaleString('en')} (embedded), from the log and from the rollups`,
  async run() {
    await build();
    if (process.env.BENCH_OVERVIEW_SKIP_POSTGRES !== '1') {
      const postgres = await openPostgres(2);
      if ('unavailable' in postgres) {
        note(`skipping Postgres: ${postgres.unavailable}`);
      } else {
        try {
          await measure(postgres, POSTGRES_ROWS);
        } finally {
          await postgres.close();
        }
      }
    }
    if (process.env.BENCH_OVERVIEW_SKIP_EMBEDDED !== '1') {
      const embedded = await openEmbedded(2);
      try {
        await measure(embedded, EMBEDDED_ROWS);
      } finally {
        await embedded.close();
      }
    }
  },
};

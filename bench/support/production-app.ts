// A production build of the app (`next build`, then `scripts/serve.ts start`, what `npm start` runs)
// on a throwaway Postgres database, with the repository's docs ingested and one API key: what the
// request-path benchmarks measure. Never `next dev`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serverUrl } from './databases';
import { createThrowawayDatabase, freePort } from './net';

// BENCH_DIST_DIR reuses another production build folder (with BENCH_REUSE_BUILD=1), e.g. the tests'.
const DIST_DIR = process.env.BENCH_DIST_DIR || '.next-bench';
// BENCH_APP_LOG appends every instance's output (its pino log included) to that file; by default only
// its errors reach the benchmark's own output.
const APP_LOG = process.env.BENCH_APP_LOG;
const require = createRequire(import.meta.url);
const START_TIMEOUT_MS = 120_000;

export type ProductionApp = {
  baseUrl: string;
  /** Every instance's address: `baseUrl` first, then those `startInstance` added. */
  baseUrls: string[];
  /** The throwaway database itself (not through `appDatabaseUrl`), for checks after a run. */
  databaseUrl: string;
  apiKey: string;
  /** A signed-up user (role USER) the API key belongs to, for session routes such as /api/chat. */
  user: { email: string; password: string };
  /** Starts one more instance on the same database, settings and secret (sessions work on both). */
  startInstance(): Promise<string>;
  stop(): Promise<void>;
};

/**
 * Runs a command to the end without blocking this process's event loop: a benchmark may serve the
 * command (a provider stub the ingest CLI calls for embeddings lives in this process).
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
    child.stdin.end(input ?? '');
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${[command, ...args].join(' ')} exited ${code}:\n${stderr.slice(-2000)}`)),
    );
  });
}

/** `next build` into .next-bench (skipped when BENCH_REUSE_BUILD=1 and a build is there). */
async function build(env: NodeJS.ProcessEnv): Promise<void> {
  if (process.env.BENCH_REUSE_BUILD === '1' && existsSync(path.join(DIST_DIR, 'BUILD_ID'))) {
    console.log(`  reusing the production build in ${DIST_DIR}/`);
    return;
  }
  // A custom distDir makes Next add its type folder to tsconfig.json; the build leaves it as it was.
  const tsconfig = readFileSync('tsconfig.json', 'utf8');
  const started = performance.now();
  try {
    await run(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], env);
  } finally {
    writeFileSync('tsconfig.json', tsconfig);
  }
  console.log(`  production build in ${Math.round((performance.now() - started) / 1000)} s`);
}

async function waitForReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} while starting`);
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app was not ready within ${START_TIMEOUT_MS / 1000} s`);
}

/**
 * `settings`: extra environment of the app and its CLI steps (e.g. a provider's OPENAI_BASE_URL).
 * `appDatabaseUrl`: the address the app itself uses for the database (e.g. through a fault proxy).
 */
export async function startProductionApp(
  settings: Record<string, string> = {},
  appDatabaseUrl?: (url: string) => Promise<string>,
): Promise<ProductionApp> {
  const database = await createThrowawayDatabase(serverUrl());
  if ('unreachable' in database) throw new Error(`Postgres unreachable: ${database.unreachable}`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_DIST_DIR: DIST_DIR,
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    // Thousands of questions from one key: measure the path, not the per-key limit.
    RATE_LIMIT_MULTIPLIER: '1000',
    ...settings,
  };
  let child: ChildProcess | undefined;
  try {
    await build({ ...env, NODE_ENV: 'production' });
    const tsx = ['--conditions=react-server', '--import', 'tsx'];
    await run(process.execPath, [...tsx, 'scripts/ingest.ts', 'README.md', 'docs'], env);
    const email = 'bench@example.test';
    const password = randomBytes(18).toString('base64url');
    await run(
      process.execPath,
      [...tsx, 'scripts/user-create.ts', '--email', email, '--role', 'USER'],
      env,
      `${password}\n`,
    );
    const apiKey = (
      await run(
        process.execPath,
        [...tsx, 'scripts/apikey-create.ts', '--email', email, '--scopes', 'query'],
        env,
      )
    ).trim();

    const appEnv: NodeJS.ProcessEnv = {
      ...env,
      NODE_ENV: 'production',
      AUTH_SECRET: randomBytes(32).toString('hex'),
      ...(appDatabaseUrl && { DATABASE_URL: await appDatabaseUrl(database.url) }),
    };
    const spawnInstance = (instancePort: number) =>
      spawn(process.execPath, [...tsx, 'scripts/serve.ts', 'start'], {
        env: { ...appEnv, PORT: String(instancePort) },
        stdio: APP_LOG
          ? ['ignore', openSync(APP_LOG, 'a'), openSync(APP_LOG, 'a')]
          : ['ignore', 'ignore', 'inherit'],
        detached: true,
      });
    child = spawnInstance(port);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForReady(baseUrl, child);
    const children = [child];
    const baseUrls = [baseUrl];
    return {
      baseUrl,
      baseUrls,
      databaseUrl: database.url,
      apiKey,
      user: { email, password },
      async startInstance() {
        const extraPort = await freePort();
        const extra = spawnInstance(extraPort);
        children.push(extra);
        const url = `http://127.0.0.1:${extraPort}`;
        await waitForReady(url, extra);
        baseUrls.push(url);
        return url;
      },
      async stop() {
        await Promise.all(
          children.map(async (started) => {
            if (started.exitCode !== null) return;
            const exited = new Promise((resolve) => started.once('exit', resolve));
            try {
              process.kill(-started.pid!, 'SIGTERM');
            } catch {
              return;
            }
            await exited;
          }),
        );
        await database.drop();
      },
    };
  } catch (error) {
    if (child?.pid) process.kill(-child.pid, 'SIGKILL');
    await database.drop();
    throw error;
  }
}

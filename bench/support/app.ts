// Starts the app the way `npm run dev` does on a fresh clone (embedded database in a new folder, free
// ports, nothing configured) and stops it again; every child is killed on error, timeout or exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { envSchema } from '@/lib/env';
import { freePort } from './net';

/** Longest a start may take, from spawn to the first ready page, before the child is killed. */
export const START_CAP_MS = 4 * 60_000;
const STOP_GRACE_MS = 20_000;
const OUTPUT_TAIL_LINES = 60;

// What the launcher prints at each phase, in order (scripts/serve.ts and Next's own "Ready").
const MILESTONES: Array<[label: string, pattern: RegExp]> = [
  ['embedded database listening', /Embedded Postgres .*(created|opened)/],
  ['migrations applied', /Applied migrations|schema is up to date/],
  ['demo accounts and corpus seeded', /Demo corpus:/],
  ['Next.js dev server listening', /Ready in/],
];

export type RunningApp = {
  baseUrl: string;
  pid: number;
  dataDir: string;
  /** Whether `.next/` existed in the project before this start (a warm compile cache, not a fresh clone). */
  hadNextDir: boolean;
  /** Milliseconds from spawn to each launcher milestone seen so far. */
  milestones: Map<string, number>;
  /** Milliseconds since spawn. */
  elapsed(): number;
  /** Next's own request log lines ("GET /login 200 in 3.1s (compile: …)"). */
  requestLog(): string[];
  outputTail(): string;
  exited(): boolean;
  stop(): Promise<{ stopMs: number; code: number | null; signal: NodeJS.Signals | null }>;
};

const running = new Set<RunningApp>();

/** Kills what is still running, synchronously: the last resort when this process exits. */
function killAllNow(): void {
  for (const app of running) killGroup(app.pid, 'SIGKILL');
}
process.on('exit', killAllNow);

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The environment of a fresh clone: none of the app's settings, only those this start chooses. */
function freshEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(envSchema.shape)) delete env[key];
  for (const key of ['NEXTAUTH_URL', 'NEXTAUTH_SECRET', 'NEXT_TELEMETRY_DISABLED', 'NEXT_DIST_DIR'])
    delete env[key];
  return { ...env, ...settings, FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** Spawns `scripts/serve.ts dev` (what `npm run dev` runs) and returns at once. */
export async function launchApp(root = process.cwd()): Promise<RunningApp> {
  const hadNextDir = existsSync(path.join(root, '.next'));
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'rag-bench-app-'));
  const dataDir = path.join(tempDir, 'data');
  const port = await freePort();
  const embeddedPort = await freePort();
  const env = freshEnv({
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_DB_PORT: String(embeddedPort),
    DATABASE_URL: '',
  });

  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/serve.ts', 'dev'],
    // Its own process group, so the launcher, Next and Next's workers can all be stopped by one id.
    { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn scripts/serve.ts');

  const tail: string[] = [];
  const requests: string[] = [];
  const milestones = new Map<string, number>();
  const onLine = (line: string) => {
    const clean = line.replace(/\x1b\[[0-9;]*m/g, '');
    tail.push(clean);
    if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
    for (const [label, pattern] of MILESTONES) {
      if (!milestones.has(label) && pattern.test(clean)) milestones.set(label, performance.now() - spawnedAt);
    }
    if (/^\s*(GET|POST) \/\S* \d{3} in /.test(clean)) requests.push(clean.trim());
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (text: string) => {
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }

  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    });
  });

  let stopping: Promise<{ stopMs: number; code: number | null; signal: NodeJS.Signals | null }> | undefined;
  const app: RunningApp = {
    baseUrl: `http://127.0.0.1:${port}`,
    pid,
    dataDir,
    hadNextDir,
    milestones,
    elapsed: () => performance.now() - spawnedAt,
    requestLog: () => [...requests],
    outputTail: () => tail.join('\n'),
    exited: () => exit !== undefined,
    stop() {
      stopping ??= (async () => {
        const started = performance.now();
        // As Ctrl-C would: the launcher stops Next, then the embedded database, then exits.
        if (!exit) child.kill('SIGTERM');
        const timer = new Promise<void>((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
        await Promise.race([exitPromise, timer]);
        const stopMs = performance.now() - started;
        if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
        running.delete(app);
        await rm(tempDir, { recursive: true, force: true }).catch(() => {});
        return { stopMs, code: exit?.code ?? null, signal: exit?.signal ?? null };
      })();
      return stopping;
    },
  };
  running.add(app);
  return app;
}

export async function stopAllApps(): Promise<void> {
  await Promise.all([...running].map((app) => app.stop()));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long one request may wait for an answer before it is abandoned and sent again. */
export const ATTEMPT_TIMEOUT_MS = 60_000;

export type FirstAnswer = {
  /** Milliseconds from spawn to the 200. */
  atMs: number;
  /** Requests abandoned after ATTEMPT_TIMEOUT_MS without any answer before the 200. */
  abandoned: number;
};

/**
 * Requests `pathname` until it answers 200. Throws (with the app's last output) when the app exits,
 * the deadline passes, or it keeps answering with errors. A request left unanswered for
 * ATTEMPT_TIMEOUT_MS is abandoned and sent again, and counted, so a lost request shows in the report.
 */
export async function waitFor200(
  app: RunningApp,
  pathname: string,
  deadlineMs = START_CAP_MS,
): Promise<FirstAnswer> {
  let last = 'no answer yet';
  let failures = 0;
  let abandoned = 0;
  while (app.elapsed() < deadlineMs) {
    if (app.exited()) throw new AppStartError(`the app exited before ${pathname} answered 200`, app);
    const timeout = Math.max(1_000, Math.min(ATTEMPT_TIMEOUT_MS, deadlineMs - app.elapsed()));
    try {
      const response = await fetch(app.baseUrl + pathname, {
        redirect: 'manual',
        signal: AbortSignal.timeout(timeout),
      });
      const body = await response.text();
      if (response.status === 200) return { atMs: app.elapsed(), abandoned };
      last = `HTTP ${response.status}: ${body.slice(0, 300).replace(/\s+/g, ' ')}`;
      // 503 is "not ready yet"; anything else repeated is a broken app, not a slow one.
      if (response.status !== 503 && ++failures >= 5) break;
      await sleep(250);
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      if (error instanceof Error && error.name === 'TimeoutError') {
        abandoned += 1;
        last = `no answer within ${timeout / 1000} s (${abandoned} request(s) abandoned)`;
      } else if (cause?.code !== 'ECONNREFUSED') {
        last = error instanceof Error ? error.message : String(error);
        await sleep(100);
      } else {
        await sleep(100);
      }
    }
  }
  throw new AppStartError(`${pathname} did not answer 200 (last: ${last})`, app);
}

export class AppStartError extends Error {
  constructor(message: string, app: RunningApp) {
    super(`${message}\n--- last lines of the app's output ---\n${app.outputTail()}\n---`);
    this.name = 'AppStartError';
  }
}

/** The app of this run if `dev-start` left one, else a new one started and waited for. */
export async function ensureApp(
  existing: RunningApp | undefined,
): Promise<{ app: RunningApp; ownApp: boolean }> {
  if (existing && !existing.exited()) return { app: existing, ownApp: false };
  const app = await launchApp();
  try {
    await waitFor200(app, '/api/ready');
  } catch (error) {
    await app.stop();
    throw error;
  }
  return { app, ownApp: true };
}

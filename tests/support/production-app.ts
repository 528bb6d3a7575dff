// Real production instances of the app for the tests that need processes (`npm start`, graceful
// shutdown, two instances, backups): one `next build` into .next-e2e-production, made when missing
// or older than a source file and shared by both integration projects (a lock keeps them from
// building at once), then `scripts/serve.ts start` (what `npm start` runs) per instance.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { freePort } from './free-port';

export const PRODUCTION_DIST_DIR = '.next-e2e-production';
const require = createRequire(import.meta.url);
const SOURCES = [
  'app',
  'lib',
  'components',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
];

function newestSource(): number {
  let newest = 0;
  for (const source of SOURCES) {
    if (!existsSync(source)) continue;
    const files = statSync(source).isDirectory()
      ? readdirSync(source, { recursive: true, encoding: 'utf8' }).map((file) => path.join(source, file))
      : [source];
    for (const file of files) {
      if (file.endsWith('.test.ts')) continue;
      newest = Math.max(newest, statSync(file).mtimeMs);
    }
  }
  return newest;
}

/** TEST_REUSE_BUILD=1 takes any finished build (a checkout others keep editing is never older). */
function buildIsCurrent(): boolean {
  const buildId = path.join(PRODUCTION_DIST_DIR, 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  return process.env.TEST_REUSE_BUILD === '1' || statSync(buildId).mtimeMs > newestSource();
}

function runBuild(): Promise<void> {
  // A custom distDir makes Next add its type folder to tsconfig.json; the build leaves it as it was.
  const tsconfig = readFileSync('tsconfig.json', 'utf8');
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: PRODUCTION_DIST_DIR,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-6000)));
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-6000)));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited ${code}:\n${output}`)),
    );
  }).finally(() => writeFileSync('tsconfig.json', tsconfig));
}

/** Makes the production build unless a current one is there (minutes on 2 cores; seconds after). */
export async function ensureProductionBuild(): Promise<void> {
  if (buildIsCurrent()) return;
  const release = await lockfile.lock('package.json', {
    lockfilePath: `${PRODUCTION_DIST_DIR}.lock`,
    stale: 20 * 60_000,
    update: 10_000,
    retries: { retries: 1200, minTimeout: 1000, maxTimeout: 1000 },
  });
  try {
    if (!buildIsCurrent()) await runBuild();
  } finally {
    await release();
  }
}

export type AppInstance = {
  baseUrl: string;
  child: ChildProcess;
  /** Everything the instance printed so far. */
  output(): string;
  /** Resolves with the exit code once the launcher has exited. */
  exited: Promise<number | null>;
  /** SIGTERM (graceful) and wait for the exit; SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<number | null>;
};

/**
 * Starts `scripts/serve.ts start` on a free port with `settings` (DATABASE_URL at least) and waits
 * until /api/ready answers 200. An AUTH_SECRET is made up unless given.
 */
export async function startProductionApp(settings: Record<string, string>): Promise<AppInstance> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(port)],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: PRODUCTION_DIST_DIR,
        NEXT_TELEMETRY_DISABLED: '1',
        AUTH_SECRET: 'integration-test-secret-'.padEnd(48, 'x'),
        LOG_LEVEL: 'warn',
        ...settings,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const instance: AppInstance = {
    baseUrl,
    child,
    output: () => output,
    exited,
    async stop(timeoutMs = 60_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${baseUrl}/api/ready`).catch(() => null);
    if (ready?.ok) return instance;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await instance.stop(5_000);
  throw new Error(`the app was not ready within 120 s:\n${output}`);
}

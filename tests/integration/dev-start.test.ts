// [START] The README's first command on a fresh machine: `npm run dev -- -p <port>` with no database
// settings creates the embedded database, migrates, seeds the demo accounts and corpus, serves the
// app on the port asked for, answers a demo user's question from the demo corpus with its sources,
// and stops the app and the embedded database on SIGTERM. (The end-to-end suite drives the
// production build; this is the one test of `next dev`.) Runs in the embedded project only.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Cookies } from '../../bench/support/session';
import { DEMO_PASSWORD, demoAccounts } from '../../prisma/seed';
import { freePort } from '../support/free-port';

const READY_WITHIN_MS = 240_000;

describe('[START] npm run dev on a fresh machine', () => {
  let dataDir: string;
  let baseUrl: string;
  let output = '';
  let child: ReturnType<typeof spawn>;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'rag-dev-start-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/serve.ts', 'dev', '-p', String(port)],
      {
        // Only what a newcomer's shell has: no database, secret or provider settings (NODE_ENV as the
        // launcher defaults it).
        env: {
          NODE_ENV: 'development',
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DATA_DIR: dataDir,
          EMBEDDED_DB_PORT: String(await freePort()),
          NEXT_DIST_DIR: '.next-e2e-dev',
          NEXT_TELEMETRY_DISABLED: '1',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + READY_WITHIN_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm run dev exited with ${child.exitCode}:\n${output}`);
      const ready = await fetch(`${baseUrl}/api/ready`).catch(() => null);
      if (ready?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`npm run dev was not ready within ${READY_WITHIN_MS / 1000} s:\n${output}`);
  }, READY_WITHIN_MS + 10_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates the embedded database and seeds the demo accounts and corpus, saying so', () => {
    expect(output).toContain(`Embedded Postgres (PGlite + pgvector) created in ${dataDir}/`);
    expect(output).toContain(`Demo accounts (development only), password for each: ${DEMO_PASSWORD}`);
    for (const account of demoAccounts) expect(output).toContain(account.email);
    expect(output).toMatch(/Demo corpus: [1-9]\d* ingested, 0 unchanged/);
  });

  let cookies: Cookies;
  it('lets a demo user sign in and see the chat', async () => {
    const user = demoAccounts.find((account) => account.role === 'USER')!;
    cookies = await signIn(baseUrl, { email: user.email, password: DEMO_PASSWORD });
    const page = await fetch(`${baseUrl}/`, { headers: { cookie: cookies.header() } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="chat-input"');
  }, 180_000);

  it('answers a question from the demo corpus with its sources, streamed', async () => {
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.header() },
      body: JSON.stringify({
        trigger: 'submit-message',
        id: 'dev-start',
        message: {
          id: 'm1',
          role: 'user',
          parts: [{ type: 'text', text: 'How do I add documents to the knowledge base?' }],
        },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const stream = await response.text();
    const sources = /"type":"data-sources","data":(\[.*?\])}/.exec(stream);
    expect(sources, stream.slice(0, 2000)).not.toBeNull();
    expect(JSON.parse(sources![1]!).length).toBeGreaterThan(0);
    expect(stream).toContain('"type":"text-delta"');
    expect(stream).toContain('"type":"finish"');
  }, 180_000);

  it('stops the app and the embedded database on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: stopping the app and the embedded database');
    // The database's lock is released: the next start opens it.
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  }, 60_000);
});

// [METRICS] Two app instances, each counting only what it served: concurrent requests spread over
// both add up exactly in the sum of their scrapes, as Prometheus sums them; the scrape needs the token.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../support/free-port';

const TOKEN = 'metrics-test-token-0123456789';

function startInstance(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'tests/support/metrics-instance.ts'],
      {
        env: { ...process.env, PORT: String(port), METRICS_TOKEN: TOKEN, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => String(chunk).includes('listening') && resolve(child));
    child.on('exit', (code) => reject(new Error(`instance exited (${code}): ${stderr}`)));
  });
}

/** The value of one series in an exposition text, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe(`[METRICS] across instances (${inject('database')} run)`, () => {
  const instances: ChildProcess[] = [];
  const ports: number[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      ports.push(port);
      instances.push(await startInstance(port));
    }
  }, 60_000);

  afterAll(() => {
    for (const child of instances) child.kill();
  });

  const scrape = async (port: number) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('adds up exactly over concurrent requests to both, by route and status; none stays active', async () => {
    const before = await Promise.all(ports.map(scrape));
    const requests = Array.from({ length: 120 }, (_, i) => {
      const port = ports[i % 2]!;
      const status = i % 10 === 0 ? 503 : 200;
      return fetch(`http://127.0.0.1:${port}/api/ping?status=${status}&delay=${i % 7}`);
    });
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s === 503)).toHaveLength(12);

    const after = await Promise.all(ports.map(scrape));
    const delta = (series: string) =>
      after.reduce((sum, text, i) => sum + sample(text, series) - sample(before[i]!, series), 0);
    expect(delta('rag_requests_total{route="/api/ping",status="200"}')).toBe(108);
    expect(delta('rag_requests_total{route="/api/ping",status="503"}')).toBe(12);
    expect(delta('rag_request_duration_seconds_count{route="/api/ping"}')).toBe(120);
    // Each instance served half, and counted only those.
    for (let i = 0; i < 2; i++)
      expect(
        sample(after[i]!, 'rag_request_duration_seconds_count{route="/api/ping"}') -
          sample(before[i]!, 'rag_request_duration_seconds_count{route="/api/ping"}'),
      ).toBe(60);
    for (const text of after) {
      expect(sample(text, 'rag_active_requests')).toBe(0);
      expect(text).toContain('process_cpu_seconds_total');
    }
  });

  it('refuses a scrape without the right token, saying nothing more', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', 'Basic abc']) {
      const response = await fetch(`http://127.0.0.1:${ports[0]}/api/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('unauthorized');
    }
  });
});

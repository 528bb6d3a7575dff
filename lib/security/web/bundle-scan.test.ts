import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEV_AUTH_SECRET } from '@/lib/env';
import { runBundleScanCli } from './bundle-scan';

const authSecret = 'a-very-secret-auth-value-of-32-characters!';
const settings = { AUTH_SECRET: authSecret, OPENAI_API_KEY: 'short', REDIS_URL: undefined };

let dist: string;

async function plant(file: string, text: string) {
  const full = path.join(dist, 'static', file);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, text);
}

async function scan(args = [dist]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBundleScanCli(
    args,
    { out: (text) => out.push(text), err: (text) => err.push(text) },
    settings,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'bundle-scan-'));
  await plant('chunks/app.js', 'console.log("hello");');
  await plant('css/app.css', 'body{color:red}');
});
afterEach(() => rm(dist, { recursive: true, force: true }));

describe('bundle scan (lib/security/web/bundle-scan)', () => {
  it('passes a clean build with a summary line (0)', async () => {
    const { code, out } = await scan();
    expect(code).toBe(0);
    expect(out).toMatch(
      /^scan-bundle: OK: no secret in 2 files under .*static\/ \(checked 1 secret setting \(AUTH_SECRET\)/,
    );
  });

  it('fails (1) naming the file and the secret, never printing the value', async () => {
    await plant('chunks/leak.js', `const s = "${authSecret}";`);
    const { code, err } = await scan();
    expect(code).toBe(1);
    expect(err).toContain('static/chunks/leak.js: AUTH_SECRET');
    expect(err).toMatch(/FAILED: 1 secret\(s\) in 1 of 3 files/);
    expect(err).not.toContain(authSecret);
  });

  it('finds the development auth secret and the generic key and URL shapes', async () => {
    await plant('chunks/dev.js', `x="${DEV_AUTH_SECRET}"`);
    await plant('chunks/key.js', `k="sk-${'A1b2'.repeat(6)}"`);
    await plant('media/key.txt', '-----BEGIN RSA PRIVATE KEY-----\nMIIB');
    await plant(
      'chunks/db.js',
      'u="postgresql://app:hunter22@db:5432/rag"; r="rediss://default:pw@cache:6380"',
    );
    const { code, err } = await scan();
    expect(code).toBe(1);
    expect(err).toContain('static/chunks/dev.js: DEV_AUTH_SECRET');
    expect(err).toContain('static/chunks/key.js: OpenAI-style API key');
    expect(err).toContain('static/media/key.txt: PEM private key');
    expect(err).toContain('static/chunks/db.js: Postgres URL with a password');
    expect(err).toContain('static/chunks/db.js: Redis URL with a password');
    expect(err).not.toMatch(/hunter22|A1b2A1b2/);
  });

  it('ignores settings shorter than 8 characters, and URLs without a password', async () => {
    await plant('chunks/ok.js', 'a="short"; b="postgres://localhost:5432/db"; c="redis://cache:6379"');
    expect((await scan()).code).toBe(0);
  });

  it('refuses bad usage and a build folder with no static files (2)', async () => {
    expect(await scan([])).toMatchObject({ code: 2, err: expect.stringContaining('usage:') });
    expect((await scan([dist, 'extra'])).code).toBe(2);
    const empty = await mkdtemp(path.join(os.tmpdir(), 'bundle-scan-empty-'));
    try {
      expect(await scan([empty])).toMatchObject({ code: 2, err: expect.stringContaining('no ') });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

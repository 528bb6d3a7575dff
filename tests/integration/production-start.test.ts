// [START] `npm start` in production refuses the development secret and a database with demo accounts,
// and runs a real build cleanly: the standalone server with its static files, without Next's warning.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../../lib/db/client';
import { upsertUser } from '../../lib/db/users';
import { ensureProductionBuild, startProductionApp } from '../support/production-app';

function start(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/serve.ts', 'start', ...args],
      {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ...env },
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('[START] production start-up checks', () => {
  it('refuses to start without a real AUTH_SECRET, naming the variable', async () => {
    const { code, output } = await start({ DATABASE_URL: inject('databaseUrl') });
    expect(code).toBe(1);
    expect(output).toContain(
      'AUTH_SECRET: must be set to a random secret of at least 32 characters in production',
    );
  });

  it('takes -p/--port like next start, validated as PORT; refuses unknown options with the usage', async () => {
    const settings = { DATABASE_URL: inject('databaseUrl'), AUTH_SECRET: 'a'.repeat(40) };
    const badPort = await start(settings, ['-p', '70000']);
    expect(badPort.code).toBe(1);
    expect(badPort.output).toMatch(/PORT: .*65535/);
    const unknown = await start(settings, ['--turbo']);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('usage: npm run dev|start [-- -p <port>]');
  });

  it('asks for a build first when there is none', async () => {
    const { code, output } = await start({
      DATABASE_URL: inject('databaseUrl'),
      AUTH_SECRET: 'a'.repeat(40),
      NEXT_DIST_DIR: path.join(os.tmpdir(), 'no-such-build'),
    });
    expect(code).toBe(1);
    expect(output).toContain('Run `npm run build` first, then `npm start`.');
  });

  it('refuses a database that holds demo accounts', async () => {
    await upsertUser({ email: 'user@demo.local', role: 'USER', passwordHash: 'scrypt$x' });
    // A stand-in build folder: the refusal must come before Next.js would start.
    const build = await mkdtemp(path.join(os.tmpdir(), 'rag-build-'));
    await writeFile(path.join(build, 'BUILD_ID'), 'test');
    const { code, output } = await start({
      DATABASE_URL: inject('databaseUrl'),
      AUTH_SECRET: 'a'.repeat(40),
      NEXT_DIST_DIR: build,
    });
    await rm(build, { recursive: true, force: true });
    // Later files start production instances on this database.
    await db().user.deleteMany({ where: { email: 'user@demo.local' } });
    expect(code).toBe(1);
    expect(output).toContain('This database holds demo accounts (@demo.local), which production refuses.');
  });

  it(
    'serves a production build without warnings: pages, their static files, -p honoured',
    async () => {
      await ensureProductionBuild();
      const app = await startProductionApp({ DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'info' });
      try {
        const page = await fetch(`${app.baseUrl}/login`);
        expect(page.status).toBe(200);
        const html = await page.text();
        const script = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
        expect(script).toBeDefined();
        const asset = await fetch(`${app.baseUrl}${script}`);
        expect(asset.status).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(/javascript/);
      } finally {
        expect(await app.stop()).toBe(0);
      }
      const output = app.output();
      expect(output).toContain(`Ready on http://localhost:${new URL(app.baseUrl).port}`);
      // What `next start` prints on a standalone build, and any other warning of Next.js.
      expect(output).not.toContain('does not work with "output: standalone"');
      expect(output).not.toMatch(/⚠|\bwarn(ing)?\b/i);
    },
    40 * 60_000,
  );
});

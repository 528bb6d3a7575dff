// [CLI] `npm run apikey:create` prints a new key once, alone on standard output, for automation.
import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { authenticateApiKey } from '../../lib/db/api-keys';
import { db } from '../../lib/db/client';
import { upsertUser } from '../../lib/db/users';

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/apikey-create.ts', ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: inject('databaseUrl'),
          NODE_ENV: 'development',
          LOG_LEVEL: 'silent',
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('[CLI] apikey:create', () => {
  it('prints only the key on standard output, and the key works with the scopes asked for', async () => {
    const admin = await upsertUser({
      email: 'cli-keys@example.com',
      role: 'ADMIN',
      passwordHash: 'scrypt$x',
    });
    const result = await run([
      '--email',
      'CLI-Keys@Example.com',
      '--scopes',
      'ingest, query',
      '--name',
      'nightly sync',
      '--expires-in-days',
      '30',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^rag_[A-Za-z0-9_-]{43}\n$/);
    const key = result.stdout.trim();
    expect(result.stderr).toContain(`Created API key "nightly sync" (${key.slice(0, 12)}…)`);
    expect(result.stderr).not.toContain(key);

    expect(await authenticateApiKey(key)).toMatchObject({
      user: { id: admin.id },
      apiKey: { scopes: ['query', 'ingest'] },
    });
    const row = await db().apiKey.findFirstOrThrow({ where: { userId: admin.id } });
    expect(row.name).toBe('nightly sync');
    const days = (row.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('exits 2 for bad arguments and 1 for an unknown user or a refused scope, printing no key', async () => {
    const user = await upsertUser({ email: 'cli-user@example.com', role: 'USER', passwordHash: 'scrypt$x' });
    for (const [args, message] of [
      [['--email', 'cli-user@example.com', '--scopes', 'query,admin'], '--scopes must be query, ingest'],
      [['--email', 'cli-user@example.com'], '--scopes is required'],
      [['--email', 'not-an-email', '--scopes', 'query'], '--email must be an email address'],
      [
        ['--email', 'cli-user@example.com', '--scopes', 'query', '--expires-in-days', 'soon'],
        '--expires-in-days must be a number of days',
      ],
      [['--mail', 'cli-user@example.com'], "Unknown option '--mail'"],
    ] as const) {
      const result = await run([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    }

    const unknown = await run(['--email', 'nobody@example.com', '--scopes', 'query']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No user with the email nobody@example.com');

    const refused = await run(['--email', 'cli-user@example.com', '--scopes', 'ingest']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Only admins may create keys with the "ingest" scope.');
    expect(refused.stdout).toBe('');
    expect(await db().apiKey.count({ where: { userId: user.id } })).toBe(0);
  });
});

// [CLI] `npm run user:create` makes the first admin of a real deployment; idempotent on the same email.
import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../../lib/db/client';

function run(
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/user-create.ts', ...args],
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
    child.stdin.end(stdin);
  });
}

describe('[CLI] user:create', () => {
  it('creates a user with the role and a hashed password, then updates it on a second run', async () => {
    const first = await run(
      ['--email', 'First.Admin@Example.com', '--role', 'ADMIN'],
      'correct horse battery staple\n',
    );
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Created first.admin@example.com with role ADMIN');
    const user = await db().user.findUniqueOrThrow({
      where: { email: 'first.admin@example.com' },
      select: { role: true, passwordHash: true },
    });
    expect(user.role).toBe('ADMIN');
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain('correct horse');

    const second = await run(
      ['--email', 'first.admin@example.com', '--role', 'COMPLIANCE'],
      'another long passphrase\n',
    );
    expect(second.stdout).toContain('Updated first.admin@example.com with role COMPLIANCE');
    expect(await db().user.count({ where: { email: 'first.admin@example.com' } })).toBe(1);
  });

  it('refuses bad input with a clear message and exit code 2, changing nothing', async () => {
    const badRole = await run(['--email', 'x@example.com', '--role', 'ROOT'], 'long enough password\n');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be USER, ADMIN or COMPLIANCE');
    const shortPassword = await run(['--email', 'x@example.com', '--role', 'USER'], 'short\n');
    expect(shortPassword.code).toBe(2);
    expect(shortPassword.stderr).toMatch(/at least 12 characters/);
    const unknownFlag = await run(['--mail', 'x@example.com'], '');
    expect(unknownFlag.code).toBe(2);
    expect(await db().user.count({ where: { email: 'x@example.com' } })).toBe(0);
  });
});

// `npm run user:create -- --email <e> --role ADMIN|USER|COMPLIANCE [--name <n>]`; password on standard input.
// Idempotent: the same email updates role, name and password.
import './drop-empty-env';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { auth } from '@/lib/config';
import { hashPassword } from '@/lib/auth/password';
import { upsertUser } from '@/lib/db/users';
import { describeZodError } from '@/lib/http/errors';
import { EnvError } from '@/lib/env';
import { openCliDatabase } from './support/cli-database';

const argsSchema = z.object({
  email: z.email('--email must be an email address'),
  role: z.enum(['USER', 'ADMIN', 'COMPLIANCE'], { error: '--role must be USER, ADMIN or COMPLIANCE' }),
  name: z.string().min(1).max(200).optional(),
  password: z
    .string()
    .min(
      auth.minPasswordLength,
      `the password (standard input) must be at least ${auth.minPasswordLength} characters`,
    )
    .max(1024, 'the password must be at most 1024 characters'),
});

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is not hidden; prefer piping it): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    console.error(
      `✖ ${(error as Error).message}\nusage: npm run user:create -- --email <email> --role USER|ADMIN|COMPLIANCE [--name <name>] < password-file`,
    );
    return 2;
  }
  const parsed = argsSchema.safeParse({ ...values, password: await readStdin() });
  if (!parsed.success) {
    console.error(`✖ ${describeZodError(parsed.error)}`);
    return 2;
  }
  const database = await openCliDatabase(1);
  try {
    const { email, role, name, password } = parsed.data;
    const user = await upsertUser({ email, role, name, passwordHash: await hashPassword(password) });
    console.log(`✔ ${user.created ? 'Created' : 'Updated'} ${user.email} with role ${user.role}`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`✖ ${error instanceof EnvError ? error.message : (error as Error).message}`);
    process.exit(1);
  },
);

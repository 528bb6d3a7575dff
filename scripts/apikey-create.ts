// `npm run apikey:create -- --email <e> --scopes query,ingest [--name <n>] [--expires-in-days <n>]`
// For automation: prints a new key for the user on standard output, once and alone (so it can be
// captured), and what was made on standard error. Exit 2: bad arguments; 1: unknown user or refused.
import './drop-empty-env';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { apiKeyLimits, apiKeyScopes, expiryFromDays } from '@/lib/auth/api-keys';
import { createApiKey } from '@/lib/db/api-keys';
import { findUserByEmail } from '@/lib/db/users';
import { EnvError } from '@/lib/env';
import { openCliDatabase } from './support/cli-database';

const USAGE =
  'usage: npm run apikey:create -- --email <email> --scopes query,ingest [--name <name>] [--expires-in-days <days>]';
const scopesMessage = `--scopes must be ${apiKeyScopes.join(', ')} or both, comma-separated`;

const argsSchema = z.object({
  email: z.email('--email must be an email address'),
  scopes: z
    .string(`--scopes is required: ${apiKeyScopes.join(', ')} or both, comma-separated`)
    .transform((list) => [...new Set(list.split(',').map((scope) => scope.trim()))].filter(Boolean))
    .pipe(z.array(z.enum(apiKeyScopes, { error: scopesMessage })).min(1, scopesMessage)),
  name: z
    .string()
    .trim()
    .min(1, '--name must not be empty')
    .max(apiKeyLimits.nameMaxChars, `--name must be at most ${apiKeyLimits.nameMaxChars} characters`)
    .optional(),
  expiresInDays: z.coerce
    .number('--expires-in-days must be a number of days')
    .int('--expires-in-days must be a whole number of days')
    .min(1, '--expires-in-days must be at least 1')
    .max(apiKeyLimits.maxExpiryDays, `--expires-in-days must be at most ${apiKeyLimits.maxExpiryDays}`)
    .optional(),
});

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: 'string' },
        scopes: { type: 'string' },
        name: { type: 'string' },
        'expires-in-days': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`✖ ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { 'expires-in-days': expiresInDays, ...rest } = values;
  const parsed = argsSchema.safeParse({ ...rest, expiresInDays });
  if (!parsed.success) {
    console.error(`✖ ${parsed.error.issues.map((issue) => issue.message).join('; ')}\n${USAGE}`);
    return 2;
  }
  const { email, scopes, name, expiresInDays: days } = parsed.data;
  const database = await openCliDatabase(1);
  try {
    const user = await findUserByEmail(email);
    if (!user) {
      console.error(`✖ No user with the email ${email}. Create one first with npm run user:create.`);
      return 1;
    }
    const { key, view } = await createApiKey({
      user,
      name: name ?? `CLI key ${new Date().toISOString().slice(0, 10)}`,
      scopes,
      expiresAt: expiryFromDays(days),
    });
    console.error(
      `✔ Created API key "${view.name}" (${view.prefix}…) for ${user.email} with scopes ${view.scopes.join(', ')}, ` +
        `${view.expiresAt ? `expiring ${view.expiresAt}` : 'not expiring'}. ` +
        'It is printed once, on standard output: store it now.',
    );
    console.log(key);
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

// `npm run seed:queries -- --rows 1000000 [--days 30] [--users 300]`: fills the query log with
// realistic rows (scripts/support/query-log-seed.ts) for trying the query explorer at scale. Works on
// DATABASE_URL, else on the embedded database in DATA_DIR.
import './drop-empty-env';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { EnvError } from '@/lib/env';
import { describeZodError } from '@/lib/http/errors';
import { openCliDatabase } from './support/cli-database';
import { seedQueryLogs } from './support/query-log-seed';

const USAGE = 'usage: npm run seed:queries -- --rows <n> [--days <n>] [--users <n>]';

const count = (name: string, max: number) =>
  z.coerce
    .number({ error: `--${name} must be a whole number` })
    .int(`--${name} must be a whole number`)
    .min(1, `--${name} must be at least 1`)
    .max(max, `--${name} must be at most ${max.toLocaleString('en')}`);

const argsSchema = z.object({
  rows: count('rows', 10_000_000),
  days: count('days', 3_650).default(30),
  users: count('users', 10_000).default(300),
});

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { rows: { type: 'string' }, days: { type: 'string' }, users: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`✖ ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`✖ ${describeZodError(parsed.error)}\n${USAGE}`);
    return 2;
  }
  const options = parsed.data;
  const database = await openCliDatabase(1);
  try {
    console.log(
      `Seeding ${options.rows.toLocaleString('en')} query-log rows over ${options.days} days for ${options.users} users…`,
    );
    const result = await seedQueryLogs(database.url, options, ({ inserted, total, elapsedMs }) => {
      const rate = Math.round(inserted / (elapsedMs / 1000));
      console.log(
        `  ${inserted.toLocaleString('en')} / ${total.toLocaleString('en')} rows (${(elapsedMs / 1000).toFixed(1)} s, ${rate.toLocaleString('en')} rows/s)`,
      );
    });
    console.log(
      `✔ Inserted ${result.rows.toLocaleString('en')} rows for ${result.users} users in ${(result.ms / 1000).toFixed(1)} s (statistics refreshed)`,
    );
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

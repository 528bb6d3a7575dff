// Launcher for `npm run dev` and `npm start`: validates settings, provides the database (embedded
// PGlite when DATABASE_URL is unset), applies migrations, seeds, runs Next.js (`next dev`, or the
// standalone build under scripts/production-server.mjs), and shuts all down cleanly.
import './drop-empty-env';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db/embedded/server';
import { migrate } from '@/lib/db/migrate';
import { getModels } from '@/lib/ai/models';
import { syncEmbeddings } from '@/lib/rag/embedding-sync';
import { connectDb, db } from '@/lib/db/client';
import { applyCommandLineSettings, DEV_AUTH_SECRET, env, EnvError, inheritedEnvironment } from '@/lib/env';
import {
  countDemoAccounts,
  DEMO_PASSWORD,
  demoAccounts,
  seedDemoAccounts,
  seedDemoCorpus,
} from '@/prisma/seed';

const USAGE = 'usage: npm run dev|start [-- -p <port>]';

/** `dev|start [-p|--port <port>]`, as `next dev` and `next start` take it. */
function commandLine(): 'dev' | 'start' {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { port: { type: 'string', short: 'p' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`✖ ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const [mode, ...extra] = parsed.positionals;
  if ((mode !== 'dev' && mode !== 'start') || extra.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }
  // Validated with the other settings (PORT in lib/env.ts), so a bad port gets the same message.
  applyCommandLineSettings({ PORT: parsed.values.port });
  return mode;
}

const mode = commandLine();

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/**
 * The standalone build serves only what `next build` traced into <dist>/standalone; the static files,
 * public/ and the migrations are copied beside it (as the Dockerfile does), fresh on every start.
 */
function prepareStandalone(distDir: string): string {
  const standalone = path.join(distDir, 'standalone');
  if (!existsSync(path.join(standalone, 'server.js')))
    fail(`No standalone build in ${standalone}/. Run \`npm run build\` first, then \`npm start\`.`);
  const copies: Array<[string, string]> = [
    [path.join(distDir, 'static'), path.join(standalone, distDir, 'static')],
    ['public', path.join(standalone, 'public')],
    // Readiness compares the applied migrations with those shipped.
    ['prisma/migrations', path.join(standalone, 'prisma', 'migrations')],
  ];
  for (const [from, to] of copies) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  return standalone;
}

async function main() {
  let settings;
  try {
    settings = env();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const production = settings.NODE_ENV === 'production';
  if (mode === 'start' && !existsSync(path.join(settings.NEXT_DIST_DIR, 'BUILD_ID'))) {
    fail(
      `No production build in ${settings.NEXT_DIST_DIR}/. Run \`npm run build\` first, then \`npm start\`.`,
    );
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = settings.DATABASE_URL;
  if (!databaseUrl) {
    const started = performance.now();
    embedded = await startEmbeddedDatabase({
      dataDir: settings.DATA_DIR,
      port: settings.EMBEDDED_DB_PORT,
    }).catch((error: Error) => fail(error.message));
    databaseUrl = embedded.url;
    console.log(
      `▲ Embedded Postgres (PGlite + pgvector) ${embedded.created ? 'created' : 'opened'} in ${settings.DATA_DIR}/ ` +
        `on 127.0.0.1:${settings.EMBEDDED_DB_PORT} (${Math.round(performance.now() - started)} ms)`,
    );
  }
  // Everything below (migrations, seed) uses the same database the app will.
  connectDb(databaseUrl, 2);

  const stopDatabase = async () => {
    await embedded?.stop().catch((error) => console.error('embedded database did not stop cleanly:', error));
  };

  try {
    const applied = await migrate(databaseUrl);
    console.log(
      applied.length ? `▲ Applied migrations: ${applied.join(', ')}` : '▲ Database schema is up to date',
    );
    await syncEmbeddings(getModels().embedding, (line) => console.log(`▲ ${line}`));

    if (production) {
      if ((await countDemoAccounts()) > 0) {
        fail(
          'This database holds demo accounts (@demo.local), which production refuses. Delete them, or use a fresh database, and create real users with `npm run user:create`.',
        );
      }
    } else {
      const created = await seedDemoAccounts();
      if (created.length) {
        console.log('\n▲ Demo accounts (development only), password for each: ' + DEMO_PASSWORD);
        for (const account of demoAccounts) console.log(`    ${account.role.padEnd(10)} ${account.email}`);
        console.log('');
      } else {
        console.log(`▲ Demo accounts: ${demoAccounts.map((a) => a.email).join(', ')} (password in README)`);
      }
      const corpus = await seedDemoCorpus(process.cwd(), (line) => console.log(line));
      console.log(
        `▲ Demo corpus: ${corpus.ingested} ingested, ${corpus.skipped} unchanged` +
          (corpus.failed ? `, ${corpus.failed} failed` : ''),
      );
    }
    await db().$disconnect();
  } catch (error) {
    await stopDatabase();
    fail(error instanceof Error ? error.message : String(error));
  }

  const require = createRequire(import.meta.url);
  const nextBin = require.resolve('next/dist/bin/next');
  const childEnv: NodeJS.ProcessEnv = {
    ...inheritedEnvironment(),
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: settings.AUTH_URL ?? `http://localhost:${settings.PORT}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // Every interface, as `next start` listens (HOSTNAME may hold the machine's name).
  if (mode === 'start') Object.assign(childEnv, { PORT: String(settings.PORT), HOSTNAME: '0.0.0.0' });
  // Production was validated to have its own secret; development uses the fixed public default.
  childEnv.AUTH_SECRET = settings.AUTH_SECRET ?? DEV_AUTH_SECRET;
  // Production runs the standalone build under our own server (graceful shutdown, lib/lifecycle/);
  // `next start` would warn that it does not serve standalone builds.
  const args =
    mode === 'dev'
      ? [nextBin, 'dev', '--port', String(settings.PORT)]
      : ['scripts/production-server.mjs', prepareStandalone(settings.NEXT_DIST_DIR)];
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: childEnv });
  // The production server drains within its grace and drain periods and the job workers' 30 s.
  const stopWithinMs =
    mode === 'dev' ? 10_000 : (settings.SHUTDOWN_GRACE_SECONDS + settings.SHUTDOWN_DRAIN_SECONDS + 45) * 1000;

  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`\n▲ ${signal}: stopping the app${embedded ? ' and the embedded database' : ''}…`);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), stopWithinMs).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  child.on('exit', async (code, signal) => {
    await stopDatabase();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

void main();

// Runs the app under test: the production build (made when missing or older than a source file, the
// same build the integration tests start; tests/support/production-app.ts) served by `npm start`'s
// launcher, with the demo accounts and demo corpus seeded as in development (the launcher's
// NODE_ENV is `test`; the server itself runs in production mode). Pages are served as users get
// them, with no per-route compile on first visit.
// Usage: node --conditions=react-server --import tsx e2e/support/app-server.ts (settings from env)
import { spawn, type ChildProcess } from 'node:child_process';
import { ensureProductionBuild, PRODUCTION_DIST_DIR } from '../../tests/support/production-app';

/** Builds when needed, then starts `scripts/serve.ts start` with `settings` over this environment. */
export async function startE2eApp(settings: Record<string, string> = {}): Promise<ChildProcess> {
  await ensureProductionBuild();
  return spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/serve.ts', 'start'],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        ...settings,
        NODE_ENV: 'test',
        NEXT_DIST_DIR: PRODUCTION_DIST_DIR,
        // Production refuses the public development secret; the demo accounts need a fixed one.
        AUTH_SECRET: process.env.AUTH_SECRET || 'e2e-only-secret-'.padEnd(48, 'x'),
      },
    },
  );
}

/** Stops the app on SIGTERM/SIGINT and exits with it. */
export function forwardSignals(child: ChildProcess, cleanup: () => Promise<void> = async () => {}) {
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  child.once('exit', (code) => {
    void cleanup().finally(() => process.exit(code ?? 0));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  forwardSignals(await startE2eApp());
}

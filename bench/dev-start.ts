// Benchmark: a fresh clone to the first ready page with `npm run dev` (install excluded; embedded
// database creation, migrations, seeding and Next's on-demand compile included).
import type { Benchmark } from './support/benchmark';
import { ATTEMPT_TIMEOUT_MS, launchApp, START_CAP_MS, waitFor200 } from './support/app';
import { ms, note, printTable } from './support/report';

export const devStart: Benchmark = {
  name: 'dev-start',
  summary: 'npm run dev on a fresh data folder: spawn to /api/ready 200 and to /login 200',
  async run(context) {
    const app = await launchApp();
    note(`spawned scripts/serve.ts dev (pid ${app.pid}) on ${app.baseUrl}, DATA_DIR=${app.dataDir}`);
    note(
      app.hadNextDir
        ? '.next/ EXISTED before this start: Next reused its compile cache, so this is warmer than a fresh clone.'
        : '.next/ did not exist: a cold compile, as on a fresh clone.',
    );
    let handedOn = false;
    try {
      const ready = await waitFor200(app, '/api/ready');
      const login = await waitFor200(app, '/login');
      const loginStarted = app.elapsed();
      await waitFor200(app, '/login');
      const loginAgainMs = app.elapsed() - loginStarted;

      const rows: string[][] = [...app.milestones].map(([label, at]) => [label, ms(at)]);
      rows.push(
        ['GET /api/ready answers 200', ms(ready.atMs)],
        ['GET /login answers 200 (first ready page)', ms(login.atMs)],
      );
      printTable(
        `dev-start: wall time from spawn (cap ${START_CAP_MS / 60_000} min)`,
        ['milestone', 'ms from spawn'],
        rows,
      );
      for (const [what, answer] of [
        ['/api/ready', ready],
        ['/login', login],
      ] as const) {
        if (answer.abandoned) {
          note(
            `WARNING: ${answer.abandoned} request(s) to ${what} got no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s ` +
              'and were sent again; the time above includes that wait.',
          );
        }
      }
      printTable(
        'dev-start: the same page again, compiled',
        ['request', 'ms'],
        [['GET /login, second time', ms(loginAgainMs)]],
      );
      for (const line of app.requestLog()) note(`next: ${line}`);

      if (context.keepApp) {
        context.app = app;
        handedOn = true;
        note('the app stays up for the next benchmark of this run');
      }
    } finally {
      if (!handedOn) {
        const stopped = await app.stop();
        note(
          `stopped with SIGTERM in ${ms(stopped.stopMs)} ms (exit code ${stopped.code ?? '–'}, signal ${stopped.signal ?? '–'})`,
        );
      }
    }
  },
};

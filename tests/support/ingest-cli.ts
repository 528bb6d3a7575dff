// Runs `npm run ingest` (scripts/ingest.ts) as a child process with `env` over the test's own.
import { spawn } from 'node:child_process';

export type CliRun = { code: number | null; stdout: string; stderr: string };

export function runIngestCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/ingest.ts', ...args],
      { env: { ...process.env, ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

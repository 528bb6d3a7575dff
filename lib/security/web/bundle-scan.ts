// Finds secrets in the files a browser can download (`<distDir>/static/`): the values of the secret
// settings present at build time, the development auth secret, and the shapes of keys, private keys
// and URLs with passwords. Reports which secret and where, never the value itself.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEV_AUTH_SECRET, type Env } from '@/lib/env';

/** Settings whose values must never reach a browser. */
export const secretSettings = [
  'AUTH_SECRET',
  'OPENAI_API_KEY',
  'RERANK_API_KEY',
  'UPSTASH_REDIS_REST_TOKEN',
  'OIDC_CLIENT_SECRET',
  'DATABASE_URL',
  'REDIS_URL',
] as const satisfies readonly (keyof Env)[];

/** Shorter values are too likely to occur by chance in minified code to mean anything. */
export const MIN_SECRET_LENGTH = 8;

export type SecretSettings = Partial<Record<(typeof secretSettings)[number], string | undefined>>;

type Needle = { name: string; test: (text: string) => boolean };

export const secretPatterns: { name: string; pattern: RegExp }[] = [
  { name: 'OpenAI-style API key (sk-…)', pattern: /sk-[A-Za-z0-9]{20,}/ },
  { name: 'PEM private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'Postgres URL with a password', pattern: /postgres(ql)?:\/\/[^\s"']*:[^\s"'@]*@/ },
  { name: 'Redis URL with a password', pattern: /rediss?:\/\/[^\s"']*:[^\s"'@]*@/ },
];

function needles(settings: SecretSettings): Needle[] {
  const values: Needle[] = secretSettings.flatMap((name) => {
    const value = settings[name];
    return value && value.length >= MIN_SECRET_LENGTH ? [{ name, test: (text) => text.includes(value) }] : [];
  });
  return [
    ...values,
    { name: 'DEV_AUTH_SECRET (lib/env.ts)', test: (text) => text.includes(DEV_AUTH_SECRET) },
    ...secretPatterns.map(({ name, pattern }) => ({ name, test: (text: string) => pattern.test(text) })),
  ];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export type Finding = { file: string; secret: string };
export type ScanResult = { files: number; findings: Finding[] };

/** Scans every file under `dir` for the secrets in `settings` and the generic patterns. */
export async function scanDirectory(dir: string, settings: SecretSettings): Promise<ScanResult> {
  const files = await filesUnder(dir);
  const checks = needles(settings);
  const findings: Finding[] = [];
  for (const file of files) {
    const text = await readFile(file, 'latin1');
    for (const check of checks) if (check.test(text)) findings.push({ file, secret: check.name });
  }
  return { files: files.length, findings };
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const usage = 'usage: node --conditions=react-server --import tsx scripts/scan-bundle.ts <distDir>';
const argsSchema = z.tuple([z.string().min(1, 'the build folder must not be empty')]);

/**
 * `scan-bundle <distDir>`: 0 when nothing is found, 1 listing each file and secret found (names only),
 * 2 on bad usage or a build folder without static files (a scan of nothing proves nothing).
 */
export async function runBundleScanCli(args: string[], io: CliIo, settings: SecretSettings): Promise<number> {
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success) {
    io.err(usage);
    return 2;
  }
  const [distDir] = parsed.data;
  const staticDir = path.join(distDir, 'static');
  const isDir = await stat(staticDir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isDir) {
    io.err(`scan-bundle: no ${staticDir}/ folder: build the app first (next build or next dev).\n${usage}`);
    return 2;
  }
  const { files, findings } = await scanDirectory(staticDir, settings);
  if (files === 0) {
    io.err(`scan-bundle: ${staticDir}/ holds no files: nothing to scan.`);
    return 2;
  }
  for (const { file, secret } of findings) io.err(`  ${path.relative(distDir, file)}: ${secret}`);
  const checked = secretSettings.filter((name) => (settings[name]?.length ?? 0) >= MIN_SECRET_LENGTH);
  const what = `${checked.length} secret setting${checked.length === 1 ? '' : 's'} (${checked.join(', ') || 'none set'}), the development auth secret and ${secretPatterns.length} patterns`;
  if (findings.length > 0) {
    const fileCount = new Set(findings.map((finding) => finding.file)).size;
    io.err(
      `scan-bundle: FAILED: ${findings.length} secret(s) in ${fileCount} of ${files} files under ${staticDir}/ (checked ${what})`,
    );
    return 1;
  }
  io.out(`scan-bundle: OK: no secret in ${files} files under ${staticDir}/ (checked ${what})`);
  return 0;
}

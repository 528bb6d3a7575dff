// Seed data: demo accounts (development only) and the demo corpus made of the project's own docs.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { hashPassword } from '@/lib/auth/password';
import { upsertUser, normaliseEmail } from '@/lib/db/users';
import { db } from '@/lib/db/client';
import { ingestFile } from '@/lib/ingest/pipeline';
import type { Role } from '@/lib/generated/prisma/enums';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_DOMAIN = 'demo.local';
export const demoAccounts: Array<{ email: string; role: Role; name: string }> = [
  { email: `user@${DEMO_DOMAIN}`, role: 'USER', name: 'Demo User' },
  { email: `admin@${DEMO_DOMAIN}`, role: 'ADMIN', name: 'Demo Admin' },
  { email: `compliance@${DEMO_DOMAIN}`, role: 'COMPLIANCE', name: 'Demo Compliance Officer' },
];

/** Creates the demo accounts that do not exist yet; returns those created now. */
export async function seedDemoAccounts(): Promise<typeof demoAccounts> {
  const existing = await db().user.findMany({
    where: { email: { in: demoAccounts.map((a) => normaliseEmail(a.email)) } },
    select: { email: true },
  });
  const have = new Set(existing.map((u) => u.email));
  const missing = demoAccounts.filter((a) => !have.has(a.email));
  const passwordHash = missing.length ? await hashPassword(DEMO_PASSWORD) : '';
  for (const account of missing) await upsertUser({ ...account, passwordHash });
  return missing;
}

export async function countDemoAccounts(): Promise<number> {
  return db().user.count({ where: { email: { endsWith: `@${DEMO_DOMAIN}` } } });
}

/** The demo corpus: README.md and docs/*.md of this project. */
export async function demoCorpusFiles(root = process.cwd()): Promise<string[]> {
  const docs = await readdir(path.join(root, 'docs')).catch(() => [] as string[]);
  return [
    'README.md',
    ...docs
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `docs/${f}`),
  ];
}

/** Ingests the demo corpus through the ingestion path; unchanged files are skipped. */
export async function seedDemoCorpus(
  root = process.cwd(),
  log: (line: string) => void = () => {},
): Promise<{ ingested: number; skipped: number; failed: number }> {
  let ingested = 0;
  let skipped = 0;
  let failed = 0;
  for (const file of await demoCorpusFiles(root)) {
    const bytes = await readFile(path.join(root, file));
    const result = await ingestFile({ fileName: file, source: file, bytes });
    if (result.unchanged) skipped += 1;
    else if (result.status === 'READY') {
      ingested += 1;
      log(`  ingested ${file} (${result.chunks} passages)`);
    } else {
      failed += 1;
      log(`  could not ingest ${file}: ${result.error}`);
    }
  }
  return { ingested, skipped, failed };
}

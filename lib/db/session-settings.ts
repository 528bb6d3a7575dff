// How every database session of the app searches an HNSW index: the configured breadth, and
// iterative scans so a selective filter still gets its k rows (pgvector 0.8). Set once per session,
// so a vector search is one statement, not a transaction around SET LOCAL (four round trips).
import { retrieval } from '@/lib/config';

const SETTINGS: Array<[name: string, value: string]> = [
  ['hnsw.ef_search', String(Math.max(1, Math.min(1000, Math.trunc(retrieval.hnswEfSearch))))],
  ['hnsw.iterative_scan', 'relaxed_order'],
];

/** The settings as a connection's startup `options` (a Postgres server applies them to the session). */
export function sessionStartupOptions(): string {
  return SETTINGS.map(([name, value]) => `-c ${name}=${value}`).join(' ');
}

/**
 * The settings as SET statements: the embedded database serves every connection from one session,
 * which ignores startup options, so its server runs these once.
 */
export function sessionSetStatements(): string {
  return SETTINGS.map(([name, value]) => `SET ${name} = '${value}';`).join('\n');
}

// [ADMIN] The query explorer's data layer: filters, search, keyset pages stable under inserts, the CSV
// export's escaping, and admins only. Other files share this database, so every assertion is scoped
// to rows of users this file creates.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  parseQueryExportParams,
  parseQueryPageParams,
  type QueryFilter,
} from '../../lib/admin/query-filters';
import { queryExportStream } from '../../lib/admin/query-export';
import { db } from '../../lib/db/client';
import { exportQueryLogs, getQueryLogDetail, searchQueryLogs } from '../../lib/db/query-explorer';
import { upsertUser, type SessionUser } from '../../lib/db/users';
import { AppError } from '../../lib/http/errors';

const tag = randomUUID().slice(0, 8);
let admin: SessionUser;
let asker: SessionUser;
let other: SessionUser;

const base = Date.parse('2026-03-10T12:00:00.000Z');

type Seed = Partial<{
  question: string;
  model: string;
  route: string;
  status: 'OK' | 'ERROR' | 'REJECTED' | 'DEGRADED';
  cacheHit: boolean;
  confidence: number | null;
  feedback: number | null;
  latencyMs: number | null;
  costUsd: number;
  answer: string;
  userId: string;
  minutes: number;
}>;

let counter = 0;
async function seed(entry: Seed = {}): Promise<string> {
  counter += 1;
  const { id } = await db().queryLog.create({
    data: {
      requestId: `req-qx-${tag}-${counter}`,
      userId: entry.userId ?? asker.id,
      route: entry.route ?? 'chat',
      question: entry.question ?? `question ${counter}`,
      answer: entry.answer ?? 'an answer',
      model: entry.model ?? 'local-extractive',
      status: entry.status ?? 'OK',
      cacheHit: entry.cacheHit ?? false,
      confidence: entry.confidence === undefined ? 0.95 : entry.confidence,
      feedback: entry.feedback ?? null,
      latencyMs: entry.latencyMs === undefined ? 100 + counter : entry.latencyMs,
      costUsd: entry.costUsd ?? 0,
      createdAt: new Date(base + (entry.minutes ?? counter) * 60_000),
    },
    select: { id: true },
  });
  return id;
}

/** Every page of a filter, following the cursor. */
async function allPages(filter: QueryFilter): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await searchQueryLogs(admin, filter, cursor);
    ids.push(...page.rows.map((row) => row.id));
    if (!page.next) return ids;
    cursor = page.next;
  }
}

async function csvOf(filter: QueryFilter): Promise<string> {
  return new Response(queryExportStream(admin, filter)).text();
}

describe(`[ADMIN] query explorer on ${inject('database')}`, () => {
  beforeAll(async () => {
    admin = await upsertUser({
      email: `qx-admin-${tag}@example.com`,
      role: 'ADMIN',
      passwordHash: 'scrypt$x',
    });
    asker = await upsertUser({
      email: `qx-asker-${tag}@example.com`,
      role: 'USER',
      passwordHash: 'scrypt$x',
    });
    other = await upsertUser({
      email: `qx-other-${tag}@example.com`,
      role: 'USER',
      passwordHash: 'scrypt$x',
    });
  });

  it('filters by user, model, route, status, cache hit, low confidence, feedback and date', async () => {
    const me = { user: `qx-other-${tag}` };
    const ids = {
      plain: await seed({ userId: other.id, minutes: 10 }),
      gpt: await seed({ userId: other.id, model: 'gpt-4o-mini', minutes: 11 }),
      api: await seed({ userId: other.id, route: 'api', minutes: 12 }),
      limited: await seed({ userId: other.id, status: 'REJECTED', confidence: null, minutes: 13 }),
      cached: await seed({ userId: other.id, cacheHit: true, minutes: 14 }),
      unsure: await seed({ userId: other.id, confidence: 0.4, minutes: 15 }),
      liked: await seed({ userId: other.id, feedback: 1, minutes: 16 }),
      disliked: await seed({ userId: other.id, feedback: -1, minutes: 17 }),
      nextDay: await seed({ userId: other.id, minutes: 24 * 60 + 5 }),
    };
    const only = async (filter: QueryFilter) => (await allPages({ ...me, ...filter })).sort();
    expect(await only({ model: 'gpt-4o-mini' })).toEqual([ids.gpt]);
    expect(await only({ route: 'api' })).toEqual([ids.api]);
    expect(await only({ status: 'REJECTED' })).toEqual([ids.limited]);
    expect(await only({ cache: 'hit' })).toEqual([ids.cached]);
    expect(await only({ low: '1' })).toEqual([ids.unsure]);
    expect(await only({ feedback: 'down' })).toEqual([ids.disliked]);
    expect(await only({ feedback: 'rated' })).toEqual([ids.liked, ids.disliked].sort());
    expect(await only({ from: '2026-03-11', to: '2026-03-11' })).toEqual([ids.nextDay]);
    expect(await only({ to: '2026-03-10' })).toHaveLength(8);
    expect(await only({})).toHaveLength(9);
    // The user filter is a substring of the email: this asker's rows are not among them.
    const page = await searchQueryLogs(admin, me);
    expect(new Set(page.rows.map((row) => row.userEmail))).toEqual(new Set([other.email]));
  });

  it('searches the question case-insensitively, taking % and _ literally', async () => {
    const word = `Zebra${tag}`;
    const hit = await seed({ question: `How do I feed a ${word.toUpperCase()} at noon?` });
    const percent = await seed({ question: `What is 100% of ${word}_x?` });
    await seed({ question: `Unrelated ${tag}` });
    expect((await allPages({ q: word.toLowerCase() })).sort()).toEqual([hit, percent].sort());
    expect(await allPages({ q: `100% of ${word}_x` })).toEqual([percent]);
    expect(await allPages({ q: `1_0% of ${word}` })).toEqual([]);
  });

  it('pages by cursor without repeats or gaps, and stays stable while rows are added', async () => {
    const pager = await upsertUser({ email: `qx-pager-${tag}@example.com`, role: 'USER', passwordHash: 'x' });
    const made: string[] = [];
    // 120 rows, some sharing a timestamp, so the id tie-break matters.
    for (let i = 0; i < 120; i++)
      made.push(await seed({ userId: pager.id, minutes: 5_000 + Math.floor(i / 3) }));
    const filter = { user: `qx-pager-${tag}` };
    const first = await searchQueryLogs(admin, filter);
    expect(first.rows).toHaveLength(50);
    expect(first.next).toBeTruthy();
    // New rows arrive (newer and older) while the admin reads page one.
    const newer = await seed({ userId: pager.id, minutes: 9_000 });
    await seed({ userId: pager.id, minutes: 4_000 });
    const second = await searchQueryLogs(admin, filter, first.next!);
    const third = await searchQueryLogs(admin, filter, second.next!);
    const seen = [...first.rows, ...second.rows, ...third.rows].map((row) => row.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(newer);
    // Every row made before the first page was read is on exactly one page.
    for (const id of made) expect(seen).toContain(id);
    const times = [...first.rows, ...second.rows].map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.rows[0]!.createdAt).toBeInstanceOf(Date);

    // Other sorts page the same way.
    for (const sort of ['oldest', 'slowest', 'costliest'] as const) {
      const ids = await allPages({ ...filter, sort });
      expect(new Set(ids).size).toBe(122);
    }
    const slowest = await searchQueryLogs(admin, { ...filter, sort: 'slowest' });
    const latencies = slowest.rows.map((row) => row.latencyMs ?? -1);
    expect(latencies).toEqual([...latencies].sort((a, b) => b - a));
  });

  it('starts from the top when the cursor is not one of ours', async () => {
    const page = await searchQueryLogs(admin, { user: `qx-asker-${tag}` }, 'bm90LWEtY3Vyc29y');
    expect(page.rows.length).toBeGreaterThan(0);
  });

  it('exports CSV with quoting, line breaks and formula injection neutralised', async () => {
    const csvUser = await upsertUser({ email: `qx-csv-${tag}@example.com`, role: 'USER', passwordHash: 'x' });
    await seed({ userId: csvUser.id, question: '=HYPERLINK("http://evil.example","click")', minutes: 1 });
    await seed({ userId: csvUser.id, question: 'Plain, with "quotes"\nand a second line', minutes: 2 });
    await seed({ userId: csvUser.id, question: '+1 then -2 then @sum', answer: '-answer', minutes: 3 });
    const csv = await csvOf({ user: `qx-csv-${tag}`, sort: 'oldest' });
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^created_at,id,request_id,user_email,route,question,answer,/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain('"Plain, with ""quotes""\nand a second line"');
    expect(csv).toContain(`,'+1 then -2 then @sum,'-answer,`);
    // Header, three rows and the empty string after the last line break.
    expect(lines.filter((line) => line.startsWith('2026-'))).toHaveLength(3);

    // Batches follow the cursor: a batch size of 1 gives the same rows.
    const batches: string[][] = [];
    for await (const batch of exportQueryLogs(admin, { user: `qx-csv-${tag}` }, 1))
      batches.push(batch.map((row) => row.question));
    expect(batches.flat()).toHaveLength(3);
  });

  it('shows one query in detail, and null for an unknown id', async () => {
    const id = await seed({ question: `detail ${tag}`, model: 'gpt-4o', feedback: -1 });
    const detail = await getQueryLogDetail(admin, id);
    expect(detail).toMatchObject({ question: `detail ${tag}`, model: 'gpt-4o', feedback: -1 });
    expect(detail?.user?.email).toBe(asker.email);
    expect(await getQueryLogDetail(admin, 'no-such-query')).toBeNull();
  });

  it('refuses everyone but admins in the data layer: 401 signed out, 403 other roles', async () => {
    const compliance = await upsertUser({
      email: `qx-compliance-${tag}@example.com`,
      role: 'COMPLIANCE',
      passwordHash: 'x',
    });
    const refused = async (work: () => Promise<unknown>, status: number) => {
      const error = await work().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(status);
    };
    for (const viewer of [asker, compliance]) {
      await refused(() => searchQueryLogs(viewer, {}), 403);
      await refused(() => getQueryLogDetail(viewer, 'x'), 403);
      await refused(() => exportQueryLogs(viewer, {}).next(), 403);
    }
    await refused(() => searchQueryLogs(null, {}), 401);
  });

  it('parses page params leniently and export params strictly', () => {
    const page = parseQueryPageParams({ status: 'NOPE', q: 'refund', from: '2026-02-30x', after: '$$' });
    expect(page.filter).toEqual({ q: 'refund' });
    expect(page.ignored.sort()).toEqual(['after', 'from', 'status']);
    const swapped = parseQueryPageParams({ from: '2026-03-02', to: '2026-03-01', model: 'm' });
    expect(swapped.filter).toEqual({ model: 'm' });
    expect(() => parseQueryExportParams(new URLSearchParams('status=NOPE'))).toThrow();
    expect(parseQueryExportParams(new URLSearchParams('status=OK&q=&low=1'))).toEqual({
      status: 'OK',
      low: '1',
    });
  });

  it('has the trigram search index where pg_trgm can be created (Postgres), and goes without it on the embedded database', async () => {
    const rows = await db().$queryRaw<{ indexname: string }[]>`
      SELECT indexname FROM pg_indexes WHERE tablename = 'query_logs' AND indexname = 'query_logs_question_trgm_idx'`;
    // PGlite ships pg_trgm but the embedded server loads only pgvector: search scans rows there.
    expect(rows).toHaveLength(inject('database') === 'postgres' ? 1 : 0);
  });
});

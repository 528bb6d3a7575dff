// [RAG] Hybrid retrieval on the real database: what a viewer may see, filters, near-duplicates,
// every stage's scores on each passage, and the reranking stage (a provider stub, and its failure).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { retrieval } from '../../lib/config';
import {
  commonLexemeShares,
  corpusVersionAndLexemes,
  documentFrequencies,
  searchChunksByText,
  searchChunksByVector,
} from '../../lib/db/chunks';
import { db } from '../../lib/db/client';
import { bumpCorpusVersion } from '../../lib/db/corpus';
import { refreshLexemeFrequencies } from '../../lib/db/lexeme-frequencies';
import { parseEnv } from '../../lib/env';
import { DocumentStatus } from '../../lib/generated/prisma/enums';
import { ingestFile } from '../../lib/ingest/pipeline';
import type { Submission } from '../../lib/ingest/submit';
import { createProviderReranker, createReranker } from '../../lib/rag/rerank';
import { explainRetrieval, retrievePassages, type Passage } from '../../lib/rag/retrieve';
import { countLexemesNow } from '../support/lexeme-counts';
import { passageSearchPlan } from '../support/passage-search-plan';
import { startRerankStub, type RerankStub } from '../support/rerank-stub';

const bytes = (s: string) => new TextEncoder().encode(s);
const ALICE = 'user-alice';
const BOB = 'user-bob';

const operations = `# Operations guide

## Backups

Take nightly snapshots of the database volume and keep them for thirty days. Restores are tested
every quarter by restoring last night's snapshot into a scratch server.

## Monitoring

Alerts go to the on-call engineer when the error rate stays above two percent for five minutes.
`;

const aliceNotes = `# Alice's notes

## Vault

The vault combination is written on the blue card inside the locked drawer of the archive room.
`;

const billing = `# Billing

## Invoices

Invoices are sent on the first working day of each month by email to the account owner.

## Refunds

Refunds reach the original card within ten working days of the request.
`;

const lexicon = `# Glossary

## Snapshot

A snapshot is a point-in-time copy of a volume, made without stopping the database.

## Quarter

A quarter is three months of the financial year.
`;

const ids: Record<string, string> = {};
const documentOf = (passages: Array<{ documentId: string }>) => new Set(passages.map((p) => p.documentId));

async function ingest(name: string, markdown: string, extra: Omit<Submission, 'fileName' | 'bytes'>) {
  const result = await ingestFile({ fileName: `${name}.md`, bytes: bytes(markdown), ...extra });
  expect(result.status).toBe('READY');
  ids[name] = result.documentId;
}

let stub: RerankStub;

/**
 * One document in each state of the enum, the i-th with i + 1 passages of `text`, ids starting with
 * `${prefix}-doc-`; returns how many passages the READY one has.
 */
async function documentsInEveryState(prefix: string, text: string): Promise<number> {
  const statuses = Object.values(DocumentStatus);
  await db().$transaction(
    statuses.flatMap((status, i) => [
      db().$executeRaw`INSERT INTO documents (id, title, source, content_hash, status, updated_at)
        VALUES (${`${prefix}-doc-${i}`}, 't', ${`${prefix}-${i}`}, ${`${prefix}-${i}`}, ${status}::"DocumentStatus", now())`,
      db().$executeRaw`INSERT INTO chunks (id, document_id, ordinal, text, language)
        SELECT ${`${prefix}-doc-${i}-`} || n, ${`${prefix}-doc-${i}`}, n, ${text}, 'english'
        FROM generate_series(0, ${i}) AS n`,
    ]),
  );
  const ready = statuses.indexOf('READY');
  expect(ready).toBeGreaterThanOrEqual(0);
  return ready + 1;
}

describe(`[RAG] retrieval on ${inject('database')}`, () => {
  beforeAll(async () => {
    await db().document.deleteMany();
    await ingest('operations', operations, { tags: ['ops'] });
    // The same guide again under another name: its passages are near-duplicates of the first's.
    await ingest('operations-copy', `${operations}\n`, { tags: ['ops', 'copy'] });
    await ingest('alice-notes', aliceNotes, { visibility: 'PRIVATE', createdById: ALICE });
    await ingest('billing', billing, { tags: ['finance'] });
    await ingest('glossary', lexicon, {});
    stub = await startRerankStub();
  });

  afterAll(async () => {
    await stub?.close();
  });

  it('sets the HNSW search settings for its own query only, never for the pooled session', async () => {
    // Null on a connection whose session has not loaded pgvector yet.
    const settings = () => db().$queryRaw<Array<{ ef: string | null; scan: string | null }>>`
      SELECT current_setting('hnsw.ef_search', true) AS ef,
             current_setting('hnsw.iterative_scan', true) AS scan`;
    // Inside the search's transaction (here an explicit one, to look): the configured breadth.
    const [found, inside] = await db().$transaction([
      db().$queryRaw<unknown[]>`
        SELECT * FROM nearest_chunks(
          (SELECT embedding FROM chunks WHERE embedding IS NOT NULL LIMIT 1),
          ${retrieval.hnswEfSearch}::int, 3, NULL, NULL, NULL)`,
      settings(),
    ]);
    expect(found).toHaveLength(3);
    expect(inside[0]).toEqual({ ef: String(retrieval.hnswEfSearch), scan: 'relaxed_order' });
    // Searches as the app runs them (autocommit), on several pooled connections at once.
    const [embedding] = await db().$queryRaw<Array<{ e: string }>>`
      SELECT c.embedding::text AS e FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.embedding IS NOT NULL AND d.visibility = 'SHARED' LIMIT 1`;
    const vector = JSON.parse(embedding!.e) as number[];
    const hits = await Promise.all(
      Array.from({ length: 4 }, () =>
        searchChunksByVector({ embedding: vector, limit: 5, scope: { userId: null }, efSearch: 300 }),
      ),
    );
    for (const list of hits) expect(list[0]?.score).toBeCloseTo(1, 5);
    // What a transaction-mode pooler hands the next client: pgvector's defaults, on every connection.
    const after = await Promise.all(Array.from({ length: 4 }, settings));
    for (const [row] of after)
      expect({ ef: row!.ef ?? '40', scan: row!.scan ?? 'off' }).toEqual({ ef: '40', scan: 'off' });
  });

  it('plans each search for its own arguments, never with a generic plan', async () => {
    // From a pooled session's sixth call, PL/pgSQL may reuse a generic plan, which is made without
    // the LIMIT's value and sorts every visible passage by distance instead of walking the graph:
    // 2 s a search over 100,000 passages (docs/BENCHMARKS.md). The functions opt out of it; the
    // passage search never sorts the whole table (the planner, pricing a distance like an addition,
    // chose that at a wide search breadth: 110 ms over 10,000 passages against 8 for the graph), and
    // the text search prices random reads as cached ones, each for its own call only.
    const rows = await db().$queryRaw<Array<{ name: string; config: string[] | null }>>`
      SELECT proname AS name, proconfig AS config FROM pg_proc
      WHERE proname IN ('nearest_chunks', 'nearest_cached_questions', 'bm25_chunks') ORDER BY proname`;
    expect(rows).toEqual([
      { name: 'bm25_chunks', config: ['random_page_cost=1.1', 'plan_cache_mode=force_custom_plan'] },
      { name: 'nearest_cached_questions', config: ['plan_cache_mode=force_custom_plan'] },
      { name: 'nearest_chunks', config: ['plan_cache_mode=force_custom_plan', 'enable_seqscan=off'] },
    ]);
    const [setting] = await db().$queryRaw<Array<{ cost: string }>>`
      SELECT current_setting('random_page_cost') AS cost`;
    expect(setting!.cost).toBe('4');
  });

  it('counts a lexeme only in passages of READY documents, whatever the other states', async () => {
    // A document being re-indexed, queued or failed keeps passages no answer may use; they must not
    // change a term's idf. Every state of the enum, so a new one cannot slip through.
    const ready = await documentsInEveryState('df', 'The quokkalike marsupial grins');
    try {
      const df = await documentFrequencies(['quokkalik', 'marsupi', 'nosuchlexem']);
      expect(Object.fromEntries(df)).toEqual({ quokkalik: ready, marsupi: ready, nosuchlexem: 0 });
    } finally {
      await db().$executeRaw`DELETE FROM documents WHERE id LIKE 'df-doc-%'`;
    }
  });

  it("counts the whole corpus's lexeme frequencies per corpus version, READY passages only", async () => {
    const bump = () => db().$transaction((tx) => bumpCorpusVersion(tx, 'lexeme frequency test'));
    const ready = await documentsInEveryState('lf', 'The wombatlike marsupial digs');
    const question = 'Wombatlike marsupials? nosuchlexeme';
    try {
      const version = await bump();
      expect((await corpusVersionAndLexemes(question, ['english'])).frequencies).toBeNull();

      const counted = await refreshLexemeFrequencies({ minIntervalSeconds: 0 });
      expect(counted?.version).toBe(version);
      expect(counted?.lexemes).toBeGreaterThan(2);
      expect(await refreshLexemeFrequencies({ minIntervalSeconds: 0 })).toBeNull();
      const read = await corpusVersionAndLexemes(question, ['english']);
      expect(read.version).toBe(version);
      expect(Object.fromEntries(read.frequencies!)).toEqual({
        wombatlik: ready,
        marsupi: ready,
        nosuchlexem: 0,
      });
      // The same figures as counting each lexeme through the index, for every lexeme counted.
      const rows = await db().$queryRaw<Array<{ lexeme: string; df: number }>>`
        SELECT lexeme, df FROM lexeme_frequencies WHERE version = ${version}`;
      const exact = await documentFrequencies(rows.map((row) => row.lexeme));
      expect(Object.fromEntries(rows.map((row) => [row.lexeme, row.df]))).toEqual(Object.fromEntries(exact));

      // A change to the corpus: the counts are stale until counted again, at most once per interval.
      const next = await bump();
      expect((await corpusVersionAndLexemes(question, ['english'])).frequencies).toBeNull();
      expect(await refreshLexemeFrequencies({ minIntervalSeconds: 3600 })).toBeNull();
      // Nor sooner than 30 times the last count's own duration: 200 s → 100 minutes.
      const lastCount = (ago: string) => db().$executeRaw`
        UPDATE system_state SET value = value || '{"seconds": 200}'::jsonb, updated_at = now() - ${ago}::interval
        WHERE key = 'lexeme_frequencies'`;
      await lastCount('1 hour');
      expect(await refreshLexemeFrequencies({ minIntervalSeconds: 0 })).toBeNull();
      await lastCount('2 hours');
      const recounted = await refreshLexemeFrequencies({ minIntervalSeconds: 0 });
      expect(recounted?.version).toBe(next);
      const [marker] = await db().$queryRaw<Array<{ seconds: number }>>`
        SELECT (value->>'seconds')::float8 AS seconds FROM system_state WHERE key = 'lexeme_frequencies'`;
      expect(marker!.seconds).toBeCloseTo(recounted!.seconds, 6);
      const versions = await db().$queryRaw<Array<{ version: number }>>`
        SELECT DISTINCT version FROM lexeme_frequencies`;
      expect(versions).toEqual([{ version: next }]);
    } finally {
      await db().$executeRaw`DELETE FROM documents WHERE id LIKE 'lf-doc-%'`;
      await bump();
    }
  });

  it("reads a question's lexeme frequencies from the corpus's count while it is current", async () => {
    const question = 'vault';
    const viewer = { userId: ALICE };
    expect((await explainRetrieval({ question, viewer })).text.length).toBeGreaterThan(0);
    const bump = () => db().$transaction((tx) => bumpCorpusVersion(tx, 'lexeme frequency test'));
    await bump();
    await countLexemesNow();
    // Take the lexeme out of the count: the text search now takes it for a word no passage holds.
    await db().$executeRaw`DELETE FROM lexeme_frequencies WHERE lexeme = 'vault'`;
    try {
      expect((await explainRetrieval({ question, viewer })).text).toEqual([]);
    } finally {
      await bump();
    }
    // A newer corpus version than the count: the question counts its lexemes itself.
    expect((await explainRetrieval({ question, viewer })).text.length).toBeGreaterThan(0);
    await countLexemesNow();
  });

  it('walks the HNSW index for the passage search: half precision on a server, full embedded', async () => {
    // On a server the index is built over the embeddings cast to halfvec(384), a graph half the
    // size; the embedded database (WebAssembly, no hardware half-precision conversion) keeps the
    // full-precision one. The search must order by the indexed expression, or the planner cannot
    // use the index and sorts every passage instead. Scores come from the full-precision column.
    const plan = await passageSearchPlan(384);
    expect(plan).toMatch(/Index Scan using chunks_embedding_hnsw_idx on chunks c/);
    expect(plan).toMatch(
      inject('database') === 'postgres'
        ? /Order By: \(\(embedding\)::halfvec\(384\) <=> /
        : /Order By: \(embedding <=> /,
    );
    const embedding = Array.from({ length: 384 }, (_, i) => ((i % 7) + 1) / 10);
    const [best] = await searchChunksByVector({ embedding, limit: 5, scope: { userId: null }, efSearch: 40 });
    const [exact] = await db().$queryRaw<Array<{ score: number }>>`
      SELECT 1 - (embedding <=> ${`[${embedding.join(',')}]`}::vector) AS score FROM chunks WHERE id = ${best!.id}`;
    expect(best!.score).toBe(exact!.score);
  });

  it("keeps a private document out of everyone's answers but its owner's", async () => {
    const question = 'Where is the vault combination written?';
    const own = await retrievePassages({ question, viewer: { userId: ALICE } });
    expect(own.passages[0]?.documentId).toBe(ids['alice-notes']);

    for (const viewer of [{ userId: BOB }, { userId: null }]) {
      const explained = await explainRetrieval({ question, viewer, topK: 20 });
      const seen = [...explained.vector, ...explained.text, ...explained.fused, ...explained.passages];
      expect(seen.length).toBeGreaterThan(0);
      expect(documentOf(seen).has(ids['alice-notes']!)).toBe(false);
    }
  });

  it('filters by tags and by document ids', async () => {
    const question = 'When are invoices and refunds sent?';
    const byTag = await retrievePassages({ question, viewer: { userId: null }, filters: { tags: ['ops'] } });
    expect(byTag.passages.length).toBeGreaterThan(0);
    expect(documentOf(byTag.passages)).not.toContain(ids.billing);
    for (const id of documentOf(byTag.passages))
      expect([ids.operations, ids['operations-copy']]).toContain(id);

    const finance = await retrievePassages({
      question,
      viewer: { userId: null },
      filters: { tags: ['finance', 'no-such-tag'] },
    });
    expect([...documentOf(finance.passages)]).toEqual([ids.billing]);

    // A selective filter still fills the list: every passage of the one allowed document comes back.
    const chunks = await db().chunk.count({ where: { documentId: ids.glossary } });
    const only = await explainRetrieval({
      question: 'invoices refunds card',
      viewer: { userId: null },
      filters: { documentIds: [ids.glossary!] },
      topK: 10,
    });
    expect(only.vector).toHaveLength(chunks);
    expect(documentOf(only.passages)).toEqual(new Set([ids.glossary]));

    // A filter naming only someone else's private document finds nothing.
    const hidden = await retrievePassages({
      question: 'vault combination',
      viewer: { userId: BOB },
      filters: { documentIds: [ids['alice-notes']!] },
    });
    expect(hidden.passages).toEqual([]);
  });

  it('drops near-duplicates and says which passage each one repeats', async () => {
    const explained = await explainRetrieval({
      question: 'How long are nightly snapshots kept?',
      viewer: { userId: null },
      topK: 10,
    });
    expect(explained.duplicates.length).toBeGreaterThan(0);
    const passageIds = new Set(explained.passages.map((p) => p.id));
    const texts = explained.passages.map((p) => p.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const duplicate of explained.duplicates) {
      expect(passageIds.has(duplicate.id)).toBe(false);
      const original = explained.fused.find((f) => f.id === duplicate.duplicateOf)!;
      expect(original.text.trim()).toBe(duplicate.text.trim());
      expect(original.rank).toBeLessThan(duplicate.rank);
    }
  });

  it('puts passages that score the same in the order of their sources, however they were ingested', async () => {
    // Two passages that differ by one word the question does not use: the same BM25 score. Ingested
    // z first, so ids and storage order follow ingestion; the order of equal scores must not.
    const text = (word: string) =>
      `# Okapiform notes\n\nThe okapiform zanzibarine ledger is reconciled every ${word} fortnight.\n`;
    await ingest('tie-z', text('alpha'), {});
    await ingest('tie-a', text('bravo'), {});
    try {
      const { text: byText } = await explainRetrieval({
        question: 'When is the okapiform zanzibarine ledger reconciled?',
        viewer: { userId: null },
      });
      const tied = byText.filter((p) => p.documentId === ids['tie-a'] || p.documentId === ids['tie-z']);
      expect(tied).toHaveLength(2);
      expect(tied[0]!.score).toBe(tied[1]!.score);
      expect(tied.map((p) => p.documentId)).toEqual([ids['tie-a'], ids['tie-z']]);
    } finally {
      await db().document.deleteMany({ where: { id: { in: [ids['tie-a']!, ids['tie-z']!] } } });
    }
  });

  it('gives every passage its rank and score from each stage that saw it', async () => {
    const explained = await explainRetrieval({
      question: 'How long are nightly snapshots kept?',
      viewer: { userId: null },
    });
    expect(explained.passages[0]?.headingPath).toContain('Backups');
    expect(explained.passages.map((p) => p.n)).toEqual(explained.passages.map((_, i) => i + 1));
    for (const passage of explained.passages) {
      const fused = explained.fused.find((f) => f.id === passage.id)!;
      expect(passage.scores.fused).toEqual({ rank: fused.rank, score: fused.score });
      expect(passage.scores.vector ?? passage.scores.text).toBeDefined();
      const vector = explained.vector.find((v) => v.id === passage.id);
      expect(passage.scores.vector).toEqual(vector ? { rank: vector.rank, score: vector.score } : undefined);
      const text = explained.text.find((t) => t.id === passage.id);
      expect(passage.scores.text).toEqual(text ? { rank: text.rank, score: text.score } : undefined);
    }
    // Each stage's list is in rank order with falling scores.
    for (const list of [explained.vector, explained.text, explained.fused]) {
      expect(list.map((h) => h.rank)).toEqual(list.map((_, i) => i + 1));
      for (let i = 1; i < list.length; i++) expect(list[i]!.score).toBeLessThanOrEqual(list[i - 1]!.score);
    }
    expect(explained.reranked).toBeNull(); // the default configuration has no reranker
    expect(explained.timingsMs.total).toBeGreaterThan(0);
  });

  it('uses the configured reranking provider, and its order wins', async () => {
    const settings = parseEnv({
      RERANK_BASE_URL: stub.url,
      RERANK_API_KEY: 'rk-test',
      RERANK_MODEL: 'stub-rerank',
    });
    const reranker = createReranker(settings)!;
    expect(reranker.id).toBe('provider:stub-rerank');
    stub.mode({ ok: true });
    stub.preferWord('quarter');
    stub.requests.length = 0;

    const question = 'How long are nightly snapshots kept?';
    const explained = await explainRetrieval({ question, viewer: { userId: null } }, { reranker });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]!.authorization).toBe('Bearer rk-test');
    expect(stub.requests[0]!.body).toMatchObject({ model: 'stub-rerank', query: question });
    expect(explained.reranked).not.toBeNull();
    // The stub puts passages mentioning "quarter" first, whatever fusion thought.
    const first: Passage = explained.passages[0]!;
    expect(first.text.toLowerCase()).toContain('quarter');
    expect(first.scores.rerank).toEqual({ rank: 1, score: 0.9 });
    for (const passage of explained.passages) expect(passage.scores.rerank).toBeDefined();
  });

  it('falls back to the fused order when the provider fails or is too slow', async () => {
    const question = 'How long are nightly snapshots kept?';
    const plain = await retrievePassages({ question, viewer: { userId: null } }, { reranker: null });
    const reranker = createProviderReranker({ baseUrl: stub.url, model: 'stub-rerank', timeoutMs: 300 });

    stub.mode({ status: 503 });
    const failed = await explainRetrieval({ question, viewer: { userId: null } }, { reranker });
    expect(failed.reranked).toBeNull();
    expect(failed.passages.map((p) => p.id)).toEqual(plain.passages.map((p) => p.id));
    expect(failed.passages.every((p) => p.scores.rerank === undefined)).toBe(true);

    stub.mode({ delayMs: 2_000 });
    const started = performance.now();
    const slow = await retrievePassages({ question, viewer: { userId: null } }, { reranker });
    expect(performance.now() - started).toBeLessThan(1_900);
    expect(slow.passages.map((p) => p.id)).toEqual(plain.passages.map((p) => p.id));
    stub.mode({ ok: true });
  });
});

describe(`[RAG] full-text ranking on ${inject('database')}`, () => {
  it("counts the words of a passage's document title, and follows the title when it changes", async () => {
    await db().document.deleteMany();
    const body = '## Zones\n\nParcels to zone four cost nine euros and arrive within three days.\n';
    await ingest('tariff', `# Tariff rules\n\n${body}`, {});
    await ingest('shipping', `# Shipping rules\n\n${body}`, {});
    // A word that occurs only in titles is no search term (no passage holds it); here one passage does.
    await ingest('notes', '# Notes\n\n## Print\n\nThe tariff sheet is printed every year.\n', {});
    const question = 'What is the tariff for zone four?';
    const textRanking = async () =>
      (await explainRetrieval({ question, viewer: { userId: null } })).text
        .filter((hit) => hit.documentId !== ids.notes)
        .map((hit) => ({ documentId: hit.documentId, score: hit.score }));

    // Both passages hold "zone" and "four"; only one document's title holds "tariff".
    const before = await textRanking();
    expect(before.map((hit) => hit.documentId)).toEqual([ids.tariff, ids.shipping]);
    expect(before[0]!.score).toBeGreaterThan(before[1]!.score);

    await db().document.update({ where: { id: ids.tariff }, data: { title: 'Shipping rules' } });
    await db().document.update({ where: { id: ids.shipping }, data: { title: 'Tariff rules' } });
    const after = await textRanking();
    expect(after.map((hit) => hit.documentId)).toEqual([ids.shipping, ids.tariff]);
    expect(after[0]!.score).toBeCloseTo(before[0]!.score, 9);
  });

  it('analyses a question in a language the corpus gained since the last question', async () => {
    // Asked first with an English-only corpus: the question's lexemes come from English analysis.
    const question = 'Welche Kündigungsfrist gilt für Verträge?';
    const before = await explainRetrieval({ question, viewer: { userId: null } });
    expect(before.text).toEqual([]);
    await ingest('vertraege', '# Verträge\n\n## Fristen\n\nDie Kündigungsfristen betragen drei Monate.\n', {
      language: 'german',
    });
    // German analysis finds "kundigungsfrist" in the new document; English would look for "kündigungsfrist".
    const after = await explainRetrieval({ question, viewer: { userId: null } });
    expect(after.text.map((hit) => hit.documentId)).toEqual([ids.vertraege]);
  });

  it("reads each common lexeme's share of passages from the planner's statistics once analysed", async () => {
    await db().$executeRawUnsafe('ANALYZE chunks');
    const shares = await commonLexemeShares();
    const [row] = await db().$queryRaw<Array<{ zone: bigint; total: bigint }>>`
      SELECT count(*) FILTER (WHERE tsv @@ 'zone'::tsquery) AS zone, count(*) AS total FROM chunks`;
    expect(Number(row!.zone)).toBe(2);
    // A table this small is analysed whole: the share is exact.
    expect(shares.get('zone')).toBeCloseTo(Number(row!.zone) / Number(row!.total), 6);
  });

  it("scores a passage by BM25 over its own and its title's occurrences of the terms, headings counting more", async () => {
    await ingest(
      'freight',
      '# Freight zones\n\n## Zone surcharges\n\nEach zone adds a surcharge; the outer zone adds two.\n\n' +
        '## Pallets\n\nA pallet ships at the pallet rate, whatever its zone.\n',
      {},
    );
    const terms = [
      { lexeme: 'zone', idf: 0.7, df: 3 },
      { lexeme: 'surcharg', idf: 2.1, df: 1 },
      { lexeme: 'pallet', idf: 1.9, df: 1 },
    ];
    const bm25 = { k1: 1.2, b: 0.75, headingWeight: 2 };
    const avgLength = 9;
    const hits = await searchChunksByText({
      terms,
      limit: 10,
      scope: { userId: null, documentIds: [ids.freight!] },
      avgLength,
      bm25,
      rescoreCandidates: 10,
      candidateMatches: 1_000_000,
    });

    // The textbook formula over each passage's own lexemes (title and passage), read straight from the table.
    const rows = await db().$queryRaw<Array<{ id: string; len: number; lexeme: string; weights: string[] }>>`
      SELECT c.id, length(c.tsv) AS len, u.lexeme, u.weights::text[] AS weights
      FROM chunks c JOIN documents d ON d.id = c.document_id
      CROSS JOIN unnest(coalesce(d.title_tsv, '') || c.tsv) AS u
      WHERE d.id = ${ids.freight} AND u.lexeme = ANY(${terms.map((t) => t.lexeme)})`;
    const expected = new Map<string, number>();
    for (const row of rows) {
      const term = terms.find((t) => t.lexeme === row.lexeme)!;
      const tf = row.weights.reduce((sum, w) => sum + (w === 'A' ? bm25.headingWeight : 1), 0);
      const norm = 1 - bm25.b + (bm25.b * row.len) / avgLength;
      expected.set(
        row.id,
        (expected.get(row.id) ?? 0) + (term.idf * tf * (bm25.k1 + 1)) / (tf + bm25.k1 * norm),
      );
    }
    expect(hits).toHaveLength(2);
    expect(hits.map((hit) => hit.id).sort()).toEqual([...expected.keys()].sort());
    for (const hit of hits) expect(hit.score).toBeCloseTo(expected.get(hit.id)!, 9);
    // "zone" is in the title, a heading and the text of the first passage: counted more than once.
    expect(
      rows.some((row) => row.lexeme === 'zone' && row.weights.includes('A') && row.weights.length > 2),
    ).toBe(true);
  });
});

// [CACHE] The answer cache on the real database: exact and paraphrase hits, a miss for each kind of
// near-miss, no hit across visibility scopes or filters, misses after the corpus changes, invalidation
// when a cited document is deleted, expiry and the sweep, and the hit counter.
import { randomUUID } from 'node:crypto';
import { embed } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { getModels } from '../../lib/ai/models';
import {
  invalidateAnswersCiting,
  lookupCachedAnswer,
  purgeExpiredAnswers,
  storeCachedAnswer,
  type AnswerCacheRequest,
} from '../../lib/cache/answer-cache';
import { answerCache } from '../../lib/config';
import { db } from '../../lib/db/client';
import { getCorpusVersion } from '../../lib/db/corpus';
import { answerCacheScope } from '../../lib/db/answer-cache';
import { deleteDocument } from '../../lib/db/documents';
import { upsertUser } from '../../lib/db/users';
import { ingestFile } from '../../lib/ingest/pipeline';
import { ask, completeAnswer } from '../../lib/rag/ask';
import type { AnswerSource } from '../../lib/rag/sources';

const ALICE = 'cache-user-alice';
const BOB = 'cache-user-bob';
const CAROL = 'cache-user-carol';
const ROUTE = 'local-extractive';

const operations = `# Backups

Snapshots of the database volume are taken every night and kept for thirty days. The backup job
supports incremental snapshots; restores are tested every quarter by restoring into a scratch server.
`;
const billing = `# Billing

Invoices are sent on the first working day of each month; refunds reach the card within ten working days.
`;
const aliceNotes = `# Alice's notes

The vault combination is on the blue card in the archive room.
`;

const docs: Record<string, string> = {};

async function ingest(
  name: string,
  markdown: string,
  extra: { visibility?: 'PRIVATE'; createdById?: string; tags?: string[] } = {},
) {
  const result = await ingestFile({
    fileName: `cache-${name}.md`,
    bytes: new TextEncoder().encode(markdown),
    ...extra,
  });
  expect(result.status).toBe('READY');
  docs[name] = result.documentId;
}

function source(documentId: string, n = 1): AnswerSource {
  return {
    n,
    chunkId: `chunk-${documentId}`,
    documentId,
    title: 'Backups',
    source: 'cache-operations.md',
    label: 'cache-operations.md › Backups',
    headingPath: 'Backups',
    page: null,
    score: 0.5,
    text: 'Snapshots are kept for thirty days.',
  };
}

async function request(
  question: string,
  extra: Partial<AnswerCacheRequest> = {},
): Promise<AnswerCacheRequest> {
  return {
    question,
    viewer: { userId: BOB },
    modelRoute: ROUTE,
    followUp: false,
    corpusVersion: await getCorpusVersion(),
    ...extra,
  };
}

async function store(
  question: string,
  extra: Partial<AnswerCacheRequest> = {},
  sources = [source(docs.operations!)],
) {
  const stored = await storeCachedAnswer({
    ...(await request(question, extra)),
    answer: `Answer to: ${question}`,
    sources,
    model: ROUTE,
    metadata: { confidence: 0.95 },
  });
  expect(stored).not.toBeNull();
  return stored!.entryId;
}

async function similarity(a: string, b: string): Promise<number> {
  const { model } = getModels().embedding;
  const [{ embedding: x }, { embedding: y }] = await Promise.all([
    embed({ model, value: a }),
    embed({ model, value: b }),
  ]);
  return x.reduce((sum, value, i) => sum + value * y[i]!, 0);
}

describe(`[CACHE] answer cache on ${inject('database')}`, () => {
  beforeAll(async () => {
    await ingest('operations', operations, { tags: ['ops'] });
    await ingest('billing', billing, { tags: ['finance'] });
    await ingest('alice', aliceNotes, { visibility: 'PRIVATE', createdById: ALICE });
  });

  beforeEach(async () => {
    await db().answerCacheEntry.deleteMany();
  });

  afterAll(async () => {
    await db().answerCacheEntry.deleteMany();
    await db().document.deleteMany({ where: { id: { in: Object.values(docs) } } });
  });

  it('[CACHE] serves the same question again, whatever its case, spacing and closing punctuation', async () => {
    const entryId = await store('How long are snapshots kept?');
    const hit = await lookupCachedAnswer(await request('  how long are SNAPSHOTS   kept ?? '));
    expect(hit).toMatchObject({
      entryId,
      kind: 'exact',
      similarity: 1,
      answer: 'Answer to: How long are snapshots kept?',
      model: ROUTE,
      metadata: { confidence: 0.95 },
      cachedQuestion: 'How long are snapshots kept?',
    });
    expect(hit!.sources).toEqual([source(docs.operations!)]);
  });

  it('[CACHE] serves a paraphrase through the semantic lookup', async () => {
    const entryId = await store('Does the backup job support incremental snapshots?');
    const hit = await lookupCachedAnswer(
      await request('Are incremental snapshots supported by the backup job?'),
    );
    expect(hit).toMatchObject({ entryId, kind: 'semantic' });
    expect(hit!.similarity).toBeGreaterThanOrEqual(answerCache.semantic.minSimilarity.localEmbedding);
  });

  it.each([
    [
      'negation',
      'Does the backup job support incremental snapshots?',
      'Does the backup job not support incremental snapshots?',
    ],
    [
      'number',
      'Are the nightly snapshots of the database volume kept for thirty days by the incremental backup job?',
      'Are the nightly snapshots of the database volume kept for sixty days by the incremental backup job?',
    ],
    [
      'entity',
      "Can Alice restore last night's snapshot of the database volume into the scratch server?",
      "Can Carol restore last night's snapshot of the database volume into the scratch server?",
    ],
    [
      'product',
      'Does the incremental backup job summarise the nightly snapshots of the database volume with gpt-4o?',
      'Does the incremental backup job summarise the nightly snapshots of the database volume with gpt-4o-mini?',
    ],
    [
      'direction',
      'What is the maximum size of a nightly snapshot of the database volume?',
      'What is the minimum size of a nightly snapshot of the database volume?',
    ],
  ])('[CACHE] refuses a %s near-miss that the embedding finds similar', async (_kind, cached, asked) => {
    // The threshold alone would let each of these through: the guards are what refuses them.
    expect(await similarity(cached, asked)).toBeGreaterThanOrEqual(
      answerCache.semantic.minSimilarity.localEmbedding,
    );
    await store(cached);
    expect(await lookupCachedAnswer(await request(asked))).toBeNull();
    expect(await lookupCachedAnswer(await request(cached))).toMatchObject({ kind: 'exact' });
  });

  it('[CACHE] never shares an answer between viewers who see different documents', async () => {
    // Bob and Carol see the shared documents only: one scope. Alice also sees her private notes.
    await store('Where is the vault combination written?', { viewer: { userId: BOB } });
    expect(
      await lookupCachedAnswer(
        await request('Where is the vault combination written?', { viewer: { userId: CAROL } }),
      ),
    ).not.toBeNull();
    expect(
      await lookupCachedAnswer(
        await request('Where is the vault combination written?', { viewer: { userId: ALICE } }),
      ),
    ).toBeNull();

    await store('What is on the blue card?', { viewer: { userId: ALICE } }, [source(docs.alice!)]);
    for (const userId of [BOB, CAROL, null]) {
      expect(
        await lookupCachedAnswer(await request('What is on the blue card?', { viewer: { userId } })),
      ).toBeNull();
    }
    expect(
      await lookupCachedAnswer(await request('What is on the blue card?', { viewer: { userId: ALICE } })),
    ).toMatchObject({
      kind: 'exact',
    });
  });

  it("[CACHE] reads the corpus version and the viewer's private documents in one query, as the answer path keys on them", async () => {
    expect(await answerCacheScope(ALICE)).toEqual({
      corpusVersion: await getCorpusVersion(),
      privateDocumentIds: [docs.alice!],
    });
    for (const userId of [BOB, null])
      expect(await answerCacheScope(userId)).toEqual({
        corpusVersion: await getCorpusVersion(),
        privateDocumentIds: [],
      });
    // Given with the request, the scope is not read again: Alice's answer under Bob's scope is Bob's.
    await store('Who keeps the vault combination?', { viewer: { userId: ALICE } });
    const asBob = await request('Who keeps the vault combination?', { viewer: { userId: BOB } });
    expect(await lookupCachedAnswer(asBob)).toBeNull();
    expect(
      await lookupCachedAnswer({ ...asBob, viewer: { userId: ALICE }, privateDocumentIds: [] }),
    ).toBeNull();
    expect(
      await lookupCachedAnswer({ ...asBob, viewer: { userId: ALICE }, privateDocumentIds: [docs.alice!] }),
    ).toMatchObject({ kind: 'exact' });
  });

  it('[CACHE] keys answers by the retrieval filters and the model route', async () => {
    await store('When are invoices sent?', { filters: { tags: ['finance'] } });
    expect(await lookupCachedAnswer(await request('When are invoices sent?'))).toBeNull();
    expect(
      await lookupCachedAnswer(await request('When are invoices sent?', { filters: { tags: ['ops'] } })),
    ).toBeNull();
    expect(
      await lookupCachedAnswer(
        await request('When are invoices sent?', { filters: { documentIds: [docs.billing!] } }),
      ),
    ).toBeNull();
    expect(
      await lookupCachedAnswer(await request('When are invoices sent?', { filters: { tags: ['finance'] } })),
    ).not.toBeNull();
    expect(
      await lookupCachedAnswer(
        await request('When are invoices sent?', {
          filters: { tags: ['finance'] },
          modelRoute: 'small:gpt-4o-mini',
        }),
      ),
    ).toBeNull();
  });

  it('[CACHE] skips follow-ups that depend on the conversation', async () => {
    expect(
      await storeCachedAnswer({
        ...(await request('And on Linux?', { followUp: true })),
        answer: 'x',
        sources: [],
        model: ROUTE,
      }),
    ).toBeNull();
    await store('How long are snapshots kept?');
    expect(
      await lookupCachedAnswer(await request('How long are snapshots kept?', { followUp: true })),
    ).toBeNull();
  });

  it('[CACHE] misses once the corpus version moves, and never files an answer under a newer version', async () => {
    const before = await getCorpusVersion();
    await store('When do refunds reach the card?');
    await ingest('glossary', '# Glossary\n\nA snapshot is a point-in-time copy of a volume.\n');
    const after = await getCorpusVersion();
    expect(after).toBeGreaterThan(before);
    expect(await lookupCachedAnswer(await request('When do refunds reach the card?'))).toBeNull();
    // An answer built from the corpus as it was before the change is not stored.
    const stale = await storeCachedAnswer({
      ...(await request('When do refunds reach the card?', { corpusVersion: before })),
      answer: 'old',
      sources: [],
      model: ROUTE,
    });
    expect(stale).toBeNull();
    // The sweep removes what was filed under the old version.
    expect(await purgeExpiredAnswers()).toBeGreaterThanOrEqual(1);
    expect(await db().answerCacheEntry.count()).toBe(0);
  });

  it('[CACHE] drops the answers citing a deleted document, and keeps the others', async () => {
    await store('How often are restores tested?', {}, [source(docs.operations!)]);
    await store('When are invoices sent?', {}, [source(docs.billing!)]);
    await store('Which guides cover backups and invoices?', {}, [
      source(docs.operations!, 1),
      source(docs.billing!, 2),
    ]);

    // Even before the invalidation runs, an answer citing a document that is gone is never served.
    await db().$executeRaw`UPDATE documents SET status = 'FAILED' WHERE id = ${docs.billing!}`;
    expect(await lookupCachedAnswer(await request('When are invoices sent?'))).toBeNull();
    await db().$executeRaw`UPDATE documents SET status = 'READY' WHERE id = ${docs.billing!}`;
    expect(await lookupCachedAnswer(await request('When are invoices sent?'))).not.toBeNull();

    // Deleting a document drops the answers citing it in the same transaction.
    await deleteDocument(docs.billing!);
    expect(await invalidateAnswersCiting([docs.billing!])).toBe(0);
    const left = await db().answerCacheEntry.findMany({ select: { question: true } });
    expect(left.map((entry) => entry.question)).toEqual(['How often are restores tested?']);
    await ingest('billing', billing, { tags: ['finance'] });
  });

  it('[CACHE] never serves an expired answer, and the sweep removes it', async () => {
    await storeCachedAnswer({
      ...(await request('How long are snapshots kept?')),
      answer: 'Thirty days.',
      sources: [source(docs.operations!)],
      model: ROUTE,
      ttlSeconds: 0,
    });
    await store('When are invoices sent?');
    expect(await lookupCachedAnswer(await request('How long are snapshots kept?'))).toBeNull();
    expect(await purgeExpiredAnswers()).toBe(1);
    const left = await db().answerCacheEntry.findMany({ select: { question: true } });
    expect(left.map((entry) => entry.question)).toEqual(['When are invoices sent?']);
  });

  it('[CACHE] counts each hit on its entry', async () => {
    const entryId = await store('Does the backup job support incremental snapshots?');
    await lookupCachedAnswer(await request('Does the backup job support incremental snapshots?'));
    await lookupCachedAnswer(await request('Are incremental snapshots supported by the backup job?'));
    await lookupCachedAnswer(await request('Does the backup job not support incremental snapshots?'));
    // Counted after the answer is served.
    await expect
      .poll(async () => (await db().answerCacheEntry.findUniqueOrThrow({ where: { id: entryId } })).hits)
      .toBe(2);
    const entry = await db().answerCacheEntry.findUniqueOrThrow({ where: { id: entryId } });
    expect(entry.lastHitAt).toBeInstanceOf(Date);
    // Hits served together are counted together, each of them.
    const asked = await request('Does the backup job support incremental snapshots?');
    await Promise.all(Array.from({ length: 10 }, () => lookupCachedAnswer(asked)));
    await expect
      .poll(async () => (await db().answerCacheEntry.findUniqueOrThrow({ where: { id: entryId } })).hits)
      .toBe(12);
  });

  it("[CACHE] looks a chat's first question up while its conversation opens, never for a follow-up", async () => {
    const user = await upsertUser({ email: 'cache-chat@example.test', role: 'USER', passwordHash: 'x' });
    const question = 'How long are snapshots kept?';
    const entryId = await store(question, { viewer: { userId: user.id } });
    const hits = async () => (await db().answerCacheEntry.findUniqueOrThrow({ where: { id: entryId } })).hits;
    const chat = async (conversationId: string) =>
      completeAnswer(
        await ask({
          question,
          requestId: `req-${randomUUID()}`,
          route: 'chat',
          user,
          conversationId,
          createConversation: true,
          opensConversation: true,
        }),
      );
    const logOf = async (queryLogId: string | null) =>
      db().queryLog.findUniqueOrThrow({
        where: { id: queryLogId! },
        select: { cacheHit: true, cacheEntryId: true },
      });
    // The first question of a new conversation: answered from the cache, the hit counted once.
    const conversationId = randomUUID();
    const first = await chat(conversationId);
    expect(await logOf(first.queryLogId)).toEqual({ cacheHit: true, cacheEntryId: entryId });
    await expect.poll(hits).toBe(1);
    // The same question again in that conversation, the client wrongly saying it opens it: the
    // conversation has a turn, so this is a follow-up, answered from the documents and not counted.
    const again = await chat(conversationId);
    expect(await logOf(again.queryLogId)).toEqual({ cacheHit: false, cacheEntryId: null });
    await new Promise((resolve) => setTimeout(resolve, 300)); // a stray count would land by now
    expect(await hits()).toBe(1);
  });

  it('[CACHE] replaces the entry when the same question is answered again', async () => {
    const first = await store('How long are snapshots kept?');
    await lookupCachedAnswer(await request('How long are snapshots kept?'));
    const second = await store('How long are snapshots kept?');
    expect(second).toBe(first);
    const entry = await db().answerCacheEntry.findUniqueOrThrow({ where: { id: first } });
    expect(entry.hits).toBe(0);
    expect(await db().answerCacheEntry.count()).toBe(1);
  });
});

// The answer cache of the answer path: before retrieval, an answer already given to the same question
// (exact) or to one close enough that the guards cannot tell them apart (semantic); after a complete
// answer, storing it. Keyed by the corpus version, the model route and what the asker may see, so an
// answer never reaches someone who could not have got it, and never outlives the documents it cites.
// A failure here never fails a question: lookups then miss and stores are skipped, with a warning.
import 'server-only';
import { getModels } from '@/lib/ai/models';
import {
  deleteAnswersCiting,
  deleteStaleAnswers,
  nearestCachedQuestions,
  privateReadyDocumentIds,
  putCachedAnswer,
  countHit,
  findExactAnswer,
  findServableAnswer,
  type CachedAnswerRow,
} from '@/lib/db/answer-cache';
import { getCorpusVersion } from '@/lib/db/corpus';
import { log } from '@/lib/observability/logger';
import type { RetrievalFilters } from '@/lib/rag/retrieve';
import type { AnswerSource } from '@/lib/rag/sources';
import { compareQuestions } from './guards';
import { questionHash } from './normalise';
import { questionEmbedding } from './question-embedding';
import { scopeHash } from './scope';
import { answerCache } from '@/lib/config';

/** One question as the cache sees it. */
export type AnswerCacheRequest = {
  /** The question as asked, already validated (lib/rag/question.ts). */
  question: string;
  /** Who asks: their private documents are part of the key. */
  viewer: { userId: string | null };
  /** The retrieval filters of the request, part of the key. */
  filters?: RetrievalFilters;
  /** The model route that answers, e.g. "small:gpt-4o-mini" or "local-extractive". */
  modelRoute: string;
  /** A follow-up that depends on the conversation: never looked up, never stored. */
  followUp: boolean;
  /**
   * The corpus version read before retrieval (getCorpusVersion in lib/db/corpus.ts). An answer is
   * stored only while the corpus is still at this version, so one built from documents that changed
   * meanwhile is never filed under the new version.
   */
  corpusVersion: number;
  /**
   * The viewer's private ready documents, read with the corpus version (answerCacheScope in
   * lib/db/answer-cache.ts); read again when absent.
   */
  privateDocumentIds?: string[];
};

export type CachedAnswer = {
  /** The cache entry, for the query log. */
  entryId: string;
  answer: string;
  sources: AnswerSource[];
  /** The model id that gave the answer. */
  model: string;
  /** The metadata stored with the answer. */
  metadata: Record<string, unknown>;
  kind: 'exact' | 'semantic';
  /** Cosine similarity of the two questions' embeddings; 1 for an exact hit. */
  similarity: number;
  /** The question the answer was given to. */
  cachedQuestion: string;
};

export type AnswerToCache = AnswerCacheRequest & {
  answer: string;
  sources: AnswerSource[];
  /** The model id that gave the answer. */
  model: string;
  metadata?: Record<string, unknown>;
  /** How long the answer may be served; answerCache.ttlSeconds when omitted. */
  ttlSeconds?: number;
  /** The query-log row of the question answered, so a GDPR erasure of its asker finds the entry. */
  queryLogId?: string | null;
};

type Key = { scopeHash: string; modelRoute: string; corpusVersion: number; questionHash: string };

async function keyOf(request: AnswerCacheRequest): Promise<Key> {
  const privateDocumentIds =
    request.privateDocumentIds ?? (await privateReadyDocumentIds(request.viewer.userId));
  return {
    scopeHash: scopeHash({ privateDocumentIds, filters: request.filters }),
    modelRoute: request.modelRoute,
    corpusVersion: request.corpusVersion,
    questionHash: questionHash(request.question),
  };
}

function minSimilarity(local: boolean): number {
  const { localEmbedding, providerEmbedding } = answerCache.semantic.minSimilarity;
  return local ? localEmbedding : providerEmbedding;
}

function toCachedAnswer(row: CachedAnswerRow, kind: CachedAnswer['kind'], similarity: number): CachedAnswer {
  return {
    entryId: row.id,
    answer: row.answer,
    sources: Array.isArray(row.sources) ? (row.sources as AnswerSource[]) : [],
    model: row.model,
    metadata:
      row.metadata && typeof row.metadata === 'object' ? (row.metadata as Record<string, unknown>) : {},
    kind,
    similarity,
    cachedQuestion: row.question,
  };
}

/** A hit, counted on its entry in the background when `count` (else the caller counts the one it uses). */
function served(
  row: CachedAnswerRow,
  kind: CachedAnswer['kind'],
  similarity: number,
  count: boolean,
): CachedAnswer {
  const hit = toCachedAnswer(row, kind, similarity);
  if (count) countCachedAnswerHit(hit);
  return hit;
}

/** Counts a hit on its entry (group commit; a failure is logged, never thrown). */
export function countCachedAnswerHit(hit: CachedAnswer): void {
  countHit(hit.entryId).catch((error: unknown) =>
    log().warn({ err: error }, 'could not count an answer cache hit'),
  );
}

async function semanticLookup(
  request: AnswerCacheRequest,
  key: Key,
  count: boolean,
): Promise<CachedAnswer | null> {
  const { embedding: model } = getModels();
  const embedding = await questionEmbedding(model, request.question);
  const threshold = minSimilarity(model.local);
  const candidates = await nearestCachedQuestions({
    ...key,
    embedding,
    embeddingModel: model.id,
    limit: answerCache.semantic.candidates,
    efSearch: answerCache.semantic.efSearch,
  });
  for (const candidate of candidates) {
    if (candidate.similarity < threshold) break;
    const verdict = compareQuestions(request.question, candidate.question, {
      requireAlignedWords: answerCache.semantic.requireAlignedWords,
    });
    if (!verdict.ok) {
      log().debug(
        { entryId: candidate.id, similarity: candidate.similarity, guard: verdict.guard },
        'semantic cache candidate refused by a guard',
      );
      continue;
    }
    const row = await findServableAnswer(candidate.id, request.viewer.userId);
    if (row) return served(row, 'semantic', candidate.similarity, count);
  }
  return null;
}

/**
 * The cached answer for this question, or null. Exact first (the same normalised question), then
 * semantic (the nearest cached questions at or above the similarity threshold, the first that the
 * guards accept). A hit is counted on its entry, after it is served (or by the caller, with
 * `countHit` false, once it uses the answer). Follow-ups and a disabled cache always miss; so does
 * any failure (logged). `semantic` (the `semantic-cache` flag, by default
 * `answerCache.semantic.enabled`) allows the semantic lookup.
 */
export async function lookupCachedAnswer(
  request: AnswerCacheRequest,
  {
    semantic = answerCache.semantic.enabled,
    onExactMiss,
    countHit: count = true,
  }: {
    semantic?: boolean;
    /** Called when there is no exact hit and the semantic lookup starts (work a miss needs can start). */
    onExactMiss?: () => void;
    /** False for a lookup whose answer may go unused: the caller counts the hit it serves. */
    countHit?: boolean;
  } = {},
): Promise<CachedAnswer | null> {
  if (!answerCache.enabled || request.followUp) return null;
  try {
    const key = await keyOf(request);
    const exact = await findExactAnswer({ ...key, userId: request.viewer.userId });
    if (exact) return served(exact, 'exact', 1, count);
    if (!semantic) return null;
    onExactMiss?.();
    return await semanticLookup(request, key, count);
  } catch (error) {
    log().warn({ err: error }, 'answer cache lookup failed; answering without it');
    return null;
  }
}

/**
 * Stores a complete answer for later lookups; returns its entry, or null when nothing was stored:
 * a follow-up, a disabled cache, an empty answer, a corpus that changed since `corpusVersion`, or a
 * failure (logged). Without an embedding (the provider failed) the entry serves exact hits only.
 */
export async function storeCachedAnswer(input: AnswerToCache): Promise<{ entryId: string } | null> {
  if (!answerCache.enabled || input.followUp || input.answer.trim() === '') return null;
  try {
    const key = await keyOf(input);
    const { embedding: model } = getModels();
    const embedding = answerCache.semantic.enabled
      ? await questionEmbedding(model, input.question).catch((error: unknown) => {
          log().warn({ err: error }, 'could not embed a question for the answer cache; exact hits only');
          return null;
        })
      : null;
    const stored = await putCachedAnswer({
      ...key,
      question: input.question,
      embedding,
      embeddingModel: model.id,
      answer: input.answer,
      sources: input.sources,
      citedDocumentIds: [...new Set(input.sources.map((source) => source.documentId))],
      originQueryLogId: input.queryLogId ?? null,
      model: input.model,
      metadata: input.metadata ?? {},
      ttlSeconds: input.ttlSeconds ?? answerCache.ttlSeconds,
    });
    return stored ? { entryId: stored.id } : null;
  } catch (error) {
    log().warn({ err: error }, 'could not store an answer in the answer cache');
    return null;
  }
}

/**
 * Removes every cached answer citing one of these documents: call it when a document is changed,
 * re-indexed or deleted (the corpus version makes them unservable too; this frees them at once).
 * Returns how many went. Unlike lookups, failures are thrown to the caller.
 */
export async function invalidateAnswersCiting(documentIds: string[]): Promise<number> {
  return deleteAnswersCiting([...new Set(documentIds)]);
}

/**
 * The sweep: removes expired answers and those of older corpus versions, which are never served
 * again. For a periodic job; returns how many went.
 */
export async function purgeExpiredAnswers(): Promise<number> {
  return deleteStaleAnswers(await getCorpusVersion());
}

// Hybrid retrieval: vector and full-text search over what the viewer may see, fused by weighted
// reciprocal rank, near-duplicates dropped, optionally reranked, then diversified by MMR.
import 'server-only';
import { embed } from 'ai';
import { getModels } from '@/lib/ai/models';
import { retrieval } from '@/lib/config';
import {
  commonLexemeShares,
  corpusVersionAndLexemes,
  documentFrequencies,
  fullTextCorpusStats,
  readyLanguages,
  searchChunksByText,
  searchChunksByVector,
  type ChunkHit,
  type CorpusStats,
  type SearchScope,
} from '@/lib/db/chunks';
import { log } from '@/lib/observability/logger';
import { estimatedFrequencies } from './document-frequency';
import { maximalMarginalRelevance } from './mmr';
import { removeNearDuplicates } from './near-duplicates';
import { reciprocalRankFusion } from './rank-fusion';
import { getReranker, type Reranker } from './rerank';
import { inSpan } from '@/lib/observability/tracing';

export type Viewer = { userId: string | null };
export type RetrievalFilters = { documentIds?: string[]; tags?: string[] };
export type StageScore = { rank: number; score: number };
export type Passage = {
  id: string;
  documentId: string;
  title: string;
  source: string;
  headingPath: string;
  page: number | null;
  text: string;
  n: number;
  scores: { vector?: StageScore; text?: StageScore; fused: StageScore; rerank?: StageScore };
};
/** A passage as one stage saw it: its rank (from 1) and score in that stage's list. */
export type Hit = Omit<Passage, 'n' | 'scores'> & StageScore;

export type RetrievalInput = {
  question: string;
  viewer: Viewer;
  filters?: RetrievalFilters;
  topK?: number;
};

export type RetrievalExplanation = {
  vector: Hit[];
  text: Hit[];
  fused: Hit[];
  reranked: Hit[] | null;
  duplicates: Array<Hit & { duplicateOf: string }>;
  passages: Passage[];
  timingsMs: Record<string, number>;
};

/** Overrides for the evaluation and tests; the app always uses the configured stages. */
export type RetrievalOptions = {
  /** The reranker to use: null for none; undefined for the configured one. */
  reranker?: Reranker | null;
};

// Languages, BM25 statistics and document frequencies change only with the corpus, so they are read
// once per corpus version (every instance sees the version move, so none keeps stale figures).
type CorpusFacts = {
  version: number;
  languages: string[];
  stats: CorpusStats;
  /** The planner's share of passages for the commonest lexemes (commonLexemeShares). */
  commonShares: Map<string, number>;
  df: Map<string, number>;
};
let corpusCache: CorpusFacts | undefined;
const DF_CACHE_MAX = 50_000;

async function corpusFacts(version: number): Promise<CorpusFacts> {
  if (corpusCache?.version !== version) {
    const [languages, stats, commonShares] = await Promise.all([
      readyLanguages(),
      fullTextCorpusStats(),
      commonLexemeShares(),
    ]);
    corpusCache = { version, languages, stats, commonShares, df: new Map() };
  }
  return corpusCache;
}

/**
 * Document frequencies of `lexemes` counted for this question: from the per-version cache, else the
 * planner's estimate for very common lexemes and a count through the GIN index for the rest. Used
 * while the whole corpus's frequencies are not counted for the current version.
 */
async function countFrequencies(facts: CorpusFacts, lexemes: string[]): Promise<Map<string, number>> {
  const unknown = lexemes.filter((lexeme) => !facts.df.has(lexeme));
  if (unknown.length > 0) {
    if (facts.df.size > DF_CACHE_MAX) facts.df.clear();
    // Very common lexemes take the planner's estimate; counting them exactly is the slow part.
    const { estimated, toCount } = estimatedFrequencies(
      unknown,
      facts.commonShares,
      facts.stats.chunks,
      retrieval.textCandidateMatches,
    );
    for (const [lexeme, df] of estimated) facts.df.set(lexeme, df);
    for (const [lexeme, df] of await documentFrequencies(toCount)) facts.df.set(lexeme, df);
  }
  return facts.df;
}

/**
 * The question's full-text terms with their BM25 idf (terms no passage contains are left out), and
 * the corpus figures they were scored with. The question is analysed in the languages the corpus
 * had last time, in the same statement as the version and the lexemes' counted frequencies are read;
 * again if the version moved and the languages with it.
 */
async function textTerms(question: string): Promise<{
  facts: CorpusFacts;
  terms: Array<{ lexeme: string; df: number; idf: number }>;
}> {
  const languages = corpusCache?.languages ?? [];
  const read = await corpusVersionAndLexemes(question, languages);
  const facts = await corpusFacts(read.version);
  const sameLanguages = facts.languages.join('\n') === languages.join('\n');
  const analysed = sameLanguages ? read : await corpusVersionAndLexemes(question, facts.languages);
  const n = facts.stats.chunks;
  const frequencies =
    analysed.frequencies && analysed.version === facts.version
      ? analysed.frequencies
      : await countFrequencies(facts, analysed.lexemes);
  const terms = analysed.lexemes
    .map((lexeme) => ({ lexeme, df: frequencies.get(lexeme) ?? 0 }))
    .filter((term) => term.df > 0)
    .map((term) => ({
      lexeme: term.lexeme,
      df: term.df,
      idf: Math.log(1 + (n - term.df + 0.5) / (term.df + 0.5)),
    }));
  return { facts, terms };
}

function toHit(hit: ChunkHit, index: number, score = hit.score): Hit {
  return {
    id: hit.id,
    documentId: hit.documentId,
    title: hit.title,
    source: hit.source,
    headingPath: hit.headingPath,
    page: hit.page,
    text: hit.text,
    rank: index + 1,
    score,
  };
}

function stageScores(list: Hit[]): Map<string, StageScore> {
  return new Map(list.map((hit) => [hit.id, { rank: hit.rank, score: hit.score }]));
}

async function run(
  input: RetrievalInput,
  options: RetrievalOptions,
): Promise<RetrievalExplanation & { embeddingTokens: number }> {
  const timingsMs: Record<string, number> = {};
  const started = performance.now();
  const time = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    try {
      return await work();
    } finally {
      timingsMs[stage] = Math.round((performance.now() - at) * 10) / 10;
    }
  };
  const topK = input.topK ?? retrieval.topK;
  const scope: SearchScope = {
    userId: input.viewer.userId,
    documentIds: input.filters?.documentIds,
    tags: input.filters?.tags,
  };
  const limit = Math.max(retrieval.candidatesPerMethod, topK);

  // Full-text search needs no embedding, so it starts at once; vector search waits for the embedding.
  const { embedding: model } = getModels();
  const textSearch = time('text', async () => {
    const { facts, terms } = await textTerms(input.question);
    return searchChunksByText({
      terms,
      limit,
      scope,
      avgLength: facts.stats.avgLength,
      bm25: retrieval.bm25,
      rescoreCandidates: retrieval.bm25.rescoreCandidates,
      candidateMatches: retrieval.textCandidateMatches,
    });
  });
  const vectorSearch = time('embed', () => embed({ model: model.model, value: input.question })).then(
    ({ embedding, usage }) =>
      time('vector', async () => ({
        hits: await searchChunksByVector({ embedding, limit, scope, efSearch: retrieval.hnswEfSearch }),
        tokens: usage?.tokens ?? 0,
      })),
  );
  const [byText, byVector] = await Promise.all([textSearch, vectorSearch]);

  const fusedAt = performance.now();
  const weights = model.local
    ? retrieval.fusionWeights.localEmbedding
    : retrieval.fusionWeights.providerEmbedding;
  const fusedHits = reciprocalRankFusion(
    [
      { items: byVector.hits, weight: weights.vector },
      { items: byText, weight: weights.text },
    ],
    retrieval.rrfK,
  );
  // Reranking and MMR only ever look at the best candidates: deduplicate just as far as they reach.
  const { kept, duplicates } = removeNearDuplicates(
    fusedHits,
    retrieval.nearDuplicateOverlap,
    retrieval.nearDuplicateWindow,
  );
  timingsMs.fuse = Math.round((performance.now() - fusedAt) * 10) / 10;

  const vector = byVector.hits.map((hit, i) => toHit(hit, i));
  const text = byText.map((hit, i) => toHit(hit, i));
  const fused = fusedHits.map((hit, i) => toHit(hit, i, hit.fusedScore));
  const fusedById = stageScores(fused);

  // Rerank the best fused candidates; a failing reranker leaves the fused order, never the answer.
  const reranker = options.reranker === undefined ? getReranker() : options.reranker;
  let reranked: Hit[] | null = null;
  let pool = kept.map((hit) => ({ item: hit, relevance: hit.fusedScore }));
  if (reranker && kept.length > 0) {
    const candidates = kept.slice(0, retrieval.rerank.candidates);
    try {
      const results = await time('rerank', () =>
        inSpan('rag.rerank', { 'rag.reranker': reranker.id, 'rag.candidates': candidates.length }, () =>
          reranker.rerank({
            query: input.question,
            candidates: candidates.map((c) => ({ title: c.title, headingPath: c.headingPath, text: c.text })),
            topN: candidates.length,
          }),
        ),
      );
      const order = results.filter((r) => candidates[r.index] !== undefined);
      reranked = order.map((r, i) => toHit(candidates[r.index]!, i, r.score));
      pool = order.map((r) => ({ item: candidates[r.index]!, relevance: r.score }));
    } catch (error) {
      log().warn(
        { reranker: reranker.id, err: error instanceof Error ? error.message : String(error) },
        'reranking failed; using the fused order',
      );
    }
  }
  const rerankById = reranked ? stageScores(reranked) : new Map<string, StageScore>();

  const mmrAt = performance.now();
  const chosen = maximalMarginalRelevance(pool, topK, retrieval.mmrLambda);
  timingsMs.mmr = Math.round((performance.now() - mmrAt) * 10) / 10;

  const vectorById = stageScores(vector);
  const textById = stageScores(text);
  const passages: Passage[] = chosen.map((hit, index) => ({
    id: hit.id,
    documentId: hit.documentId,
    title: hit.title,
    source: hit.source,
    headingPath: hit.headingPath,
    page: hit.page,
    text: hit.text,
    n: index + 1,
    scores: {
      vector: vectorById.get(hit.id),
      text: textById.get(hit.id),
      fused: fusedById.get(hit.id)!,
      rerank: rerankById.get(hit.id),
    },
  }));
  timingsMs.total = Math.round((performance.now() - started) * 10) / 10;

  return {
    vector,
    text,
    fused,
    reranked,
    duplicates: duplicates.map((d) => ({ ...fused.find((f) => f.id === d.id)!, duplicateOf: d.duplicateOf })),
    passages,
    timingsMs,
    embeddingTokens: byVector.tokens,
  };
}

/** The passages that best answer `question` among those the viewer may see, numbered from 1. */
export async function retrievePassages(
  input: RetrievalInput,
  options: RetrievalOptions = {},
): Promise<{ passages: Passage[]; embeddingTokens: number }> {
  const { passages, embeddingTokens } = await run(input, options);
  return { passages, embeddingTokens };
}

/** For the admin "why these sources" page: every stage's list with scores, and what was dropped as a near-duplicate (and of which chunk). */
export async function explainRetrieval(
  input: RetrievalInput,
  options: RetrievalOptions = {},
): Promise<RetrievalExplanation> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { embeddingTokens, ...explanation } = await run(input, options);
  return explanation;
}

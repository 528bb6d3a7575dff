// Settings of the answer cache (exact and semantic). Kept here until they move to lib/config.ts as
// `answerCache`; nothing else in the cache reads a number that is not named below.
export const answerCache = {
  /** Whether answers are looked up and stored at all. */
  enabled: true,
  /** How long a stored answer may be served; expired entries are never served and are swept. */
  ttlSeconds: 24 * 60 * 60,
  semantic: {
    /** Whether a question may be answered by the cached answer to a similar, not identical, one. */
    enabled: true,
    /**
     * Cosine similarity of the two questions' embeddings at or above which the guards are asked
     * (lib/cache/guards.ts). The built-in embedding is lexical: paraphrases that keep the words score
     * 0.9 and more, synonyms far less; its threshold was chosen on data/cache-pairs (docs/BENCHMARKS.md,
     * "Semantic cache"). A provider's embedding has not been measured here: 0.9 is a conservative start.
     */
    minSimilarity: { localEmbedding: 0.85, providerEmbedding: 0.9 },
    /** Nearest cached questions checked by the guards, best first; the first that passes answers. */
    candidates: 5,
    /** HNSW search breadth for the nearest cached questions. */
    efSearch: 100,
    /**
     * Refuse when each question has a significant word the other lacks (one thing swapped for
     * another: "mice" for "rats", "install" for "uninstall"), unless the two are listed synonyms
     * or forms of one word. Costs hits on free paraphrases, prevents most false ones.
     */
    requireAlignedWords: true,
  },
  /** Question embeddings remembered per process, so a miss's store does not embed the question again. */
  embeddingMemoSize: 500,
} as const;

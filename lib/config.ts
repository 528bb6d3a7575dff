// Numbers a user or operator should know, named and kept in one place.
export const limits = {
  /** Longest question accepted, in characters. */
  questionMaxChars: 10_000,
  /** Messages of a conversation sent back with each chat request that are kept. */
  chatHistoryMaxMessages: 50,
  /** Longest conversation title, in characters; longer first questions are cut at a word boundary. */
  conversationTitleMaxChars: 80,
  /** Longest feedback comment, in characters. */
  feedbackCommentMaxChars: 2000,
} as const;

/** Answer settings every door shares (chat and /api/v1/*); the API may set the first two per request. */
export const answers = {
  /** Longest answer, in tokens, unless a request asks for less (or more, up to maxTokensLimit). */
  defaultMaxTokens: 1000,
  maxTokensLimit: 4000,
  /** Sampling temperature, 0 (most predictable) to 2. */
  defaultTemperature: 0.7,
  /** Earlier messages of a conversation read for a follow-up question. */
  historyMessages: 12,
  /** Tokens of earlier turns the prompt may carry; the most recent turns are kept. */
  historyTokenBudget: 1500,
  /** Tokens of retrieved passages the prompt may carry; the best passages are kept (at least one). */
  contextTokenBudget: 3000,
  /** A provider model condenses a follow-up into a standalone question within this many tokens. */
  condenseMaxTokens: 200,
} as const;

export const retrieval = {
  /** Passages handed to the model. */
  topK: 6,
  /** Candidates fetched from each of vector and full-text search before fusion. */
  candidatesPerMethod: 50,
  /**
   * Reciprocal rank fusion constant (Cormack et al. 2009): larger flattens rank differences. 10 trusts
   * each method's top ranks more than the customary 60 (SciFact nDCG@10 0.684 vs 0.663, docs/BENCHMARKS.md).
   */
  rrfK: 10,
  /**
   * How much each method's ranking counts in the fusion. The built-in embedding is lexical and
   * weaker than BM25 on its own (docs/BENCHMARKS.md), so it counts less; a provider's neural
   * embedding finds what shares no words with the question, so it counts fully.
   */
  fusionWeights: {
    localEmbedding: { vector: 0.4, text: 1 },
    providerEmbedding: { vector: 1, text: 1 },
  },
  /**
   * HNSW search breadth: higher is more accurate and slower. Hashed n-gram vectors are hard on the
   * graph: at 100 vector search found 0.51 nDCG@10 on SciFact where exact search finds 0.53. Over
   * 100,000 passages, with the server's half-precision graph, recall@10 against exact search was
   * 0.86 to 0.90 at 200, 0.946 at 400, 0.956 to 0.968 at 600 and 0.970 to 0.975 at 700 (each build
   * of the graph differs); in the app's retrieval over them 700 took about 1.5 ms more at p50 than
   * 600, and SciFact's nDCG@10 was the same at both (docs/BENCHMARKS.md, hybrid-query).
   */
  hnswEfSearch: 600,
  /**
   * BM25 over the full-text candidates; a heading occurrence counts `headingWeight` body ones.
   * The `rescoreCandidates` best matches by summed idf get exact BM25 (100, 150 and 300 gave the
   * same SciFact nDCG@10; the exact score, which unpacks each candidate's tsvector, is half of the
   * text search's time).
   */
  bm25: { k1: 1.2, b: 0.75, headingWeight: 2, rescoreCandidates: 100 },
  /**
   * Full-text candidates come from the question's rarest terms, added while the passages they match
   * stay under this many; commoner terms still count in the score of those candidates. Keeps text
   * search from ranking a large share of the corpus for questions with common words. On SciFact,
   * 1,000 and 5,000 gave the same nDCG@10 (500 lost 0.002 of hybrid, 200 lost 0.012).
   */
  textCandidateMatches: 1_000,
  /**
   * The job sweep counts every lexeme's document frequency over the whole corpus after it changes,
   * at most this often, and at most every 30 times the last count's duration (a count takes 1 to 2 s
   * of a server core per 100,000 passages); until then a question counts its own lexemes, the
   * slower path of a first search (docs/BENCHMARKS.md).
   */
  lexemeFrequencyRefreshSeconds: 60,
  /** Word 5-gram overlap (of the shorter passage) at which two passages count as the same text. */
  nearDuplicateOverlap: 0.8,
  /** Distinct passages kept from the fused list for reranking and MMR; the rest are not compared. */
  nearDuplicateWindow: 30,
  /** Maximal marginal relevance: 1 = relevance only, lower trades relevance for diversity. */
  mmrLambda: 0.85,
  rerank: {
    /**
     * Use the built-in local reranker when no RERANK_BASE_URL is set. Off: on SciFact it lowered
     * nDCG@10 (docs/BENCHMARKS.md), since BM25 over 30 candidates knows less than BM25 over the corpus.
     */
    local: false,
    /** Fused candidates the reranker reorders. */
    candidates: 30,
    /** A provider slower than this is skipped (the fused order stands). */
    timeoutMs: 3000,
    localOptions: {
      k1: 1.2,
      b: 0.75,
      headingWeight: 2,
      proximityWindow: 8,
      proximityWeight: 0.5,
      priorWeight: 0.5,
    },
  },
} as const;

/** Passage sizes in o200k tokens (lib/ai/tokens.ts); passages split at paragraph and sentence boundaries. */
export const chunking = {
  /**
   * Size a passage aims at: about 170 English words, two or three paragraphs. Big enough to hold a
   * self-contained answer, small enough that one passage is about one thing (sharp embeddings) and
   * that six of them make a prompt of ~1,500 tokens.
   */
  targetTokens: 220,
  /**
   * Hard limit: room for a code block or table of up to ~60% more than the target to stay whole,
   * and far below every embedding model's input limit (8,191 for OpenAI's, 512 for small local ones).
   */
  maxTokens: 350,
  /** Repeated from the previous passage (~2 sentences, under a fifth of the target), so a fact cut at a boundary is found whole. */
  overlapTokens: 40,
} as const;

export const models = {
  localChatId: 'local-extractive',
  /** USD per million tokens, by model id; unknown models cost 0 and are logged as such. */
  pricePerMillionTokens: {
    'gpt-4o-mini': { input: 0.15, output: 0.6 },
    'gpt-4o': { input: 2.5, output: 10 },
    'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  } as Record<string, { input: number; output: number }>,
} as const;

/** How a chat model call is made to hold up (lib/ai/generation/). */
export const generation = {
  /** A model that has not sent its first token by then is abandoned (and retried, then the next one). */
  firstTokenTimeoutMs: 15_000,
  /** An answer still streaming after this long is cut off. */
  totalTimeoutMs: 120_000,
  retry: {
    /** Retries of one model after its first failure, on 429, 5xx, timeouts and dropped connections. */
    maxAttempts: 2,
    initialDelayMs: 250,
    maxDelayMs: 4_000,
    /** A longer Retry-After than this moves on to the next model instead of waiting. */
    maxRetryAfterMs: 8_000,
  },
  breaker: {
    /** Failures in a row that open a model's circuit: it is skipped without being called… */
    consecutiveFailures: 5,
    /** …until this long has passed; then one probe call decides whether it closes again. */
    halfOpenAfterMs: 30_000,
  },
} as const;

/** When the large chat model answers instead of the small one (lib/ai/routing.ts). */
export const routing = {
  /** A question of this many tokens (about 38 English words) or more is long. */
  longQuestionTokens: 50,
  /** Retrieved passages of this many tokens or more need the large model's attention. */
  largeContextTokens: 2_500,
  /** Earlier turns in the prompt from which a conversation is long. */
  longConversationTurns: 6,
} as const;

/** How sure an answer is (lib/rag/confidence.ts): 0..1, from retrieval and grounding. */
export const confidence = {
  /** At or above: the answer passes as it is. */
  pass: 0.9,
  /** Below: the user is told no reliable answer was found, with the closest sources. Between: a note and a review item. */
  answer: 0.5,
  /** A sentence counts as supported when this share of its content words appears in a passage it cites. */
  sentenceSupport: 0.6,
  /**
   * Retrieval caps the score: the weighted share of the question's words that the best passages
   * cover counts fully from `retrievalSaturation` up (a question's filler words rarely appear in the
   * passage that answers it), scales the score down linearly below it, and zeroes it at
   * `retrievalFloor` (passages that miss most of what was asked answer something else).
   */
  retrievalFloor: 0.3,
  retrievalSaturation: 0.8,
} as const;

/** The answer cache (lib/cache/): exact, then semantic with guards against false hits. */
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
  /** How often each instance deletes expired answers and those of older corpus versions. */
  purgeIntervalSeconds: 10 * 60,
} as const;

export const auth = {
  /** A session unused for this long has ended (sign in again). */
  sessionIdleSeconds: 60 * 60,
  /** A session ends this long after sign-in, however active (the cookie lives as long). */
  sessionAbsoluteSeconds: 60 * 60 * 12,
  /** How stale a session's last-seen time may get before a request writes it again. */
  sessionTouchSeconds: 60,
  minPasswordLength: 12,
  /** How long an invitation link can be used. */
  inviteTtlDays: 7,
} as const;

/**
 * Request limits (lib/rate-limit/): sliding windows in the store chosen by REDIS_URL or
 * UPSTASH_REDIS_REST_URL (in process otherwise). `whenStoreDown` says what a rule does when the store
 * cannot be reached: `open` lets the request through and logs a warning, `closed` refuses it.
 */
export const rateLimits = {
  /** Questions (chat and /api/v1/query*) per signed-in user. */
  questionPerUser: { id: 'question-user', limit: 100, windowSeconds: 60 * 60, whenStoreDown: 'open' },
  /** Questions per API key: its own bucket, apart from its owner's. */
  questionPerApiKey: { id: 'question-key', limit: 100, windowSeconds: 60 * 60, whenStoreDown: 'open' },
  /** Requests per client IP where nobody is signed in. */
  anonymousPerIp: { id: 'anonymous-ip', limit: 10, windowSeconds: 60, whenStoreDown: 'open' },
  /** Sign-in attempts per client IP, whatever the outcome. */
  signInPerIp: { id: 'sign-in-ip', limit: 10, windowSeconds: 60, whenStoreDown: 'closed' },
  /** Failed sign-ins per email address; then its attempts wait out the window (no lockout). */
  signInFailuresPerEmail: { id: 'sign-in-email', limit: 5, windowSeconds: 15 * 60, whenStoreDown: 'closed' },
  /** Accounts created per client IP (open or invite sign-up). */
  signUpPerIp: { id: 'sign-up-ip', limit: 5, windowSeconds: 60 * 60, whenStoreDown: 'closed' },
  /** A store slower than this counts as down for that request. */
  storeTimeoutMs: 1_000,
  /**
   * After this many failed calls in a row the store counts as down: requests get their rule's
   * fail mode at once instead of waiting storeTimeoutMs each…
   */
  storeDownAfterFailures: 3,
  /** …until this long has passed; then one call probes whether it is back. */
  storeDownRetryMs: 2_000,
} as const;

/** Per-user daily spend on answers (OWASP LLM10), from today's (UTC) query logs. */
export const budgets = {
  dailyTokensPerUser: 200_000,
  dailyCostUsdPerUser: 2,
} as const;

export const ingestion = {
  /** Largest file accepted, in bytes (413 above it). */
  maxFileBytes: 20 * 1024 * 1024,
  /** Files accepted in one upload request. */
  maxFilesPerRequest: 20,
  /** Passages per embedding call, and embedding calls in flight at once per document. */
  embedBatchSize: 64,
  embedConcurrency: 4,
  /** Retries of one embedding call on 429/5xx (exponential backoff, honouring Retry-After). */
  embedMaxRetries: 4,
  /** Tags per document and their length. */
  maxTags: 20,
  maxTagChars: 40,
  /**
   * A bulk import (`npm run ingest -- --bulk`) drops the passage HNSW index while it loads and
   * builds it at the end. It says it is alive this often; one silent for `bulkImportStaleSeconds`
   * is taken for dead, and the job sweep builds the index it left dropped.
   */
  bulkImportHeartbeatSeconds: 30,
  bulkImportStaleSeconds: 120,
  /**
   * Working memory for building the passage index (maintenance_work_mem, for that build only): the
   * graph is built in memory while it fits (about 1.2 KB a passage at 384 dimensions), and much more
   * slowly once it does not.
   */
  indexBuildMemoryMb: 256,
  /**
   * From this many passages a server builds the passage index with parallel workers (up to its
   * max_parallel_maintenance_workers, with the build's memory shared among them: each needs 32 MB of
   * it, and the server holds it in shared memory, so a server in Docker needs a shm_size above
   * indexBuildMemoryMb). Postgres would by itself start them only for a table of several times
   * min_parallel_table_scan_size (8 MB). 3,820 passages built in 0.92 to 1.22 s with two workers
   * against 1.47 to 1.76 without (docs/BENCHMARKS.md).
   */
  indexBuildParallelFromPassages: 1_000,
  /**
   * Worker threads that parse, chunk, screen and (with the built-in embedding) embed documents
   * (lib/ingest/prepare-pool.ts), so a process ingests on more than one core and its event loop
   * stays free; the heap each may use, and the time one document may take there (a file past either
   * fails as damaged instead of taking the process down). 19 MB of prose took 13 s on one core of
   * the benchmark machine, and needed no more than 256 MB of heap (docs/BENCHMARKS.md).
   */
  prepareThreads: 2,
  prepareMemoryMb: 384,
  prepareTimeoutSeconds: 180,
  /** A preparation thread without work ends after this long (each holds its own parsers and tokenizer). */
  prepareIdleSeconds: 60,
} as const;

export const jobs = {
  /** Attempts after the first for a job that throws; backoff doubles from retryDelaySeconds. */
  retryLimit: 4,
  retryDelaySeconds: 5,
  /** A job running longer than this is taken back by the queue and retried. */
  expireInSeconds: 30 * 60,
  /** A running ingestion that has not reported progress for this long is treated as stalled. */
  stalledAfterSeconds: 60,
  /** How often each worker looks for stalled or orphaned work. */
  sweepIntervalSeconds: 15,
  /**
   * Ingestion jobs one app instance runs at once: while some documents are prepared on the
   * preparation threads (ingestion.prepareThreads), others are written to the database.
   */
  ingestConcurrency: 4,
  /** Asynchronous API queries one app instance answers at once. */
  asyncQueryConcurrency: 4,
  /** How often an idle worker polls for new jobs. */
  pollingIntervalSeconds: 1,
  /** Finished jobs are kept this long for inspection. */
  keepCompletedDays: 7,
} as const;

/** Prompt-injection screening (lib/security/injection/): what happens to a flagged text, and when a text is flagged. */
export const injection = {
  /** `block` refuses with a clear message, `flag` answers and marks for review, `allow` only logs. */
  mode: 'flag' as 'block' | 'flag' | 'allow',
  /** Score (0..1) at or above which a text is flagged, by where it came from. */
  thresholds: { question: 0.5, passage: 0.6, document: 0.6 },
} as const;

/** PII redaction (lib/security/pii/, figures in docs/SECURITY.md). Log lines are always redacted. */
export const pii = {
  /** Questions and answers are redacted before they are stored in query logs and audit events. */
  redactStored: true,
  /** Questions, history and passages are redacted before they are sent to a model provider. */
  redactBeforeProvider: false,
  /** Types redacted where a setting above applies; PERSON is the least accurate (docs/SECURITY.md). */
  types: ['EMAIL', 'PHONE', 'SSN', 'CARD', 'IBAN', 'IP', 'PERSON'] as const,
} as const;

/**
 * The bias screen (lib/fairness/bias-screen.ts, docs/GOVERNANCE.md "Bias screening"): each generated
 * answer is checked for biased or non-inclusive language with retext-equality (English) and these
 * lists; a hit in the answer's own words is recorded on its query log and queued for review (BIAS).
 */
export const bias = {
  /** Whether answers are screened at all. */
  enabled: true,
  /** Accept "he or she", "his or her" and the like; off, each word of the pair is flagged. */
  allowBinaryPairs: false,
  /**
   * Terms flagged besides retext-equality's list: whole words or phrases, case-insensitive (a space or
   * hyphen in a term matches either), each with what may be better.
   */
  extraTerms: [
    { term: 'illegal alien', suggestions: ['undocumented immigrant'] },
    { term: 'illegal aliens', suggestions: ['undocumented immigrants'] },
    { term: 'wheelchair-bound', suggestions: ['wheelchair user'] },
    { term: 'confined to a wheelchair', suggestions: ['uses a wheelchair'] },
    { term: 'the elderly', suggestions: ['older people'] },
    { term: 'suffers from', suggestions: ['has', 'lives with'] },
    { term: 'tribal knowledge', suggestions: ['institutional knowledge', 'undocumented knowledge'] },
    { term: 'gypped', suggestions: ['cheated'] },
    { term: 'normal people', suggestions: ['most people', 'typical people'] },
  ] as ReadonlyArray<{ term: string; suggestions?: readonly string[]; message?: string }>,
  /**
   * Terms never flagged, from either list, case-insensitive: a product, role or technical name the
   * organisation uses on purpose. These are the words the demo corpus (this project's docs) uses in a
   * technical sense and retext-equality flagged there: the actor of an audit event, a server host, a
   * disabled account, "just" and "special" as plain adverb and adjective.
   */
  ignoreTerms: ['actor', 'actors', 'host', 'hosts', 'disabled', 'just', 'special'] as readonly string[],
  /** Flags kept per answer on its query log; an answer with more is queued all the same. */
  maxFlagsKept: 50,
} as const;

/**
 * The fairness report (/admin/fairness, lib/fairness/report.ts, docs/GOVERNANCE.md "Fairness report"):
 * each user group's service against the best group's, per metric.
 */
export const fairness = {
  /** A ratio to the best group under this is highlighted (the four-fifths rule). */
  ratioThreshold: 0.8,
  /** A metric counted over fewer requests than this (asked, assessed, rated…) is "insufficient data". */
  minRequests: 20,
  /** The periods offered, in days; a custom period may also be chosen. */
  periodDays: [7, 30, 90] as const,
  /** Longest custom period, in days. */
  maxPeriodDays: 366,
} as const;

/** The kill switch (lib/governance/kill-switch.ts): pauses chat and API, by hand or on errors. */
export const killSwitch = {
  /** Failed answers (errors, not refusals or stops) as a share of answers at which it trips itself… */
  errorRateThreshold: 0.15,
  /** …once the window holds at least this many answers… */
  minRequests: 20,
  /** …over this sliding window, read from the query log of every instance. */
  windowSeconds: 5 * 60,
  /** After a failed answer an instance re-checks the window at most this often (the job sweep too). */
  evaluateEverySeconds: 5,
  /** Each instance re-reads the switch at most this long after its last read: every instance sees a change within it. */
  pollIntervalMs: 1_000,
  /** Retry-After sent with a paused answer: a hint for programs, not a promise. */
  retryAfterSeconds: 60,
  /** The reason a person must give to engage or release it, in characters. */
  reasonMinChars: 3,
  reasonMaxChars: 500,
} as const;

/** The human review queue (/admin/review, lib/review/): what is queued and how long a claim holds. */
export const review = {
  /**
   * Questions on these topics are queued for review (reason HIGH_RISK) and their answer carries a
   * notice that a person must decide. Matched as whole words, case-insensitive, English and German.
   */
  highRiskTopics: {
    legal: [
      'lawsuit',
      'sue',
      'suing',
      'legal advice',
      'legal decision',
      'lawyer',
      'attorney',
      'court',
      'contract termination',
      'liability',
      'Klage',
      'verklagen',
      'Rechtsberatung',
      'Anwalt',
      'Rechtsanwalt',
      'Gericht',
      'Kündigung',
      'Haftung',
      'rechtlich',
    ],
    medical: [
      'diagnosis',
      'diagnose',
      'medication',
      'dosage',
      'prescription',
      'medical treatment',
      'symptoms',
      'medical advice',
      'Diagnose',
      'Medikament',
      'Dosierung',
      'Behandlung',
      'Symptome',
      'medizinisch',
    ],
    financial: [
      'invest',
      'investment',
      'loan',
      'mortgage',
      'credit decision',
      'financial decision',
      'retirement savings',
      'Investition',
      'investieren',
      'Kredit',
      'Darlehen',
      'Hypothek',
      'Finanzentscheidung',
      'Altersvorsorge',
      'Aktien',
    ],
  },
  /** A claim older than this may be taken over, and decided, by another admin. */
  claimExpiryMinutes: 30,
  /** The note an admin must give to approve or reject, in characters. */
  noteMinChars: 3,
  noteMaxChars: 1000,
  /** Items per page of the queue. */
  pageSize: 20,
} as const;

/** Feature flags and phased rollout (lib/flags/, /admin/flags, docs/GOVERNANCE.md "Feature flags"). */
export const flags = {
  /** The rollout stages an admin moves a flag through, in percent of users. */
  stages: [0, 5, 25, 50, 75, 100] as const,
  /** Each instance re-reads every flag at most this long after its last read: all see a change within it. */
  pollIntervalMs: 1_000,
  /** The rollout safeguard: the rollout's users' failed answers as a share of theirs at which it rolls back… */
  safeguard: {
    errorRateThreshold: 0.2,
    /** …once the rollout's users have this many answers… */
    minRequests: 20,
    /** …in this window (and since the stage began). */
    windowSeconds: 15 * 60,
  },
  /** The period over which a flag's page compares the users in the rollout with those outside it. */
  metricsWindowHours: 24,
  /** Longest description, reason, and list of user ids or groups. */
  descriptionMaxChars: 500,
  listMaxEntries: 500,
  variantsMax: 10,
} as const;

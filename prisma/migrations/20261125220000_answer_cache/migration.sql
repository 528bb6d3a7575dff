-- Answer cache: entries keyed by the asker's visibility scope and the model route as well as the
-- question and the corpus version, with the documents each answer cites (GIN, for invalidation), the
-- embedding model of the question vector, the answer's metadata and its last hit.

-- Entries from before have no scope, so nobody could safely be served them.
DELETE FROM "answer_cache_entries";

-- DropIndex
DROP INDEX "answer_cache_entries_question_hash_corpus_version_key";

-- AlterTable
ALTER TABLE "answer_cache_entries" ADD COLUMN     "cited_document_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "embedding_model" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "last_hit_at" TIMESTAMP(3),
ADD COLUMN     "metadata" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "model_route" TEXT NOT NULL,
ADD COLUMN     "scope_hash" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "answer_cache_entries_scope_idx" ON "answer_cache_entries"("scope_hash", "model_route", "corpus_version");

-- CreateIndex
CREATE INDEX "answer_cache_entries_cited_document_ids_idx" ON "answer_cache_entries" USING GIN ("cited_document_ids");

-- CreateIndex
CREATE INDEX "answer_cache_entries_expires_at_idx" ON "answer_cache_entries"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "answer_cache_entries_key" ON "answer_cache_entries"("question_hash", "scope_hash", "model_route", "corpus_version");

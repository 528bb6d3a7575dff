-- Knowledge base: durable ingestion states, visibility and tags, per-document language for
-- full-text search, page numbers, the uploaded bytes, and the embedding cache.

-- CreateEnum
CREATE TYPE "DocumentVisibility" AS ENUM ('SHARED', 'PRIVATE');

-- AlterEnum: PENDING → QUEUED, INGESTING → PARSING, new EMBEDDING.
BEGIN;
CREATE TYPE "DocumentStatus_new" AS ENUM ('QUEUED', 'PARSING', 'EMBEDDING', 'READY', 'FAILED');
ALTER TABLE "documents" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "documents" ALTER COLUMN "status" TYPE "DocumentStatus_new" USING (
    CASE "status"::text WHEN 'PENDING' THEN 'QUEUED' WHEN 'INGESTING' THEN 'PARSING' ELSE "status"::text END
)::"DocumentStatus_new";
ALTER TYPE "DocumentStatus" RENAME TO "DocumentStatus_old";
ALTER TYPE "DocumentStatus_new" RENAME TO "DocumentStatus";
DROP TYPE "DocumentStatus_old";
ALTER TABLE "documents" ALTER COLUMN "status" SET DEFAULT 'QUEUED';
COMMIT;

-- DropIndex: a document is found by content hash, but the same bytes may exist in two owner scopes.
DROP INDEX "documents_content_hash_key";

-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "file_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "format" TEXT NOT NULL DEFAULT 'markdown',
ADD COLUMN     "heartbeat_at" TIMESTAMP(3),
ADD COLUMN     "job_id" TEXT,
ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'english',
ADD COLUMN     "progress_done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "progress_total" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ready_at" TIMESTAMP(3),
ADD COLUMN     "size_bytes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "visibility" "DocumentVisibility" NOT NULL DEFAULT 'SHARED';

UPDATE "documents" SET "file_name" = "source", "ready_at" = "updated_at" WHERE "status" = 'READY';

-- AlterTable
ALTER TABLE "chunks" ADD COLUMN     "language" regconfig NOT NULL DEFAULT 'english'::regconfig,
ADD COLUMN     "page" INTEGER;

-- The full-text vector now follows each chunk's language (a generated column cannot be altered in place).
DROP INDEX "chunks_tsv_gin_idx";
ALTER TABLE "chunks" DROP COLUMN "tsv";
ALTER TABLE "chunks" ADD COLUMN "tsv" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector("language", coalesce("heading_path", '')), 'A') ||
    setweight(to_tsvector("language", "text"), 'B')
) STORED;
CREATE INDEX "chunks_tsv_gin_idx" ON "chunks" USING gin ("tsv");

-- CreateTable
CREATE TABLE "document_files" (
    "document_id" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "document_files_pkey" PRIMARY KEY ("document_id")
);

-- CreateTable
CREATE TABLE "embedding_cache" (
    "model" TEXT NOT NULL,
    "text_hash" TEXT NOT NULL,
    "embedding" vector NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "embedding_cache_pkey" PRIMARY KEY ("model","text_hash")
);

-- CreateIndex
CREATE INDEX "documents_content_hash_idx" ON "documents"("content_hash");

-- CreateIndex
CREATE INDEX "documents_source_idx" ON "documents"("source");

-- CreateIndex
CREATE INDEX "documents_created_at_idx" ON "documents"("created_at");

-- AddForeignKey
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Chat and public API: key scopes, answers and feedback on the query log, persisted cited sources
-- and answer metadata on messages, and asynchronous queries.

-- CreateEnum
CREATE TYPE "AsyncQueryStatus" AS ENUM ('PROCESSING', 'COMPLETED', 'FAILED');

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "messages" ADD COLUMN "metadata" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "query_log_id" TEXT;

-- AlterTable
ALTER TABLE "query_logs" ADD COLUMN "answer" TEXT,
ADD COLUMN "sources" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "feedback" SMALLINT,
ADD COLUMN "feedback_comment" TEXT,
ADD COLUMN "feedback_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "async_queries" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "api_key_id" TEXT,
    "request_id" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "status" "AsyncQueryStatus" NOT NULL DEFAULT 'PROCESSING',
    "result" JSONB,
    "error" JSONB,
    "query_log_id" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "job_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "async_queries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "messages_query_log_id_key" ON "messages"("query_log_id");

-- CreateIndex
CREATE INDEX "query_logs_conversation_id_idx" ON "query_logs"("conversation_id");

-- CreateIndex
CREATE UNIQUE INDEX "async_queries_query_log_id_key" ON "async_queries"("query_log_id");

-- CreateIndex
CREATE INDEX "async_queries_status_created_at_idx" ON "async_queries"("status", "created_at");

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_query_log_id_fkey" FOREIGN KEY ("query_log_id") REFERENCES "query_logs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "async_queries" ADD CONSTRAINT "async_queries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "async_queries" ADD CONSTRAINT "async_queries_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "async_queries" ADD CONSTRAINT "async_queries_query_log_id_fkey" FOREIGN KEY ("query_log_id") REFERENCES "query_logs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

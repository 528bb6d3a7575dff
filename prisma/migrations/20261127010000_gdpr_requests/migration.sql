-- GDPR export and erasure (/admin/gdpr, docs/GDPR.md): the request history, and the link from a cached
-- answer to the question that produced it, so erasing a person also removes the answers cached from
-- their questions.
--
-- The first gdpr_requests table was never written to (no feature used it). It kept the subject's email
-- for ever, which an erasure must not do, so it is replaced: a request names its subject by user id
-- and email until the subject is erased, and by a pseudonym (erased:...) from then on.

DROP TABLE "gdpr_requests";
DROP TYPE "GdprRequestType";
DROP TYPE "GdprRequestStatus";

-- CreateEnum
CREATE TYPE "GdprRequestType" AS ENUM ('EXPORT', 'ERASURE');

-- CreateEnum
CREATE TYPE "GdprRequestStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "gdpr_requests" (
    "id" TEXT NOT NULL,
    "type" "GdprRequestType" NOT NULL,
    "status" "GdprRequestStatus" NOT NULL DEFAULT 'PENDING',
    "subject_id" TEXT,
    "subject_email" TEXT,
    "subject_pseudonym" TEXT,
    "requested_by_id" TEXT NOT NULL,
    "requested_by_role" "Role" NOT NULL,
    "request_id" TEXT,
    "error" TEXT,
    "result" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "gdpr_requests_pkey" PRIMARY KEY ("id")
);

-- The history page lists the newest first, and an erasure finds the subject's earlier requests.
CREATE INDEX "gdpr_requests_created_at_idx" ON "gdpr_requests"("created_at");
CREATE INDEX "gdpr_requests_subject_id_idx" ON "gdpr_requests"("subject_id");

-- AlterTable: the query-log row whose question a cached answer was stored from (no foreign key: the
-- query log may be anonymised or swept while the entry lives).
ALTER TABLE "answer_cache_entries" ADD COLUMN "origin_query_log_id" TEXT;

CREATE INDEX "answer_cache_entries_origin_query_log_id_idx" ON "answer_cache_entries"("origin_query_log_id");

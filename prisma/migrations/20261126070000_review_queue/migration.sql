-- The human review queue (/admin/review, docs/GOVERNANCE.md "Review queue"): why each item is queued,
-- who has claimed it since when, and the reviewer's note on the decision (the note column keeps why
-- it was queued). Like reviewer_id, claimed_by_id holds a user id without a foreign key. Rows queued
-- before this migration were low-confidence or injection-flagged answers, told apart by their note.

-- CreateEnum
CREATE TYPE "ReviewReason" AS ENUM ('LOW_CONFIDENCE', 'INJECTION', 'HIGH_RISK');

-- AlterTable
ALTER TABLE "review_items" ADD COLUMN     "reason" "ReviewReason" NOT NULL DEFAULT 'LOW_CONFIDENCE',
ADD COLUMN     "claimed_by_id" TEXT,
ADD COLUMN     "claimed_at" TIMESTAMP(3),
ADD COLUMN     "decision_note" TEXT;

-- Backfill: the injection screen wrote a note starting with these words.
UPDATE "review_items" SET "reason" = 'INJECTION' WHERE "note" LIKE 'Possible prompt injection%';

-- The queue's filters: status and reason, newest first.
CREATE INDEX "review_items_status_reason_created_at_idx" ON "review_items"("status", "reason", "created_at");

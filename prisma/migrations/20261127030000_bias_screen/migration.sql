-- The bias screen (docs/GOVERNANCE.md "Bias screening"): what it found in each generated answer, and
-- the review reason for an answer it queued. bias_flags is null where the answer was not screened
-- (failed, withheld or replayed from the cache, and rows written before this migration), an empty
-- array where it was screened and nothing was found.

-- AlterEnum
ALTER TYPE "ReviewReason" ADD VALUE 'BIAS';

-- AlterTable
ALTER TABLE "query_logs" ADD COLUMN     "bias_flags" JSONB;

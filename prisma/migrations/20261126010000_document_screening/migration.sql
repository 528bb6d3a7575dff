-- Documents are screened for indirect prompt injection when indexed: how many passages were flagged,
-- and the highest passage score.

-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "injection_flagged_passages" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "injection_score" DOUBLE PRECISION NOT NULL DEFAULT 0;

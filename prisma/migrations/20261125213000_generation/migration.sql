-- Generation: the provider, the routing decision, every model attempt, whether the answer was a
-- degraded last resort, whether tokens were counted locally, and the answer's explanation.

-- AlterTable
ALTER TABLE "query_logs" ADD COLUMN "provider" TEXT,
ADD COLUMN "route_tier" TEXT,
ADD COLUMN "route_reason" TEXT,
ADD COLUMN "attempts" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "degraded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "tokens_counted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "explanation" JSONB,
ADD COLUMN "cache_entry_id" TEXT;

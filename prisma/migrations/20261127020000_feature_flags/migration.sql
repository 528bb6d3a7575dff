-- Feature flags with phased rollout (docs/GOVERNANCE.md, "Feature flags"). A flag is boolean or
-- variant: it serves its default variant to everyone outside the rollout and its rollout variant to
-- the users inside it. The rollout is a stage (0, 5, 25, 50, 75 or 100 percent of users, bucketed by
-- a hash of flag key and user id), with the stage before it kept for the safeguard's rollback, and
-- allow and deny lists of user ids and groups. The safeguard pauses a rollout with a reason.
-- query_logs.flags keeps the variant of every flag an answer was served with.

-- CreateEnum
CREATE TYPE "FlagKind" AS ENUM ('BOOLEAN', 'VARIANT');

-- AlterTable
ALTER TABLE "feature_flags" DROP COLUMN "target_user_ids",
ADD COLUMN     "kind" "FlagKind" NOT NULL DEFAULT 'BOOLEAN',
ADD COLUMN     "variants" JSONB NOT NULL DEFAULT '{"on": true, "off": false}',
ADD COLUMN     "default_variant" TEXT NOT NULL DEFAULT 'off',
ADD COLUMN     "rollout_variant" TEXT NOT NULL DEFAULT 'on',
ADD COLUMN     "previous_percent" INTEGER,
ADD COLUMN     "stage_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "allow_user_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "deny_user_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "allow_groups" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "deny_groups" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "paused_at" TIMESTAMP(3),
ADD COLUMN     "paused_reason" TEXT,
ALTER COLUMN "rollout_percent" SET DEFAULT 0;

-- A rollout is a share of users.
ALTER TABLE "feature_flags" ADD CONSTRAINT "feature_flags_rollout_percent_check" CHECK ("rollout_percent" BETWEEN 0 AND 100);

-- AlterTable
ALTER TABLE "query_logs" ADD COLUMN     "flags" JSONB NOT NULL DEFAULT '{}';

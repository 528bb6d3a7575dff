// The audit event of an AI decision: which model answered, by which route and why, from which
// passages, how confident, at what cost, with which feature-flag variants and with what outcome. Ids and numbers only: the question
// and the answer stay in the query log, where they are stored redacted.
import 'server-only';
import type { ModelRef } from '@/lib/ai/generation/generate';
import type { Route } from '@/lib/ai/routing';
import { recordAudit } from '@/lib/db/audit';
import { log } from '@/lib/observability/logger';
import type { AnswerOutcome } from './answer-types';
import type { AnswerSource } from './sources';

export type AnswerDecision = {
  queryLogId: string;
  userId: string;
  apiKeyId: string | null;
  requestId: string;
  /** The door it came through: chat, v1, v1-stream… */
  door: string;
  model: ModelRef;
  route: Route;
  status: AnswerOutcome['status'];
  errorCode: string | null;
  confidence: number | null;
  withheld: boolean;
  reviewed: boolean;
  degraded: boolean;
  cacheHit: boolean;
  costUsd: number;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  sources: AnswerSource[];
  /** The variant of every feature flag the answer was served with. */
  flags?: Record<string, string>;
};

/** Records `query.answered`; never throws (the answer is already with its asker). */
export async function auditAnswer(decision: AnswerDecision): Promise<void> {
  try {
    await recordAudit({
      actor: { id: decision.userId, role: null },
      action: 'query.answered',
      target: { type: 'query_log', id: decision.queryLogId },
      metadata: {
        door: decision.door,
        apiKeyId: decision.apiKeyId,
        model: decision.model.id,
        provider: decision.model.provider,
        route: { tier: decision.route.tier, reason: decision.route.reason },
        status: decision.status,
        errorCode: decision.errorCode,
        confidence: decision.confidence,
        withheld: decision.withheld,
        queuedForReview: decision.reviewed,
        degraded: decision.degraded,
        cacheHit: decision.cacheHit,
        costUsd: decision.costUsd,
        tokens: { in: decision.tokensIn, out: decision.tokensOut },
        latencyMs: decision.latencyMs,
        chunkIds: decision.sources.map((source) => source.chunkId),
        documentIds: [...new Set(decision.sources.map((source) => source.documentId))],
        flags: decision.flags ?? {},
      },
      requestId: decision.requestId,
    });
  } catch (error) {
    log().error({ err: error }, 'could not record the answer in the audit trail');
  }
}

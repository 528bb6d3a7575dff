// Everything held about one person, read for the GDPR export (art. 15 and 20) in the format of
// lib/gdpr/export-format.ts. Secrets are left out: password and API key hashes, session ids (the
// cookie's secret), OAuth tokens, invitation token hashes. Other people's data is left out too: the
// emails of people the subject invited.
import 'server-only';
import type { ExportedAuditEvent, ExportedInvitation, GdprExport } from '@/lib/gdpr/export-format';
import { EXPORT_FORMAT, EXPORT_VERSION } from '@/lib/gdpr/export-format';
import { db } from './client';
import type { GdprSubject } from './gdpr';

const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

const invitation = (row: {
  id: string;
  role: string;
  group: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}): ExportedInvitation => ({
  id: row.id,
  role: row.role,
  group: row.group,
  createdAt: iso(row.createdAt),
  expiresAt: iso(row.expiresAt),
  acceptedAt: isoOrNull(row.acceptedAt),
  revokedAt: isoOrNull(row.revokedAt),
});

const invitationFields = {
  id: true,
  role: true,
  group: true,
  createdAt: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
} as const;

/**
 * Reads the person's data in one repeatable-read transaction, so the parts agree with each other.
 * The caller has checked the role (lib/gdpr/export.ts).
 */
export async function collectSubjectData(subject: GdprSubject, exportId: string): Promise<GdprExport> {
  const userId = subject.id;
  return db().$transaction(
    async (tx) => {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          group: true,
          image: true,
          emailVerified: true,
          disabledAt: true,
          createdAt: true,
          updatedAt: true,
          accounts: { select: { provider: true, type: true, providerAccountId: true } },
        },
      });
      const conversations = await tx.conversation.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        include: { messages: { orderBy: { createdAt: 'asc' } } },
      });
      const queryLogs = await tx.queryLog.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
      const asyncQueries = await tx.asyncQuery.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
      const documents = await tx.document.findMany({
        where: { createdById: userId },
        orderBy: { createdAt: 'asc' },
      });
      const apiKeys = await tx.apiKey.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          name: true,
          prefix: true,
          scopes: true,
          createdAt: true,
          lastUsedAt: true,
          expiresAt: true,
          revokedAt: true,
        },
      });
      const sessions = await tx.session.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        select: {
          method: true,
          userAgent: true,
          createdAt: true,
          lastSeenAt: true,
          expiresAt: true,
          revokedAt: true,
          revokedReason: true,
        },
      });
      const received = await tx.invite.findMany({
        where: { email: user.email },
        orderBy: { createdAt: 'asc' },
        select: invitationFields,
      });
      const sent = await tx.invite.findMany({
        where: { invitedById: userId },
        orderBy: { createdAt: 'asc' },
        select: invitationFields,
      });
      const reviewItems = await tx.reviewItem.findMany({
        where: { queryLog: { userId } },
        orderBy: { createdAt: 'asc' },
      });
      const auditEvents = await tx.auditEvent.findMany({
        where: { OR: [{ actorId: userId }, { targetId: userId }] },
        orderBy: { seq: 'asc' },
      });
      const gdprRequests = await tx.gdprRequest.findMany({
        where: { subjectId: userId },
        orderBy: { createdAt: 'asc' },
      });

      return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: new Date().toISOString(),
        exportId,
        profile: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          group: user.group,
          image: user.image,
          emailVerifiedAt: isoOrNull(user.emailVerified),
          disabledAt: isoOrNull(user.disabledAt),
          createdAt: iso(user.createdAt),
          updatedAt: iso(user.updatedAt),
          linkedAccounts: user.accounts,
        },
        conversations: conversations.map((conversation) => ({
          id: conversation.id,
          title: conversation.title,
          createdAt: iso(conversation.createdAt),
          updatedAt: iso(conversation.updatedAt),
          messages: conversation.messages.map((message) => ({
            id: message.id,
            role: message.role,
            content: message.content,
            sources: message.sources,
            metadata: message.metadata,
            queryLogId: message.queryLogId,
            createdAt: iso(message.createdAt),
          })),
        })),
        queryLogs: queryLogs.map((log) => ({
          id: log.id,
          requestId: log.requestId,
          createdAt: iso(log.createdAt),
          route: log.route,
          conversationId: log.conversationId,
          apiKeyId: log.apiKeyId,
          question: log.question,
          answer: log.answer,
          sources: log.sources,
          status: log.status,
          errorCode: log.errorCode,
          model: log.model,
          provider: log.provider,
          routeTier: log.routeTier,
          routeReason: log.routeReason,
          confidence: log.confidence,
          explanation: log.explanation,
          tokensIn: log.tokensIn,
          tokensOut: log.tokensOut,
          costUsd: log.costUsd.toString(),
          latencyMs: log.latencyMs,
          cacheHit: log.cacheHit,
          degraded: log.degraded,
        })),
        feedback: queryLogs
          .filter((log) => log.feedback !== null)
          .map((log) => ({
            queryLogId: log.id,
            rating: log.feedback!,
            comment: log.feedbackComment,
            at: isoOrNull(log.feedbackAt),
          })),
        asyncQueries: asyncQueries.map((query) => ({
          id: query.id,
          status: query.status,
          request: query.request,
          result: query.result,
          error: query.error,
          createdAt: iso(query.createdAt),
          completedAt: isoOrNull(query.completedAt),
        })),
        documents: documents.map((doc) => ({
          id: doc.id,
          title: doc.title,
          source: doc.source,
          fileName: doc.fileName,
          format: doc.format,
          mimeType: doc.mimeType,
          sizeBytes: doc.sizeBytes,
          contentHash: doc.contentHash,
          visibility: doc.visibility,
          tags: doc.tags,
          language: doc.language,
          status: doc.status,
          chunkCount: doc.chunkCount,
          createdAt: iso(doc.createdAt),
          readyAt: isoOrNull(doc.readyAt),
        })),
        apiKeys: apiKeys.map((key) => ({
          ...key,
          createdAt: iso(key.createdAt),
          lastUsedAt: isoOrNull(key.lastUsedAt),
          expiresAt: isoOrNull(key.expiresAt),
          revokedAt: isoOrNull(key.revokedAt),
        })),
        sessions: sessions.map((session) => ({
          ...session,
          createdAt: iso(session.createdAt),
          lastSeenAt: iso(session.lastSeenAt),
          expiresAt: iso(session.expiresAt),
          revokedAt: isoOrNull(session.revokedAt),
        })),
        invitations: { received: received.map(invitation), sent: sent.map(invitation) },
        reviewItems: reviewItems.map((item) => ({
          id: item.id,
          queryLogId: item.queryLogId,
          reason: item.reason,
          status: item.status,
          confidence: item.confidence,
          note: item.note,
          decisionNote: item.decisionNote,
          createdAt: iso(item.createdAt),
          reviewedAt: isoOrNull(item.reviewedAt),
        })),
        auditEvents: auditEvents.map((event): ExportedAuditEvent => ({
          seq: event.seq.toString(),
          at: iso(event.at),
          as:
            event.actorId === userId ? (event.targetId === userId ? 'actor_and_target' : 'actor') : 'target',
          action: event.action,
          actorRole: event.actorRole,
          targetType: event.targetType,
          targetId: event.targetId,
          reason: event.reason,
          metadata: event.metadata,
          requestId: event.requestId,
          ip: event.actorId === userId ? event.ip : null,
        })),
        gdprRequests: gdprRequests.map((request) => ({
          id: request.id,
          type: request.type,
          status: request.status,
          createdAt: iso(request.createdAt),
          completedAt: isoOrNull(request.completedAt),
        })),
      };
    },
    { isolationLevel: 'RepeatableRead', timeout: 60_000, maxWait: 10_000 },
  );
}

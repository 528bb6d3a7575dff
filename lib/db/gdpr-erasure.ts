// The GDPR erasure (art. 17) of one person, in one transaction: their documents with passages, vectors
// and every cached answer citing them; the answers cached from their questions; the text, feedback
// and links of their query logs (the rows stay, anonymous, for the service's totals); their review
// items, conversations, API keys, sessions, invitations and linked accounts; their user row. Wherever
// their id must stay for the record (the audit trail, review decisions, flag and request history) it
// is replaced by a pseudonym. docs/GDPR.md lists every table and why.
import 'server-only';
import { createHash } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import { assertRole } from '@/lib/auth/roles';
import { questionHash } from '@/lib/cache/normalise';
import { confirmsEmail } from '@/lib/gdpr/schemas';
import { AppError } from '@/lib/http/errors';
import { embeddingText } from '@/lib/rag/embedding-text';
import { deleteAnswersCiting } from './answer-cache';
import { pseudonymiseAuditSubject, recordAudit } from './audit';
import { db } from './client';
import { bumpCorpusVersion } from './corpus';
import { forgetLexemeFrequencies } from './lexeme-frequencies';
import { GDPR_ROLES } from './gdpr';
import type { SessionUser } from './users';

type Tx = Prisma.TransactionClient;

/** The lock lib/db/user-admin.ts takes for role and disabled changes: no race leaves zero admins. */
const ADMIN_CHANGE_LOCK = 0x75736572; // "user"

/** Names shorter than this are too common to sweep cached answers for. */
const NAME_SWEEP_MIN_CHARS = 3;

export type ErasureCounts = {
  documents: number;
  passages: number;
  cachedEmbeddings: number;
  cachedAnswers: number;
  queryLogsAnonymised: number;
  feedback: number;
  reviewItems: number;
  reviewDecisionsPseudonymised: number;
  conversations: number;
  messages: number;
  asyncQueries: number;
  apiKeys: number;
  sessions: number;
  linkedAccounts: number;
  invitations: number;
  auditEventsPseudonymised: number;
};

export type ErasureOutcome = { requestRowId: string; pseudonym: string; counts: ErasureCounts };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Refuses erasing oneself and the last enabled admin; checks the typed confirmation. */
async function lockSubject(tx: Tx, actor: SessionUser, userId: string, confirmEmail: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK}::bigint)`;
  const subject = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!subject) throw new AppError('not_found', 'No user with this id or email.');
  if (!confirmsEmail(confirmEmail, subject.email))
    throw new AppError('validation_failed', 'confirmEmail: the email typed does not match the user to erase');
  if (subject.id === actor.id)
    throw new AppError('bad_request', 'You cannot erase your own account. Ask another officer to do it.');
  if (subject.role === 'ADMIN' && !subject.disabledAt) {
    const others = await tx.user.count({
      where: { role: 'ADMIN', disabledAt: null, id: { not: subject.id } },
    });
    if (others === 0)
      throw new AppError('bad_request', 'This is the only enabled admin and cannot be erased.');
  }
  return subject;
}

/**
 * Their documents, passages, vectors and the answers citing them; `corpusChanged` when a READY one
 * went, for the caller to bump the corpus version.
 */
async function eraseDocuments(tx: Tx, userId: string) {
  const documents = await tx.document.findMany({
    where: { createdById: userId },
    select: { id: true, status: true },
  });
  const ids = documents.map((doc) => doc.id);
  if (ids.length === 0)
    return { documents: 0, passages: 0, cachedEmbeddings: 0, cachedAnswers: 0, corpusChanged: false };
  const chunks = await tx.chunk.findMany({
    where: { documentId: { in: ids } },
    select: { headingPath: true, text: true },
  });
  // The embedding cache keys a provider's vectors by the SHA-256 of the embedded text.
  const textHashes = [...new Set(chunks.map((chunk) => sha256(embeddingText(chunk))))];
  const cachedEmbeddings = textHashes.length
    ? await tx.$executeRaw`DELETE FROM embedding_cache WHERE text_hash = ANY(${textHashes}::text[])`
    : 0;
  const cachedAnswers = await deleteAnswersCiting(ids, tx);
  const deleted = await tx.document.deleteMany({ where: { id: { in: ids } } });
  return {
    documents: deleted.count,
    passages: chunks.length,
    cachedEmbeddings,
    cachedAnswers,
    corpusChanged: documents.some((doc) => doc.status === 'READY'),
  };
}

/**
 * Cached answers derived from their questions: stored from one of their query logs, keyed by one of
 * their questions, or holding their email or name anywhere in question or answer.
 */
async function eraseCachedAnswers(
  tx: Tx,
  subject: { id: string; email: string; name: string | null },
  queryLogIds: string[],
  questions: string[],
): Promise<number> {
  const hashes = [...new Set(questions.map(questionHash))];
  const needles = [subject.email.toLowerCase(), subject.id.toLowerCase()];
  const name = subject.name?.trim().toLowerCase();
  if (name && name.length >= NAME_SWEEP_MIN_CHARS) needles.push(name);
  return tx.$executeRaw`
    DELETE FROM answer_cache_entries e
    WHERE e.origin_query_log_id = ANY(${queryLogIds}::text[])
      OR e.question_hash = ANY(${hashes}::text[])
      OR EXISTS (
        SELECT 1 FROM unnest(${needles}::text[]) AS n(needle)
        WHERE strpos(lower(e.question), n.needle) > 0 OR strpos(lower(e.answer), n.needle) > 0)`;
}

/** Their query logs keep only what the service's totals need; text, feedback and links go. */
async function anonymiseQueryLogs(tx: Tx, userId: string, queryLogIds: string[]) {
  const feedback = await tx.queryLog.count({ where: { userId, feedback: { not: null } } });
  const reviewItems = await tx.reviewItem.deleteMany({ where: { queryLogId: { in: queryLogIds } } });
  const anonymised = await tx.queryLog.updateMany({
    where: { userId },
    data: {
      userId: null,
      apiKeyId: null,
      conversationId: null,
      traceId: null,
      question: '',
      answer: null,
      sources: [],
      explanation: Prisma.DbNull,
      biasFlags: Prisma.DbNull,
      feedback: null,
      feedbackComment: null,
      feedbackAt: null,
    },
  });
  return { queryLogsAnonymised: anonymised.count, feedback, reviewItems: reviewItems.count };
}

/** Where their id stays for the record (decisions, changes, requests), the pseudonym replaces it. */
async function pseudonymiseReferences(tx: Tx, userId: string, pseudonym: string) {
  const claimed = await tx.reviewItem.updateMany({
    where: { claimedById: userId },
    data: { claimedById: pseudonym },
  });
  const reviewed = await tx.reviewItem.updateMany({
    where: { reviewerId: userId },
    data: { reviewerId: pseudonym },
  });
  // Flag targeting lists name users: the erased person simply leaves them.
  const targeted = await tx.featureFlag.findMany({
    where: { OR: [{ allowUserIds: { has: userId } }, { denyUserIds: { has: userId } }] },
    select: { key: true, allowUserIds: true, denyUserIds: true },
  });
  for (const flag of targeted)
    await tx.featureFlag.update({
      where: { key: flag.key },
      data: {
        allowUserIds: flag.allowUserIds.filter((id) => id !== userId),
        denyUserIds: flag.denyUserIds.filter((id) => id !== userId),
      },
    });
  await tx.featureFlag.updateMany({ where: { updatedById: userId }, data: { updatedById: pseudonym } });
  await tx.systemState.updateMany({ where: { updatedById: userId }, data: { updatedById: pseudonym } });
  await tx.gdprRequest.updateMany({
    where: { subjectId: userId },
    data: { subjectId: null, subjectEmail: null, subjectPseudonym: pseudonym },
  });
  await tx.gdprRequest.updateMany({ where: { requestedById: userId }, data: { requestedById: pseudonym } });
  return { reviewDecisionsPseudonymised: claimed.count + reviewed.count };
}

/**
 * Erases the person (see the file comment) and records it: the audit event `gdpr.erased` (target:
 * the pseudonym) and the request row `requestRowId`, marked done, in the same transaction. Admins and
 * compliance officers; nobody erases themselves or the last enabled admin.
 */
export async function eraseSubject(input: {
  actor: SessionUser | null;
  userId: string;
  confirmEmail: string;
  pseudonym: string;
  requestRowId: string;
  requestId?: string | null;
}): Promise<ErasureOutcome> {
  const { actor, pseudonym } = input;
  assertRole(actor, GDPR_ROLES);
  return db().$transaction(
    async (tx) => {
      const subject = await lockSubject(tx, actor, input.userId, input.confirmEmail);
      const userId = subject.id;

      const documents = await eraseDocuments(tx, userId);
      const logs = await tx.queryLog.findMany({ where: { userId }, select: { id: true, question: true } });
      const asked = await tx.message.findMany({
        where: { role: 'USER', conversation: { userId } },
        select: { content: true },
      });
      const queryLogIds = logs.map((log) => log.id);
      const cachedAnswers = await eraseCachedAnswers(tx, subject, queryLogIds, [
        ...logs.map((log) => log.question),
        ...asked.map((message) => message.content),
      ]);
      const logCounts = await anonymiseQueryLogs(tx, userId, queryLogIds);

      // Counted before the user row takes them with it (one query at a time on the transaction).
      const conversations = await tx.conversation.count({ where: { userId } });
      const messages = await tx.message.count({ where: { conversation: { userId } } });
      const asyncQueries = await tx.asyncQuery.count({ where: { userId } });
      const apiKeys = await tx.apiKey.count({ where: { userId } });
      const sessions = await tx.session.count({ where: { userId } });
      const linkedAccounts = await tx.account.count({ where: { userId } });
      const invitations = await tx.invite.deleteMany({ where: { email: subject.email } });
      await tx.verificationToken.deleteMany({ where: { identifier: subject.email } });
      const references = await pseudonymiseReferences(tx, userId, pseudonym);
      const audit = await pseudonymiseAuditSubject(tx, userId, pseudonym);
      // Conversations and their messages, async queries, API keys, sessions and linked accounts go
      // with the user row (ON DELETE CASCADE); invitations they sent lose the sender (SET NULL).
      await tx.user.delete({ where: { id: userId } });

      const counts: ErasureCounts = {
        documents: documents.documents,
        passages: documents.passages,
        cachedEmbeddings: documents.cachedEmbeddings,
        cachedAnswers: documents.cachedAnswers + cachedAnswers,
        ...logCounts,
        ...references,
        conversations,
        messages,
        asyncQueries,
        apiKeys,
        sessions,
        linkedAccounts,
        invitations: invitations.count,
        auditEventsPseudonymised: audit.rows,
      };
      await recordAudit(
        {
          actor,
          action: 'gdpr.erased',
          target: { type: 'user', id: pseudonym },
          metadata: { gdprRequestId: input.requestRowId, role: subject.role, ...counts },
          requestId: input.requestId ?? null,
        },
        tx,
      );
      // Last, as in completeDocument: the bump locks the one corpus version row (and forgetting the
      // frequencies every lexeme's row) until commit, and documents completing meanwhile wait for it.
      if (documents.corpusChanged) {
        await bumpCorpusVersion(tx, 'documents of an erased user deleted');
        await forgetLexemeFrequencies(tx);
      }
      await tx.gdprRequest.update({
        where: { id: input.requestRowId },
        data: { status: 'DONE', result: counts, completedAt: new Date() },
      });
      return { requestRowId: input.requestRowId, pseudonym, counts };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

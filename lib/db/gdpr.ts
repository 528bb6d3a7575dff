// GDPR requests and their subjects: finding a person by id or email, what is held about them (counts),
// and the request history with its status (pending → running → done | failed). The export and the
// erasure themselves are in ./gdpr-export.ts and ./gdpr-erasure.ts.
import 'server-only';
import type { GdprRequestStatus, GdprRequestType, Role } from '@/lib/generated/prisma/enums';
import { assertRole } from '@/lib/auth/roles';
import { AppError } from '@/lib/http/errors';
import { db } from './client';
import { normaliseEmail, type SessionUser } from './users';

/** Who may use the GDPR tools. The data layer checks it again behind every page, route and action. */
export const GDPR_ROLES: readonly Role[] = ['ADMIN', 'COMPLIANCE'];

export type GdprSubject = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
};

const subjectFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  createdAt: true,
} as const;

/** The user named by `ref` (an id, or an email in any case); 404 when there is none. */
export async function findGdprSubject(viewer: SessionUser | null, ref: string): Promise<GdprSubject> {
  assertRole(viewer, GDPR_ROLES);
  const trimmed = ref.trim();
  const user = trimmed.includes('@')
    ? await db().user.findUnique({ where: { email: normaliseEmail(trimmed) }, select: subjectFields })
    : await db().user.findUnique({ where: { id: trimmed }, select: subjectFields });
  if (!user) throw new AppError('not_found', 'No user with this id or email.');
  return user;
}

export type SubjectHoldings = {
  conversations: number;
  messages: number;
  queryLogs: number;
  feedback: number;
  documents: number;
  sharedDocuments: number;
  apiKeys: number;
  sessions: number;
  invitations: number;
  reviewItems: number;
  auditEvents: number;
};

/** What is held about the person, counted: shown before an export or erasure. */
export async function subjectHoldings(
  viewer: SessionUser | null,
  subject: GdprSubject,
): Promise<SubjectHoldings> {
  assertRole(viewer, GDPR_ROLES);
  const userId = subject.id;
  const [
    conversations,
    messages,
    queryLogs,
    feedback,
    documents,
    sharedDocuments,
    apiKeys,
    sessions,
    invitations,
    reviewItems,
    auditEvents,
  ] = await Promise.all([
    db().conversation.count({ where: { userId } }),
    db().message.count({ where: { conversation: { userId } } }),
    db().queryLog.count({ where: { userId } }),
    db().queryLog.count({ where: { userId, feedback: { not: null } } }),
    db().document.count({ where: { createdById: userId } }),
    db().document.count({ where: { createdById: userId, visibility: 'SHARED' } }),
    db().apiKey.count({ where: { userId } }),
    db().session.count({ where: { userId } }),
    db().invite.count({ where: { OR: [{ email: subject.email }, { invitedById: userId }] } }),
    db().reviewItem.count({ where: { queryLog: { userId } } }),
    db().auditEvent.count({ where: { OR: [{ actorId: userId }, { targetId: userId }] } }),
  ]);
  return {
    conversations,
    messages,
    queryLogs,
    feedback,
    documents,
    sharedDocuments,
    apiKeys,
    sessions,
    invitations,
    reviewItems,
    auditEvents,
  };
}

export type GdprRequestRow = {
  id: string;
  type: GdprRequestType;
  status: GdprRequestStatus;
  /** The subject's email until they are erased; null after. */
  subjectEmail: string | null;
  subjectId: string | null;
  subjectPseudonym: string | null;
  requestedById: string;
  requestedByRole: Role;
  /** The officer's email, when their account still exists. */
  requestedByEmail: string | null;
  error: string | null;
  result: unknown;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
};

/** Rows of the history page. */
export const GDPR_HISTORY_SIZE = 50;

/** The newest requests first. */
export async function listGdprRequests(
  viewer: SessionUser | null,
  limit = GDPR_HISTORY_SIZE,
): Promise<GdprRequestRow[]> {
  assertRole(viewer, GDPR_ROLES);
  const rows = await db().gdprRequest.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  const officers = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.requestedById))] } },
    select: { id: true, email: true },
  });
  const emails = new Map(officers.map((officer) => [officer.id, officer.email]));
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    status: row.status,
    subjectEmail: row.subjectEmail,
    subjectId: row.subjectId,
    subjectPseudonym: row.subjectPseudonym,
    requestedById: row.requestedById,
    requestedByRole: row.requestedByRole,
    requestedByEmail: emails.get(row.requestedById) ?? null,
    error: row.error,
    result: row.result,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
  }));
}

/** Records a request in the history as pending; `markGdprRequestRunning` starts it. */
export async function openGdprRequest(input: {
  viewer: SessionUser;
  type: GdprRequestType;
  subject: GdprSubject;
  requestId?: string | null;
}): Promise<{ id: string }> {
  return db().gdprRequest.create({
    data: {
      type: input.type,
      status: 'PENDING',
      subjectId: input.subject.id,
      subjectEmail: input.subject.email,
      requestedById: input.viewer.id,
      requestedByRole: input.viewer.role,
      requestId: input.requestId ?? null,
    },
    select: { id: true },
  });
}

/** The work on a request has begun. */
export async function markGdprRequestRunning(id: string): Promise<void> {
  await db().gdprRequest.update({ where: { id }, data: { status: 'RUNNING', startedAt: new Date() } });
}

/** Marks a request done with what it did. */
export async function finishGdprRequest(id: string, result: Record<string, unknown>): Promise<void> {
  await db().gdprRequest.update({
    where: { id },
    data: { status: 'DONE', result: result as object, completedAt: new Date() },
  });
}

/** Marks a request failed with a reason an officer can read (never a stack). */
export async function failGdprRequest(id: string, error: string): Promise<void> {
  await db().gdprRequest.update({
    where: { id },
    data: { status: 'FAILED', error: error.slice(0, 500), completedAt: new Date() },
  });
}

// Conversations and their messages. Every read and write is scoped to the owner: another user's
// conversation is reported as not found, never as forbidden, so its existence stays private.
import 'server-only';
import { limits } from '@/lib/config';
import { AppError } from '@/lib/http/errors';
import type { AnswerMetadata, StoredChatMessage, Turn } from '@/lib/rag/answer-metadata';
import type { AnswerSource } from '@/lib/rag/sources';
import { db } from './client';

export type ConversationSummary = { id: string; title: string; createdAt: Date; updatedAt: Date };

export type StoredMessage = StoredChatMessage & { createdAt: Date };

const notFound = () => new AppError('not_found', 'Conversation not found.');

/** Longest conversation title, in characters; longer first questions are cut at a word boundary. */
export const TITLE_MAX_CHARS = limits.conversationTitleMaxChars;

/** A title from the first question: its first line, cut at a word boundary. */
export function titleFromQuestion(question: string): string {
  const line = question.trim().split(/\r?\n/, 1)[0]!.replace(/\s+/g, ' ');
  if (line.length <= TITLE_MAX_CHARS) return line;
  const cut = line.slice(0, TITLE_MAX_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export async function listConversations(
  userId: string,
  options: { limit: number; cursor?: string },
): Promise<{ conversations: ConversationSummary[]; nextCursor: string | null }> {
  const rows = await db().conversation.findMany({
    where: { userId },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: options.limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: { id: true, title: true, createdAt: true, updatedAt: true },
  });
  const more = rows.length > options.limit;
  const page = more ? rows.slice(0, options.limit) : rows;
  return { conversations: page, nextCursor: more ? page.at(-1)!.id : null };
}

/** The owner's conversation, or 404. */
export async function getConversation(userId: string, id: string): Promise<ConversationSummary> {
  const row = await db().conversation.findFirst({
    where: { id, userId },
    select: { id: true, title: true, createdAt: true, updatedAt: true },
  });
  if (!row) throw notFound();
  return row;
}

/**
 * The owner's conversation with this id, created (titled from `question`) when no conversation has
 * it. An id taken by another user's conversation is 404, as for any conversation not the caller's.
 */
export async function openConversation(
  userId: string,
  id: string,
  question: string,
  attempt = 1,
): Promise<ConversationSummary & { created: boolean }> {
  // One statement: the new conversation, or the one already under this id. Timestamps are UTC
  // wall-clock time, as Prisma writes them.
  const [row] = await db().$queryRaw<(ConversationSummary & { userId: string; created: boolean })[]>`
    WITH made AS (
      INSERT INTO conversations (id, user_id, title, created_at, updated_at)
      VALUES (${id}, ${userId}, ${titleFromQuestion(question)}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      ON CONFLICT (id) DO NOTHING
      RETURNING id, user_id, title, created_at, updated_at)
    SELECT id, user_id AS "userId", title, created_at AS "createdAt", updated_at AS "updatedAt", true AS created
    FROM made
    UNION ALL
    SELECT id, user_id, title, created_at, updated_at, false FROM conversations WHERE id = ${id}`;
  if (!row) {
    // Another request made this id in a transaction that committed after this statement began: the
    // row is there now.
    if (attempt < 3) return openConversation(userId, id, question, attempt + 1);
    throw new Error(`conversation ${id} neither created nor found`);
  }
  if (row.userId !== userId) throw notFound();
  const { title, createdAt, updatedAt, created } = row;
  return { id: row.id, title, createdAt, updatedAt, created };
}

export async function renameConversation(
  userId: string,
  id: string,
  title: string,
): Promise<ConversationSummary> {
  const { count } = await db().conversation.updateMany({ where: { id, userId }, data: { title } });
  if (count === 0) throw notFound();
  return getConversation(userId, id);
}

export async function deleteConversation(userId: string, id: string): Promise<void> {
  const { count } = await db().conversation.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound();
}

function toStoredMessage(row: {
  id: string;
  role: 'USER' | 'ASSISTANT';
  content: string;
  sources: unknown;
  metadata: unknown;
  queryLogId: string | null;
  createdAt: Date;
  queryLog?: { feedback: number | null; feedbackComment: string | null } | null;
}): StoredMessage {
  const metadata = { ...(row.metadata as Partial<AnswerMetadata>) };
  if (row.queryLog?.feedback === 1 || row.queryLog?.feedback === -1)
    metadata.feedback = { rating: row.queryLog.feedback, comment: row.queryLog.feedbackComment };
  return {
    id: row.id,
    role: row.role === 'USER' ? 'user' : 'assistant',
    content: row.content,
    sources: (row.sources as AnswerSource[]) ?? [],
    metadata,
    queryLogId: row.queryLogId,
    createdAt: row.createdAt,
  };
}

/** The owner's conversation with its messages, oldest first (at most `limit`, the most recent). */
export async function getConversationMessages(
  userId: string,
  id: string,
  limit = 200,
): Promise<{ conversation: ConversationSummary; messages: StoredMessage[] }> {
  const conversation = await getConversation(userId, id);
  const rows = await db().message.findMany({
    where: { conversationId: id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    include: { queryLog: { select: { feedback: true, feedbackComment: true } } },
  });
  return { conversation, messages: rows.reverse().map(toStoredMessage) };
}

/** The last turns of a conversation, oldest first, for follow-up questions. */
export async function recentTurns(conversationId: string, limit: number): Promise<Turn[]> {
  const rows = await db().message.findMany({
    where: { conversationId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { role: true, content: true },
  });
  return rows.reverse().map((row) => ({
    role: row.role === 'USER' ? 'user' : 'assistant',
    content: row.content,
  }));
}

/** Stores a question; `touchConversation: false` skips moving the conversation up (it was just made). */
export async function addUserMessage(
  conversationId: string,
  content: string,
  { touchConversation = true }: { touchConversation?: boolean } = {},
): Promise<{ id: string }> {
  const create = db().message.create({
    data: { conversationId, role: 'USER', content },
    select: { id: true },
  });
  if (!touchConversation) return create;
  const [message] = await db().$transaction([
    create,
    db().conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date() } }),
  ]);
  return message;
}

export async function addAssistantMessage(input: {
  conversationId: string;
  content: string;
  sources: AnswerSource[];
  metadata: Partial<AnswerMetadata>;
  queryLogId: string | null;
}): Promise<{ id: string }> {
  const [message] = await db().$transaction([
    db().message.create({
      data: {
        conversationId: input.conversationId,
        role: 'ASSISTANT',
        content: input.content,
        sources: input.sources,
        metadata: input.metadata,
        queryLogId: input.queryLogId,
      },
      select: { id: true },
    }),
    db().conversation.update({ where: { id: input.conversationId }, data: { updatedAt: new Date() } }),
  ]);
  return message;
}

/**
 * For regenerate: removes the answers after the conversation's last question and returns that
 * question, or null when the conversation has none.
 */
export async function rewindToLastQuestion(conversationId: string): Promise<string | null> {
  const lastQuestion = await db().message.findFirst({
    where: { conversationId, role: 'USER' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { content: true, createdAt: true },
  });
  if (!lastQuestion) return null;
  await db().message.deleteMany({
    where: { conversationId, role: 'ASSISTANT', createdAt: { gte: lastQuestion.createdAt } },
  });
  return lastQuestion.content;
}

// The browser's calls to /api/conversations: list (newest first, by pages), rename, delete.
import { requestJson } from './request-json';

export type ConversationItem = { id: string; title: string; updatedAt: string };

export type ConversationPage = { conversations: ConversationItem[]; nextCursor: string | null };

/** Conversations listed per page in the sidebar. */
export const CONVERSATIONS_PAGE_SIZE = 30;

export async function fetchConversations(cursor?: string): Promise<ConversationPage> {
  const query = new URLSearchParams({ limit: String(CONVERSATIONS_PAGE_SIZE) });
  if (cursor) query.set('cursor', cursor);
  return toConversationPage(await requestJson<ConversationPage>(`/api/conversations?${query}`));
}

export async function renameConversation(id: string, title: string): Promise<ConversationItem> {
  const { updatedAt, ...renamed } = await requestJson<ConversationItem>(
    `/api/conversations/${encodeURIComponent(id)}`,
    { method: 'PATCH', json: { title } },
  );
  return { id: renamed.id, title: renamed.title, updatedAt };
}

export async function deleteConversation(id: string): Promise<void> {
  await requestJson<void>(`/api/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** A page of conversations as the server lists them (dates as Date or ISO text), for the sidebar. */
export function toConversationPage(page: {
  conversations: Array<{ id: string; title: string; updatedAt: Date | string }>;
  nextCursor: string | null;
}): ConversationPage {
  return {
    conversations: page.conversations.map(({ id, title, updatedAt }) => ({
      id,
      title,
      updatedAt: typeof updatedAt === 'string' ? updatedAt : updatedAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

// A stored conversation, resumed: its messages as they were answered (sources, notes, feedback).
// Someone else's conversation, or one that does not exist, is the ordinary 404 page.
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { ChatPage } from '@/components/chat/chat-page';
import { CONVERSATIONS_PAGE_SIZE, toConversationPage } from '@/components/chat/conversations-api';
import { toChatMessages } from '@/components/chat/stored-messages';
import { modelInfo } from '@/lib/ai/model-info';
import { getSessionUser } from '@/lib/auth/session';
import { getConversationMessages, listConversations } from '@/lib/db/conversations';
import { AppError } from '@/lib/http/errors';
import { conversationIdSchema } from '@/lib/rag/conversation-id';

export const dynamic = 'force-dynamic';

type ConversationPageProps = { params: Promise<{ id: string }> };

/** The user's conversation with its messages, or null when it is not theirs or does not exist. */
const loadConversation = cache(async (userId: string, id: string) => {
  if (!conversationIdSchema.safeParse(id).success) return null;
  try {
    return await getConversationMessages(userId, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
});

export async function generateMetadata({ params }: ConversationPageProps): Promise<Metadata> {
  const [{ id }, user] = await Promise.all([params, getSessionUser()]);
  const found = user && (await loadConversation(user.id, id));
  return { title: found ? found.conversation.title : 'Conversation not found' };
}

export default async function ConversationPage({ params }: ConversationPageProps) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/c/${id}`)}`);
  const found = await loadConversation(user.id, id);
  if (!found) notFound();
  const conversations = await listConversations(user.id, { limit: CONVERSATIONS_PAGE_SIZE });

  return (
    <ChatPage
      user={user}
      models={modelInfo()}
      conversationId={found.conversation.id}
      isNew={false}
      initialMessages={toChatMessages(found.messages)}
      conversations={toConversationPage(conversations)}
    />
  );
}

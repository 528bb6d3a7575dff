// Chat page: a new conversation. Its id is minted here, so every visit (and New chat) starts afresh;
// the server creates the conversation with that id on its first question.
import { generateId } from 'ai';
import { redirect } from 'next/navigation';
import { ChatPage } from '@/components/chat/chat-page';
import { CONVERSATIONS_PAGE_SIZE, toConversationPage } from '@/components/chat/conversations-api';
import { modelInfo } from '@/lib/ai/model-info';
import { getSessionUser } from '@/lib/auth/session';
import { listConversations } from '@/lib/db/conversations';

// Per-request: depends on the session cookie.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect('/login?callbackUrl=/');
  const conversations = await listConversations(user.id, { limit: CONVERSATIONS_PAGE_SIZE });

  return (
    <ChatPage
      user={user}
      models={modelInfo()}
      conversationId={generateId()}
      isNew
      initialMessages={[]}
      conversations={toConversationPage(conversations)}
    />
  );
}

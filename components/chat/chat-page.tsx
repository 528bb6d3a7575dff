// The chat page's frame, shared by / (a new conversation) and /c/{id} (a stored one): the site
// header with the model notice, then the sidebar and the conversation. The pages load the data.
import { SiteHeader } from '@/components/site-header';
import type { ChatMessage } from '@/lib/rag/answer-metadata';
import { ChatScreen } from './chat-screen';
import type { ConversationPage } from './conversations-api';
import { LocalModelLabel } from './local-model-label';

type ChatPageProps = {
  user: Parameters<typeof SiteHeader>[0]['user'];
  models: { local: boolean; chatModel: string };
  conversationId: string;
  isNew: boolean;
  initialMessages: ChatMessage[];
  conversations: ConversationPage;
};

export function ChatPage({
  user,
  models,
  conversationId,
  isNew,
  initialMessages,
  conversations,
}: ChatPageProps) {
  return (
    <div className="flex h-dvh flex-col">
      <SiteHeader user={user} current="chat">
        {models.local && <LocalModelLabel chatModel={models.chatModel} />}
      </SiteHeader>
      {/* A new key for each conversation: nothing of the previous one's state survives. */}
      <ChatScreen
        key={conversationId}
        conversationId={conversationId}
        isNew={isNew}
        initialMessages={initialMessages}
        initialConversations={conversations}
      />
    </div>
  );
}

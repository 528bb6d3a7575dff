'use client';
// The chat page's client side: the conversations sidebar (a drawer on phones) beside one
// conversation. Both pages render it: / with a new conversation, /c/{id} with a stored one.
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState, type MouseEvent } from 'react';
import type { ChatMessage } from '@/lib/rag/answer-metadata';
import { Chat } from './chat';
import { ChatToolbar } from './chat-toolbar';
import { ConversationSidebar } from './conversation-sidebar';
import type { ConversationPage } from './conversations-api';
import { useConversations } from './use-conversations';

type ChatScreenProps = {
  conversationId: string;
  isNew: boolean;
  initialMessages: ChatMessage[];
  initialConversations: ConversationPage;
};

/** The conversation id in a /c/{id} path; null elsewhere (a new chat at /). */
function conversationIdOf(pathname: string): string | null {
  const match = /^\/c\/([^/]+)$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

export function ChatScreen({
  conversationId,
  isNew,
  initialMessages,
  initialConversations,
}: ChatScreenProps) {
  const conversations = useConversations(initialConversations);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const router = useRouter();
  const pathname = usePathname();
  const currentId = conversationIdOf(pathname);
  const title = conversations.items.find((c) => c.id === currentId)?.title ?? 'New chat';

  // A new chat that took its address (/c/{id}) with history.replaceState is still, for the router,
  // the page at /: following a link to / keeps it as it is, and going back to that address later
  // shows it empty. In both cases ask the server for the page afresh.
  const renderedAs = isNew ? '/' : `/c/${conversationId}`;
  useEffect(() => {
    if (pathname !== renderedAs) router.refresh();
    // Only on arrival: later the address changes on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  function startNewChat(event: MouseEvent) {
    if (!isNew) return;
    event.preventDefault();
    router.push('/');
    router.refresh();
  }
  function leaveDeleted(id: string) {
    if (id !== currentId) return;
    router.replace('/');
    if (isNew) router.refresh();
  }

  return (
    <div className="flex min-h-0 flex-1">
      <ConversationSidebar
        conversations={conversations}
        currentId={currentId}
        onDeleted={leaveDeleted}
        onNewChat={startNewChat}
        drawerOpen={drawerOpen}
        onDrawerClose={() => setDrawerOpen(false)}
      />
      <div className="flex min-w-0 flex-1 flex-col">
        <ChatToolbar title={title} onOpenConversations={() => setDrawerOpen(true)} onNewChat={startNewChat} />
        <Chat
          conversationId={conversationId}
          isNew={isNew}
          initialMessages={initialMessages}
          onAnswered={() => void conversations.refresh()}
        />
      </div>
    </div>
  );
}

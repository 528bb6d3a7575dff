'use client';
// The chat: streams answers from POST /api/chat through the AI SDK and keeps the user's question
// if anything fails, so nothing typed is lost.
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useRef, useState } from 'react';
import { ChatComposer } from '@/components/chat/chat-composer';
import { ChatError } from '@/components/chat/chat-error';
import { MessageList } from '@/components/chat/message-list';
import { parseChatError } from '@/components/chat/parse-chat-error';
import { limits } from '@/lib/config';

const transport = new DefaultChatTransport({
  api: '/api/chat',
  // The API refuses longer histories; send only the most recent messages so long chats keep working.
  prepareSendMessagesRequest: ({ id, messages }) => ({
    body: { id, messages: messages.slice(-limits.chatHistoryMaxMessages) },
  }),
});

export function Chat() {
  const [input, setInput] = useState('');
  const lastQuestion = useRef('');
  const [stoppedIds, setStoppedIds] = useState<ReadonlySet<string>>(() => new Set());
  const { messages, sendMessage, regenerate, stop, status, error } = useChat({
    transport,
    // Put the failed question back in the box (unless the user has started typing another one).
    onError: () => setInput((current) => current || lastQuestion.current),
    // Remember answers cut short by Stop so they are not mistaken for complete ones.
    onFinish: ({ message, isAbort }) => {
      if (isAbort) setStoppedIds((ids) => new Set(ids).add(message.id));
    },
  });
  const busy = status === 'submitted' || status === 'streaming';

  function submit() {
    const text = input.trim();
    if (!text || busy) return;
    lastQuestion.current = text;
    setInput('');
    // After a failed request the unanswered question is still the last message: replace it rather
    // than sending the conversation with the same question twice.
    const last = messages.at(-1);
    const replaceId = status === 'error' && last?.role === 'user' ? last.id : undefined;
    void sendMessage({ text, messageId: replaceId });
  }

  function retry() {
    setInput((current) => (current.trim() === lastQuestion.current ? '' : current));
    void regenerate();
  }

  return (
    <main id="main" className="flex min-h-0 flex-1 flex-col">
      <h1 className="sr-only">Chat</h1>
      <MessageList
        messages={messages}
        status={status}
        stoppedIds={stoppedIds}
        footer={error && <ChatError error={parseChatError(error)} onRetry={retry} />}
      />
      <p role="status" className="sr-only">
        {status === 'submitted'
          ? 'Searching your documents.'
          : status === 'streaming'
            ? 'Writing an answer.'
            : status === 'ready' && messages.at(-1)?.role === 'assistant'
              ? 'Answer ready.'
              : ''}
      </p>
      <div className="border-t border-neutral-200 bg-white px-4 pt-3 pb-4 dark:border-neutral-800 dark:bg-neutral-950">
        <ChatComposer
          value={input}
          onChange={setInput}
          onSubmit={submit}
          onStop={() => void stop()}
          busy={busy}
        />
      </div>
    </main>
  );
}

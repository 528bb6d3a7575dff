// The conversation so far, or a short welcome when it is empty. Keeps the newest message in view
// unless the reader has scrolled up to read something older.
import type { ChatStatus, UIMessage } from 'ai';
import { type ReactNode, useEffect, useRef } from 'react';
import { AssistantMessage } from '@/components/chat/assistant-message';
import { StreamingIndicator } from '@/components/chat/streaming-indicator';
import { UserMessage } from '@/components/chat/user-message';

type MessageListProps = {
  messages: UIMessage[];
  status: ChatStatus;
  /** Answers the user stopped before they were complete. */
  stoppedIds: ReadonlySet<string>;
  /** Rendered after the last message, e.g. an error. */
  footer?: ReactNode;
};

const STICK_TO_BOTTOM_PX = 120;

export function MessageList({ messages, status, stoppedIds, footer }: MessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const last = messages.at(-1);
  const waitingForFirstToken = status === 'submitted' && last?.role !== 'assistant';

  useEffect(() => {
    const el = scrollRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [messages, status, footer]);

  return (
    <div
      ref={scrollRef}
      onScroll={(event) => {
        const el = event.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_TO_BOTTOM_PX;
      }}
      className="flex-1 overflow-y-auto"
    >
      <section aria-label="Conversation" className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
        {messages.length === 0 && <Welcome />}
        {messages.map((message) =>
          message.role === 'user' ? (
            <UserMessage key={message.id} message={message} />
          ) : message.role === 'assistant' ? (
            <AssistantMessage
              key={message.id}
              message={message}
              streaming={status === 'streaming' && message === last}
              stopped={stoppedIds.has(message.id)}
            />
          ) : null,
        )}
        {waitingForFirstToken && (
          <div className="pl-10">
            <StreamingIndicator label="Searching your documents…" />
          </div>
        )}
        {footer}
      </section>
    </div>
  );
}

function Welcome() {
  return (
    <div className="py-16 text-center">
      <h2 className="text-2xl font-semibold tracking-tight">Ask the docs</h2>
      <p className="mx-auto mt-2 max-w-md text-neutral-600 dark:text-neutral-400">
        Ask a question in your own words. Answers come from your organisation&apos;s documents, and every
        answer lists the sources it used.
      </p>
    </div>
  );
}

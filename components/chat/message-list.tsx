// The conversation so far, or a short welcome when it is empty. Keeps the newest message in view
// unless the reader has scrolled up to read something older.
import type { ChatStatus } from 'ai';
import { type ReactNode, useEffect, useRef } from 'react';
import type { ChatMessage } from '@/lib/rag/answer-metadata';
import type { AnswerSource } from '@/lib/rag/sources';
import { AssistantMessage } from './assistant-message';
import type { Feedback } from './feedback-api';
import { StreamingIndicator } from './streaming-indicator';
import { UserMessage } from './user-message';

type MessageListProps = {
  messages: ChatMessage[];
  status: ChatStatus;
  /** Answers the user stopped before they were complete. */
  stoppedIds: ReadonlySet<string>;
  /** Answers that broke off part-way. */
  incompleteIds: ReadonlySet<string>;
  onRegenerate: () => void;
  onOpenSource: (source: AnswerSource) => void;
  onFeedback: (messageId: string, feedback: Feedback) => void;
  /** Rendered after the last message, e.g. an error. */
  footer?: ReactNode;
};

const STICK_TO_BOTTOM_PX = 120;

export function MessageList({
  messages,
  status,
  stoppedIds,
  incompleteIds,
  onRegenerate,
  onOpenSource,
  onFeedback,
  footer,
}: MessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const last = messages.at(-1);
  const busy = status === 'submitted' || status === 'streaming';
  const waitingForFirstToken = status === 'submitted' && last?.role !== 'assistant';

  const shownCount = useRef(messages.length);

  useEffect(() => {
    // A question just asked brings the reader back to the bottom, wherever they had scrolled.
    if (messages.length > shownCount.current && messages.at(-1)?.role === 'user')
      stickToBottom.current = true;
    shownCount.current = messages.length;
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
      data-testid="message-scroll"
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
              streaming={busy && message === last}
              stopped={stoppedIds.has(message.id)}
              incomplete={incompleteIds.has(message.id)}
              onRegenerate={!busy && message === last ? onRegenerate : undefined}
              onOpenSource={onOpenSource}
              onFeedback={onFeedback}
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

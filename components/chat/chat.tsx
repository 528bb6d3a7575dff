'use client';
// One conversation: streams answers from POST /api/chat through the AI SDK, keeps the user's
// question if a request fails (so nothing typed is lost), and offers stop, regenerate, retry,
// feedback and the cited passages. A new conversation takes its address (/c/{id}) once the server
// has it, without a reload.
import './zod-csp';
import { useChat } from '@ai-sdk/react';
import { useCallback, useRef, useState } from 'react';
import type { ChatMessage } from '@/lib/rag/answer-metadata';
import type { AnswerSource } from '@/lib/rag/sources';
import { ChatComposer } from './chat-composer';
import { ChatError } from './chat-error';
import { chatTransport } from './chat-transport';
import type { Feedback } from './feedback-api';
import { MessageList } from './message-list';
import { messageText } from './message-content';
import { parseChatError } from './parse-chat-error';
import { ServicePausedBanner } from './service-paused-banner';
import { SourcePanel } from './source-panel';
import { useEscapeToStop } from './use-escape-to-stop';

type ChatProps = {
  conversationId: string;
  /** Not on the server yet: the address becomes /c/{id} after the first answer starts. */
  isNew: boolean;
  initialMessages: ChatMessage[];
  /** An answer was given (or started): the conversation list may have changed. */
  onAnswered: () => void;
};

const addIn = (id: string) => (ids: ReadonlySet<string>) => new Set(ids).add(id);

// Each failure gets its own alert (a fresh Retry-After countdown), even when its text is the same.
const errorKeys = new WeakMap<Error, number>();
let errorCount = 0;
function keyOf(error: Error): number {
  let key = errorKeys.get(error);
  if (key === undefined) errorKeys.set(error, (key = ++errorCount));
  return key;
}

export function Chat({ conversationId, isNew, initialMessages, onAnswered }: ChatProps) {
  const [input, setInput] = useState('');
  // What the last request was, to retry it the same way and to give a refused question back.
  const lastRequest = useRef<{ trigger: 'submit' | 'regenerate'; question: string }>({
    trigger: 'submit',
    question: '',
  });
  const onServer = useRef(!isNew);
  const [stoppedIds, setStoppedIds] = useState<ReadonlySet<string>>(() => new Set());
  const [incompleteIds, setIncompleteIds] = useState<ReadonlySet<string>>(() => new Set());
  const [openSource, setOpenSource] = useState<AnswerSource | null>(null);

  const { messages, setMessages, sendMessage, regenerate, stop, status, error } = useChat<ChatMessage>({
    id: conversationId,
    messages: initialMessages,
    transport: chatTransport,
    onFinish: ({ message, isAbort, isError }) => {
      const answered = messageText(message) !== '';
      // Remember answers cut short by Stop, or cut off, so they are not mistaken for complete ones.
      if (isAbort) setStoppedIds(addIn(message.id));
      else if (isError && answered) setIncompleteIds(addIn(message.id));
      // Refused before any answer: put the question back in the box (unless another is being typed).
      const { trigger, question } = lastRequest.current;
      if (isError && !message.metadata?.requestId && trigger === 'submit')
        setInput((current) => current || question);
      // The answer started, so the server holds the conversation now.
      if (message.metadata?.requestId) {
        if (!onServer.current) {
          onServer.current = true;
          window.history.replaceState(null, '', `/c/${conversationId}`);
        }
        onAnswered();
      }
    },
  });
  const busy = status === 'submitted' || status === 'streaming';
  const last = messages.at(-1);
  const errorView =
    error && parseChatError(error, { partialAnswer: last?.role === 'assistant' && messageText(last) !== '' });

  const stopAnswer = useCallback(() => void stop(), [stop]);
  useEscapeToStop(busy, stopAnswer);

  function submit() {
    const text = input.trim();
    if (!text || busy) return;
    // After a refused question it is still the last message, unanswered and unknown to the server:
    // replace it rather than showing two questions.
    const refused = status === 'error' && last?.role === 'user' && lastRequest.current.trigger === 'submit';
    lastRequest.current = { trigger: 'submit', question: text };
    setInput('');
    void sendMessage({ text, messageId: refused ? last.id : undefined });
  }

  function answerAgain() {
    lastRequest.current = { trigger: 'regenerate', question: '' };
    void regenerate();
  }

  function retry() {
    if (last?.role === 'assistant' || lastRequest.current.trigger === 'regenerate') {
      // The server has the question (an answer had started, or it was a regenerate): answer it again.
      answerAgain();
    } else if (last?.role === 'user') {
      // Refused before the server took the question: send it again.
      const text = messageText(last, '\n');
      lastRequest.current = { trigger: 'submit', question: text };
      setInput((current) => (current.trim() === text ? '' : current));
      void sendMessage({ text, messageId: last.id });
    }
  }

  const recordFeedback = useCallback(
    (messageId: string, feedback: Feedback) =>
      setMessages((current) =>
        current.map((m) =>
          m.id === messageId && m.metadata ? { ...m, metadata: { ...m.metadata, feedback } } : m,
        ),
      ),
    [setMessages],
  );

  return (
    <main id="main" className="flex min-h-0 flex-1 flex-col">
      <h1 className="sr-only">Chat</h1>
      {errorView?.kind === 'paused' && (
        <ServicePausedBanner message={errorView.message} requestId={errorView.requestId} onRetry={retry} />
      )}
      <MessageList
        messages={messages}
        status={status}
        stoppedIds={stoppedIds}
        incompleteIds={incompleteIds}
        onRegenerate={answerAgain}
        onOpenSource={setOpenSource}
        onFeedback={recordFeedback}
        footer={
          errorView &&
          errorView.kind !== 'paused' && <ChatError key={keyOf(error)} error={errorView} onRetry={retry} />
        }
      />
      <p role="status" className="sr-only">
        {status === 'submitted'
          ? 'Searching your documents.'
          : status === 'streaming'
            ? 'Writing an answer.'
            : status === 'ready' && last?.role === 'assistant'
              ? 'Answer ready.'
              : ''}
      </p>
      <div className="border-t border-neutral-200 bg-white px-4 pt-3 pb-4 dark:border-neutral-800 dark:bg-neutral-950">
        <ChatComposer value={input} onChange={setInput} onSubmit={submit} onStop={stopAnswer} busy={busy} />
      </div>
      <SourcePanel source={openSource} onClose={() => setOpenSource(null)} />
    </main>
  );
}

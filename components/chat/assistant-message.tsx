// An answer from the assistant: its markdown text with citations that open their passage, notes on
// its state, the numbered sources, and (once finished) the actions on it.
import { useCallback, useMemo } from 'react';
import type { ChatMessage } from '@/lib/rag/answer-metadata';
import type { AnswerSource } from '@/lib/rag/sources';
import { AnswerActions } from './answer-actions';
import { AnswerExplanation } from './answer-explanation';
import { AnswerNotes } from './answer-notes';
import type { Feedback } from './feedback-api';
import { NO_RELIABLE_ANSWER } from '@/lib/rag/answer-metadata';
import { MarkdownAnswer } from './markdown-answer';
import { answerSources, messageText } from './message-content';
import { SourceList } from './source-list';
import { StreamingIndicator } from './streaming-indicator';

type AssistantMessageProps = {
  message: ChatMessage;
  /** True while this answer is still arriving. */
  streaming: boolean;
  /** The user pressed Stop before the answer was complete. */
  stopped: boolean;
  /** The answer broke off (connection lost or a failure part-way). */
  incomplete: boolean;
  /** Given for the last answer while nothing is streaming. */
  onRegenerate?: () => void;
  onOpenSource: (source: AnswerSource) => void;
  onFeedback: (messageId: string, feedback: Feedback) => void;
};

export function AssistantMessage({
  message,
  streaming,
  stopped,
  incomplete,
  onRegenerate,
  onOpenSource,
  onFeedback,
}: AssistantMessageProps) {
  const sources = useMemo(() => answerSources(message), [message]);
  const text = messageText(message);
  const wasStopped = stopped || message.metadata?.stopped === true;
  // The confidence check found no reliable answer: the text streamed is not shown, the passages are.
  const withheld = message.metadata?.withheld === true && !streaming;
  // Message ids come from the SDK or the database; keep only characters that are safe in an element id.
  const headingId = `m-${message.id.replace(/[^A-Za-z0-9_-]/g, '')}-sources`;

  const cite = useCallback(
    (n: number) => {
      const source = sources.find((s) => s.n === n);
      if (source) onOpenSource(source);
    },
    [sources, onOpenSource],
  );

  return (
    <article aria-label="Assistant" data-testid="message-assistant" className="flex gap-3">
      <span
        aria-hidden
        className="mt-1 grid size-7 shrink-0 place-items-center rounded-full border border-neutral-200 text-[11px] font-semibold text-neutral-600 dark:border-neutral-800 dark:text-neutral-300"
      >
        AI
      </span>
      <div className="min-w-0 flex-1">
        {withheld ? (
          <p data-testid="answer-withheld" className="text-[15px] leading-7">
            {NO_RELIABLE_ANSWER}
          </p>
        ) : text ? (
          <MarkdownAnswer text={text} sourceCount={sources.length} onCite={cite} />
        ) : streaming ? (
          <StreamingIndicator label="Writing an answer…" />
        ) : (
          !wasStopped && (
            <p className="text-sm text-neutral-500 italic dark:text-neutral-400">No answer was given.</p>
          )
        )}
        <AnswerNotes
          metadata={message.metadata}
          hasText={text !== ''}
          stopped={wasStopped}
          incomplete={incomplete && !streaming}
        />
        {message.metadata?.explanation && !streaming && (
          <AnswerExplanation explanation={message.metadata.explanation} />
        )}
        <SourceList
          sources={sources}
          heading={withheld ? 'Closest passages' : 'Sources'}
          headingId={headingId}
          onOpen={onOpenSource}
        />
        {!streaming && (
          <AnswerActions
            text={withheld ? NO_RELIABLE_ANSWER : text}
            metadata={message.metadata}
            onRegenerate={onRegenerate}
            onFeedback={(feedback) => onFeedback(message.id, feedback)}
          />
        )}
      </div>
    </article>
  );
}

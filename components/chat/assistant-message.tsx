// An answer from the assistant: its markdown text with linked citations, then the numbered sources.
import type { SourceDocumentUIPart, UIMessage } from 'ai';
import { MarkdownAnswer } from '@/components/chat/markdown-answer';
import { SourceList } from '@/components/chat/source-list';
import { StreamingIndicator } from '@/components/chat/streaming-indicator';

type AssistantMessageProps = {
  message: UIMessage;
  /** True while this answer is still arriving. */
  streaming: boolean;
  /** The user pressed Stop before the answer was complete. */
  stopped: boolean;
};

export function AssistantMessage({ message, streaming, stopped }: AssistantMessageProps) {
  const sources: SourceDocumentUIPart[] = message.parts.filter((part) => part.type === 'source-document');
  const text = message.parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('\n\n');
  // Message ids come from the SDK; keep only characters that are safe in an element id and a URL fragment.
  const idPrefix = `m-${message.id.replace(/[^A-Za-z0-9_-]/g, '')}-source`;

  return (
    <article aria-label="Assistant" data-testid="message-assistant" className="flex gap-3">
      <span
        aria-hidden
        className="mt-1 grid size-7 shrink-0 place-items-center rounded-full border border-neutral-200 text-[11px] font-semibold text-neutral-600 dark:border-neutral-800 dark:text-neutral-300"
      >
        AI
      </span>
      <div className="min-w-0 flex-1">
        {text ? (
          <MarkdownAnswer text={text} sourceCount={sources.length} sourceIdPrefix={idPrefix} />
        ) : streaming ? (
          <StreamingIndicator label="Writing an answer…" />
        ) : (
          !stopped && (
            <p className="text-sm text-neutral-500 italic dark:text-neutral-400">No answer was given.</p>
          )
        )}
        {stopped && (
          <p className="mt-2 text-xs text-neutral-500 dark:text-neutral-400">
            Stopped. {text ? 'This answer may be incomplete.' : 'No answer was written.'}
          </p>
        )}
        <SourceList sources={sources} idPrefix={idPrefix} />
      </div>
    </article>
  );
}

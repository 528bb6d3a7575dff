// What can be done with a finished answer: copy it, regenerate it (the last one only), rate it.
import type { AnswerMetadata } from '@/lib/rag/answer-metadata';
import { actionButtonClasses } from './action-button';
import { CopyButton } from './copy-button';
import { FeedbackControl } from './feedback-control';
import type { Feedback } from './feedback-api';
import { RegenerateIcon } from './icons';

type AnswerActionsProps = {
  text: string;
  metadata: AnswerMetadata | undefined;
  /** Given for the last answer while nothing is streaming. */
  onRegenerate?: () => void;
  onFeedback: (feedback: Feedback) => void;
};

export function AnswerActions({ text, metadata, onRegenerate, onFeedback }: AnswerActionsProps) {
  return (
    <div data-testid="answer-actions" className="mt-2 -ml-2 flex flex-wrap items-center gap-0.5">
      {text && <CopyButton text={text} />}
      {onRegenerate && (
        <button
          type="button"
          onClick={onRegenerate}
          data-testid="answer-regenerate"
          className={actionButtonClasses}
        >
          <RegenerateIcon />
          Regenerate
        </button>
      )}
      {metadata?.queryLogId && text && (
        <FeedbackControl
          queryLogId={metadata.queryLogId}
          feedback={metadata.feedback}
          onRecorded={onFeedback}
        />
      )}
    </div>
  );
}

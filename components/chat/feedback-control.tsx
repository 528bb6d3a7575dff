'use client';
// Thumbs up or down on an answer, recorded at once, then an optional comment in a small form.
// Shows what was recorded (also after a reload, from the answer's metadata).
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';
import { limits } from '@/lib/config';
import { actionButtonClasses } from './action-button';
import { sendFeedback, type Feedback } from './feedback-api';
import { ThumbDownIcon, ThumbUpIcon } from './icons';
import { parseChatError } from './parse-chat-error';

type FeedbackControlProps = {
  queryLogId: string;
  feedback: Feedback | null | undefined;
  onRecorded: (feedback: Feedback) => void;
};

export function FeedbackControl({ queryLogId, feedback, onRecorded }: FeedbackControlProps) {
  const [formFor, setFormFor] = useState<1 | -1 | null>(null);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const thumbs = useRef<Record<'1' | '-1', HTMLButtonElement | null>>({ '1': null, '-1': null });
  const formId = useId();
  const commentId = useId();

  async function save(next: Feedback): Promise<boolean> {
    setSaving(true);
    setError(null);
    try {
      onRecorded(await sendFeedback(queryLogId, next));
      return true;
    } catch (err) {
      setError(err instanceof Error ? parseChatError(err).message : 'Could not record your feedback.');
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function rate(rating: 1 | -1) {
    const same = feedback?.rating === rating;
    setComment(same ? (feedback?.comment ?? '') : '');
    setFormFor(rating);
    if (!same) await save({ rating, comment: null });
  }

  function closeForm() {
    const rating = formFor;
    setFormFor(null);
    if (rating) thumbs.current[String(rating) as '1' | '-1']?.focus();
  }

  async function submitComment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (formFor && (await save({ rating: formFor, comment: comment.trim() || null }))) closeForm();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeForm();
    }
  }

  return (
    <div className="contents">
      {([1, -1] as const).map((rating) => {
        const Icon = rating === 1 ? ThumbUpIcon : ThumbDownIcon;
        return (
          <button
            key={rating}
            ref={(el) => {
              thumbs.current[String(rating) as '1' | '-1'] = el;
            }}
            type="button"
            aria-pressed={feedback?.rating === rating}
            aria-expanded={formFor === rating}
            aria-controls={formFor === rating ? formId : undefined}
            aria-label={rating === 1 ? 'Good answer' : 'Bad answer'}
            data-testid={rating === 1 ? 'feedback-up' : 'feedback-down'}
            disabled={saving}
            onClick={() => void rate(rating)}
            className={actionButtonClasses}
          >
            <Icon />
          </button>
        );
      })}
      {formFor !== null && (
        <form
          id={formId}
          onSubmit={(event) => void submitComment(event)}
          onKeyDown={handleKeyDown}
          aria-label="Feedback comment"
          data-testid="feedback-form"
          className="mt-1 ml-2 w-[calc(100%-0.5rem)] rounded-lg border border-neutral-200 bg-neutral-50 p-3 dark:border-neutral-800 dark:bg-neutral-900"
        >
          <label htmlFor={commentId} className="text-xs font-medium text-neutral-700 dark:text-neutral-300">
            {formFor === 1 ? 'What was helpful?' : 'What was wrong or missing?'}{' '}
            <span className="font-normal text-neutral-500 dark:text-neutral-400">(optional)</span>
          </label>
          <textarea
            id={commentId}
            data-testid="feedback-comment"
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            maxLength={limits.feedbackCommentMaxChars}
            rows={2}
            autoFocus
            className="mt-1.5 block w-full resize-y rounded-md border border-neutral-300 bg-white px-2.5 py-1.5 text-sm outline-none focus:border-neutral-500 focus-visible:ring-2 focus-visible:ring-neutral-400/40 dark:border-neutral-700 dark:bg-neutral-950"
          />
          <div className="mt-2 flex items-center gap-2">
            <button
              type="submit"
              disabled={saving}
              data-testid="feedback-submit"
              className={buttonClasses('primary', 'sm')}
            >
              Send comment
            </button>
            <button type="button" onClick={closeForm} className={buttonClasses('ghost', 'sm')}>
              Close
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="w-full px-2 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {feedback && formFor === null && (
        <p
          data-testid="feedback-recorded"
          className="w-full px-2 text-xs text-neutral-500 dark:text-neutral-400"
        >
          {feedback.rating === 1 ? 'You rated this answer helpful.' : 'You rated this answer unhelpful.'}
          {feedback.comment && (
            <>
              {' '}
              Your comment: <q data-testid="feedback-recorded-comment">{feedback.comment}</q>
            </>
          )}
        </p>
      )}
    </div>
  );
}

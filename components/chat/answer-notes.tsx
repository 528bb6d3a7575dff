// What a reader should know about an answer besides its text: stopped, cut off, weakly supported by
// the documents (low confidence), written by a fallback (degraded), or on a high-risk topic where a
// person must decide.
import type { ReactNode } from 'react';
import type { AnswerMetadata } from '@/lib/rag/answer-metadata';
import { highRiskNotice } from '@/lib/review/high-risk';
import { AlertIcon } from './icons';

type AnswerNotesProps = {
  metadata: AnswerMetadata | undefined;
  hasText: boolean;
  stopped: boolean;
  incomplete: boolean;
};

export function AnswerNotes({ metadata, hasText, stopped, incomplete }: AnswerNotesProps) {
  const notes: Array<{ id: string; tone: 'muted' | 'warning'; text: ReactNode }> = [];
  if (stopped) {
    notes.push({
      id: 'stopped',
      tone: 'muted',
      text: `Stopped. ${hasText ? 'This answer may be incomplete.' : 'No answer was written.'}`,
    });
  } else if (incomplete) {
    notes.push({
      id: 'incomplete',
      tone: 'warning',
      text: (
        <>
          <strong className="font-medium">Incomplete answer.</strong> It was cut off before it finished; what
          arrived is shown above.
        </>
      ),
    });
  }
  if (metadata?.lowConfidence) {
    notes.push({
      id: 'low-confidence',
      tone: 'warning',
      text: (
        <>
          <strong className="font-medium">Low confidence.</strong> The documents only partly support this
          answer: check the sources before relying on it.
        </>
      ),
    });
  }
  if (metadata?.highRisk) {
    notes.push({
      id: 'high-risk',
      tone: 'warning',
      text: (
        <>
          <strong className="font-medium">A person must decide.</strong> {highRiskNotice(metadata.highRisk)}
        </>
      ),
    });
  }
  if (metadata?.degraded) {
    notes.push({
      id: 'degraded',
      tone: 'warning',
      text: (
        <>
          <strong className="font-medium">Degraded answer.</strong> The usual model could not answer, so a
          fallback wrote this one; it may be less thorough.
        </>
      ),
    });
  }
  if (notes.length === 0) return null;

  return (
    <ul className="mt-3 flex flex-col gap-1.5">
      {notes.map((note) =>
        note.tone === 'muted' ? (
          <li
            key={note.id}
            data-testid={`answer-${note.id}`}
            className="text-xs text-neutral-500 dark:text-neutral-400"
          >
            {note.text}
          </li>
        ) : (
          <li
            key={note.id}
            data-testid={`answer-${note.id}`}
            className="flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs leading-5 text-amber-900 dark:border-amber-800/60 dark:bg-amber-950/30 dark:text-amber-200"
          >
            <AlertIcon className="mt-0.5 size-3.5" />
            <span>{note.text}</span>
          </li>
        ),
      )}
    </ul>
  );
}

'use client';
// The passage an answer cites, opened from a citation or a source card: the text itself, where it
// comes from (document, file, headings, page), its retrieval score, and the whole document.
import { useId } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';
import type { AnswerSource } from '@/lib/rag/sources';
import { CloseIcon, DownloadIcon, ExternalIcon } from './icons';
import { MarkdownAnswer } from './markdown-answer';
import { SideSheet } from './side-sheet';

const ignoreCitation = () => {};

type SourcePanelProps = {
  source: AnswerSource | null;
  onClose: () => void;
};

export function SourcePanel({ source, onClose }: SourcePanelProps) {
  const titleId = useId();
  return (
    <SideSheet
      open={source !== null}
      onClose={onClose}
      side="right"
      labelledBy={titleId}
      testId="source-panel"
    >
      {source && <SourceDetails source={source} titleId={titleId} onClose={onClose} />}
    </SideSheet>
  );
}

function SourceDetails({
  source,
  titleId,
  onClose,
}: {
  source: AnswerSource;
  titleId: string;
  onClose: () => void;
}) {
  const fileUrl = `/api/documents/${encodeURIComponent(source.documentId)}/file`;
  const facts: Array<[string, string]> = [
    ['File', source.source],
    ['Section', source.headingPath],
    ['Page', source.page === null ? '' : String(source.page)],
    ['Retrieval score', `${source.score.toFixed(3)} (higher ranks first)`],
  ].filter((fact): fact is [string, string] => fact[1] !== '');

  return (
    <>
      <header className="flex items-start gap-3 border-b border-neutral-200 px-5 py-4 dark:border-neutral-800">
        <span
          aria-hidden
          className="mt-0.5 grid size-6 shrink-0 place-items-center rounded bg-neutral-100 font-mono text-xs font-semibold text-neutral-700 dark:bg-neutral-800 dark:text-neutral-200"
        >
          {source.n}
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium tracking-wide text-neutral-500 uppercase dark:text-neutral-400">
            Source {source.n}
          </p>
          <h2 id={titleId} data-testid="source-panel-title" className="mt-0.5 font-semibold break-words">
            {source.title}
          </h2>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close source"
          data-testid="source-panel-close"
          className={buttonClasses('ghost', 'sm', '-mr-2 size-8 px-0')}
        >
          <CloseIcon />
        </button>
      </header>
      <div className="flex-1 overflow-y-auto px-5 py-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-neutral-500 dark:text-neutral-400">{term}</dt>
              <dd
                data-testid={`source-panel-${term.toLowerCase().replace(/\s+/g, '-')}`}
                className="min-w-0 break-words"
              >
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-5 text-xs font-medium tracking-wide text-neutral-500 uppercase dark:text-neutral-400">
          Cited passage
        </h3>
        {/* Document text is untrusted: rendered like an answer, sanitized, with no citations. */}
        <blockquote
          data-testid="source-panel-passage"
          className="mt-2 rounded-lg border-l-2 border-neutral-300 bg-neutral-50 px-4 py-3 dark:border-neutral-700 dark:bg-neutral-900"
        >
          <MarkdownAnswer text={source.text} sourceCount={0} onCite={ignoreCitation} />
        </blockquote>
      </div>
      <footer className="flex flex-wrap gap-2 border-t border-neutral-200 px-5 py-4 dark:border-neutral-800">
        <a
          href={fileUrl}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="source-panel-open"
          className={buttonClasses('primary', 'sm')}
        >
          <ExternalIcon />
          Open document
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
        <a
          href={`${fileUrl}?download=1`}
          download
          data-testid="source-panel-download"
          className={buttonClasses('secondary', 'sm')}
        >
          <DownloadIcon />
          Download
        </a>
      </footer>
    </>
  );
}

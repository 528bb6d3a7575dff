// Renders an answer's markdown safely: no raw HTML (rehype-sanitize), code blocks highlighted
// (rehype-highlight, after sanitizing, so its classes are ours), citations as buttons that open
// their source.
import { memo, useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize from 'rehype-sanitize';
import { CITATION_ATTRIBUTE, rehypeCitations } from './rehype-citations';
import './code-highlight.css';

type MarkdownAnswerProps = {
  text: string;
  sourceCount: number;
  /** Opens source n; stable across renders, so earlier answers are not parsed again. */
  onCite: (n: number) => void;
};

const citationClasses =
  'mx-0.5 cursor-pointer rounded bg-neutral-200 px-1 py-0.5 align-[0.15em] font-mono text-[11px] leading-none font-semibold text-neutral-700 hover:bg-neutral-300 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-neutral-900 dark:bg-neutral-800 dark:text-neutral-200 dark:hover:bg-neutral-700 dark:focus-visible:outline-neutral-100';

function makeComponents(onCite: (n: number) => void): Components {
  return {
    // Links that came from documents open in a new tab; pass on only what a link needs.
    a({ href, title, children }) {
      return (
        <a href={href} title={title} target="_blank" rel="noopener noreferrer nofollow">
          {children}
        </a>
      );
    },
    // The only buttons in an answer are the citations rehype-citations made.
    button(props) {
      const n = Number((props as Record<string, unknown>)[CITATION_ATTRIBUTE]);
      if (!Number.isInteger(n)) return <>{props.children}</>;
      return (
        <button
          type="button"
          aria-label={`Source ${n}`}
          data-testid="citation"
          className={citationClasses}
          onClick={(event) => {
            event.currentTarget.focus();
            onCite(n);
          }}
        >
          {props.children}
        </button>
      );
    },
  };
}

// Memoised so that, while one answer streams, earlier answers are not parsed again on every token.
export const MarkdownAnswer = memo(function MarkdownAnswer({
  text,
  sourceCount,
  onCite,
}: MarkdownAnswerProps) {
  const components = useMemo(() => makeComponents(onCite), [onCite]);
  return (
    <div className="markdown">
      <Markdown
        rehypePlugins={[
          rehypeSanitize,
          [rehypeHighlight, { detect: false }],
          [rehypeCitations, { count: sourceCount }],
        ]}
        components={components}
      >
        {text}
      </Markdown>
    </div>
  );
});

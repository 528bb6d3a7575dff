// Renders an answer's markdown safely: no raw HTML (rehype-sanitize), citations linked to sources.
import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { rehypeCitations } from '@/components/chat/rehype-citations';

type MarkdownAnswerProps = {
  text: string;
  sourceCount: number;
  sourceIdPrefix: string;
};

const components: Components = {
  // Pass on only what a link needs (not react-markdown's `node`).
  a({ href, title, className, children, 'aria-label': ariaLabel }) {
    const inPage = href?.startsWith('#') ?? false;
    return (
      <a
        href={href}
        title={title}
        className={className}
        aria-label={ariaLabel}
        // Citations stay in the tab; links that came from documents open a new one.
        {...(inPage ? {} : { target: '_blank', rel: 'noopener noreferrer nofollow' })}
      >
        {children}
      </a>
    );
  },
};

// Memoised so that, while one answer streams, earlier answers are not parsed again on every token.
export const MarkdownAnswer = memo(function MarkdownAnswer({
  text,
  sourceCount,
  sourceIdPrefix,
}: MarkdownAnswerProps) {
  return (
    <div className="markdown">
      <Markdown
        rehypePlugins={[rehypeSanitize, [rehypeCitations, { count: sourceCount, idPrefix: sourceIdPrefix }]]}
        components={components}
      >
        {text}
      </Markdown>
    </div>
  );
});

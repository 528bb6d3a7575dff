// A question the user asked, shown as a bubble on the right.
import type { UIMessage } from 'ai';

export function UserMessage({ message }: { message: UIMessage }) {
  const text = message.parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('\n');

  return (
    <article aria-label="You" data-testid="message-user" className="flex justify-end">
      <p className="max-w-[85%] rounded-2xl rounded-br-md bg-neutral-900 px-4 py-2.5 text-[15px] leading-7 whitespace-pre-wrap text-white dark:bg-neutral-100 dark:text-neutral-900">
        {text}
      </p>
    </article>
  );
}

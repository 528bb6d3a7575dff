// A question the user asked, shown as a bubble on the right.
import type { ChatMessage } from '@/lib/rag/answer-metadata';
import { messageText } from './message-content';

export function UserMessage({ message }: { message: ChatMessage }) {
  return (
    <article aria-label="You" data-testid="message-user" className="flex justify-end">
      <p className="max-w-[85%] rounded-2xl rounded-br-md bg-neutral-900 px-4 py-2.5 text-[15px] leading-7 break-words whitespace-pre-wrap text-white dark:bg-neutral-100 dark:text-neutral-900">
        {messageText(message, '\n')}
      </p>
    </article>
  );
}

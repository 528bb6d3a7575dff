// The question to explain, sent as ?q= so an explanation is a link that can be shared and reloaded.
import Form from 'next/form';
import { buttonClasses } from '@/components/ui/button-styles';
import { limits } from '@/lib/config';

export function RetrievalForm({ question }: { question: string }) {
  return (
    <Form action="/admin/retrieval" role="search" className="flex flex-col gap-2 sm:flex-row">
      <label htmlFor="retrieval-q" className="sr-only">
        Question
      </label>
      <input
        id="retrieval-q"
        name="q"
        type="search"
        defaultValue={question}
        maxLength={limits.questionMaxChars}
        placeholder="A question a user might ask…"
        data-testid="retrieval-question"
        className="h-10 w-full min-w-0 rounded-lg sm:flex-1 border border-neutral-300 bg-white px-3 text-[15px] outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100"
      />
      <button type="submit" data-testid="retrieval-submit" className={buttonClasses('primary', 'md')}>
        Explain retrieval
      </button>
    </Form>
  );
}

// The top bar of the chat on phones, where the sidebar is a drawer: open it, the current title,
// and New chat.
import Link from 'next/link';
import type { MouseEvent } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';
import { MenuIcon, PlusIcon } from './icons';

type ChatToolbarProps = {
  title: string;
  onOpenConversations: () => void;
  onNewChat: (event: MouseEvent) => void;
};

export function ChatToolbar({ title, onOpenConversations, onNewChat }: ChatToolbarProps) {
  return (
    <div className="flex items-center gap-1 border-b border-neutral-200 px-2 py-1.5 md:hidden dark:border-neutral-800">
      <button
        type="button"
        onClick={onOpenConversations}
        aria-haspopup="dialog"
        aria-label="Conversations"
        data-testid="open-conversations"
        className={buttonClasses('ghost', 'sm', 'size-9 px-0')}
      >
        <MenuIcon className="size-5" />
      </button>
      <p className="min-w-0 flex-1 truncate text-sm font-medium" data-testid="chat-title">
        {title}
      </p>
      <Link
        href="/"
        onClick={onNewChat}
        aria-label="New chat"
        className={buttonClasses('ghost', 'sm', 'size-9 px-0')}
      >
        <PlusIcon className="size-5" />
      </Link>
    </div>
  );
}

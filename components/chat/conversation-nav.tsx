'use client';
// The conversations list: New chat, the user's conversations newest first (resume, rename, delete
// with confirmation), and older ones on request.
import Link from 'next/link';
import { useState, type MouseEvent } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { buttonClasses } from '@/components/ui/button-styles';
import { ConversationItem } from './conversation-item';
import type { ConversationItem as Conversation } from './conversations-api';
import { PlusIcon } from './icons';
import type { Conversations } from './use-conversations';

export type ConversationNavProps = {
  conversations: Conversations;
  currentId: string | null;
  /** A conversation was deleted (after confirmation). */
  onDeleted: (id: string) => void;
  /** A link was followed (the phone drawer closes). */
  onNavigate?: () => void;
  /** New chat was chosen (may take over the link's navigation). */
  onNewChat: (event: MouseEvent) => void;
};

export function ConversationNav({
  conversations,
  currentId,
  onDeleted,
  onNavigate,
  onNewChat,
}: ConversationNavProps) {
  const [pendingDelete, setPendingDelete] = useState<Conversation | null>(null);
  const { items, hasMore, loadingMore, error } = conversations;

  async function confirmDelete() {
    const target = pendingDelete;
    setPendingDelete(null);
    if (target && (await conversations.remove(target.id))) onDeleted(target.id);
  }

  return (
    <nav aria-label="Conversations" className="flex min-h-0 flex-1 flex-col">
      <div className="p-3">
        <Link
          href="/"
          onClick={(event) => {
            onNewChat(event);
            onNavigate?.();
          }}
          data-testid="new-chat"
          className={buttonClasses('secondary', 'md', 'w-full justify-start')}
        >
          <PlusIcon />
          New chat
        </Link>
      </div>
      <h2 className="px-5 pb-1 text-xs font-medium tracking-wide text-neutral-500 uppercase dark:text-neutral-400">
        Recent
      </h2>
      {error && (
        <p
          role="alert"
          className="mx-3 mb-2 rounded-md bg-red-50 px-3 py-2 text-xs text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
        {items.length === 0 ? (
          <p className="px-3 py-2 text-sm text-neutral-500 dark:text-neutral-400">
            No conversations yet. Ask a question to start one.
          </p>
        ) : (
          <ul data-testid="conversation-list" className="flex flex-col gap-0.5">
            {items.map((conversation) => (
              <ConversationItem
                key={conversation.id}
                conversation={conversation}
                current={conversation.id === currentId}
                onNavigate={onNavigate}
                onRename={conversations.rename}
                onDelete={setPendingDelete}
              />
            ))}
          </ul>
        )}
        {hasMore && (
          <button
            type="button"
            onClick={() => void conversations.loadMore()}
            disabled={loadingMore}
            className={buttonClasses('ghost', 'sm', 'mt-2 w-full')}
          >
            {loadingMore ? 'Loading…' : 'Show older'}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={pendingDelete !== null}
        title="Delete this conversation?"
        confirmLabel="Delete"
        onConfirm={() => void confirmDelete()}
        onCancel={() => setPendingDelete(null)}
      >
        “{pendingDelete?.title}” and all its messages will be deleted. This cannot be undone.
      </ConfirmDialog>
    </nav>
  );
}

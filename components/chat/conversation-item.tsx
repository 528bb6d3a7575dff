'use client';
// One conversation in the sidebar: a link to resume it, and rename (inline) and delete buttons.
import { limits } from '@/lib/config';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ConversationItem as Conversation } from './conversations-api';
import { PencilIcon, TrashIcon } from './icons';

type ConversationItemProps = {
  conversation: Conversation;
  current: boolean;
  onNavigate?: () => void;
  onRename: (id: string, title: string) => Promise<boolean>;
  onDelete: (conversation: Conversation) => void;
};

const TITLE_MAX_CHARS = limits.conversationTitleMaxChars;

const iconButton =
  'grid size-7 shrink-0 place-items-center rounded-md text-neutral-500 hover:bg-neutral-200 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-neutral-900 dark:text-neutral-400 dark:hover:bg-neutral-700 dark:hover:text-neutral-100 dark:focus-visible:outline-neutral-100';

export function ConversationItem({
  conversation,
  current,
  onNavigate,
  onRename,
  onDelete,
}: ConversationItemProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(conversation.title);
  const link = useRef<HTMLAnchorElement>(null);
  const settled = useRef(false);
  const wasEditing = useRef(false);

  // Back to the link once an edit ends, so keyboard users keep their place.
  useEffect(() => {
    if (wasEditing.current && !editing) link.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  function startEditing() {
    settled.current = false;
    setDraft(conversation.title);
    setEditing(true);
  }

  async function save() {
    if (settled.current) return;
    settled.current = true;
    const title = draft.trim();
    if (title && title !== conversation.title) await onRename(conversation.id, title);
    setEditing(false);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      settled.current = true;
      setEditing(false);
    }
  }

  if (editing) {
    return (
      <li data-testid="conversation-item" data-id={conversation.id}>
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void save();
          }}
          className="px-1 py-0.5"
        >
          <label className="sr-only" htmlFor={`rename-${conversation.id}`}>
            Conversation title
          </label>
          <input
            id={`rename-${conversation.id}`}
            data-testid="conversation-title-input"
            value={draft}
            maxLength={TITLE_MAX_CHARS}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={handleKeyDown}
            onBlur={() => void save()}
            onFocus={(event) => event.currentTarget.select()}
            autoFocus
            className="h-8 w-full rounded-md border border-neutral-400 bg-white px-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-neutral-400/50 dark:border-neutral-600 dark:bg-neutral-950"
          />
        </form>
      </li>
    );
  }

  return (
    <li
      data-testid="conversation-item"
      data-id={conversation.id}
      className="group relative flex items-center gap-0.5 rounded-lg pr-1 hover:bg-neutral-200/60 has-[a[aria-current=page]]:bg-neutral-200 dark:hover:bg-neutral-800/60 dark:has-[a[aria-current=page]]:bg-neutral-800"
    >
      <Link
        ref={link}
        href={`/c/${encodeURIComponent(conversation.id)}`}
        onClick={onNavigate}
        aria-current={current ? 'page' : undefined}
        data-testid="conversation-link"
        title={conversation.title}
        className="min-w-0 flex-1 truncate rounded-lg px-3 py-2 text-sm text-neutral-700 focus-visible:outline-2 focus-visible:outline-neutral-900 aria-[current=page]:font-medium aria-[current=page]:text-neutral-900 dark:text-neutral-300 dark:focus-visible:outline-neutral-100 dark:aria-[current=page]:text-neutral-100"
      >
        {conversation.title}
      </Link>
      <span className="flex opacity-100 group-focus-within:opacity-100 group-hover:opacity-100 md:opacity-0 md:group-has-[a[aria-current=page]]:opacity-100 [@media(hover:none)]:opacity-100">
        <button
          type="button"
          onClick={startEditing}
          aria-label={`Rename “${conversation.title}”`}
          data-testid="conversation-rename"
          className={iconButton}
        >
          <PencilIcon className="size-3.5" />
        </button>
        <button
          type="button"
          onClick={() => onDelete(conversation)}
          aria-label={`Delete “${conversation.title}”`}
          data-testid="conversation-delete"
          className={iconButton}
        >
          <TrashIcon className="size-3.5" />
        </button>
      </span>
    </li>
  );
}

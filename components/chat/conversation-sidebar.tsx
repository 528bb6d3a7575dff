'use client';
// The conversations beside the chat: a column on wide screens, a drawer on phones.
import { useId } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';
import { ConversationNav, type ConversationNavProps } from './conversation-nav';
import { CloseIcon } from './icons';
import { SideSheet } from './side-sheet';

type ConversationSidebarProps = Omit<ConversationNavProps, 'onNavigate'> & {
  drawerOpen: boolean;
  onDrawerClose: () => void;
};

export function ConversationSidebar({ drawerOpen, onDrawerClose, ...nav }: ConversationSidebarProps) {
  const titleId = useId();
  return (
    <>
      <aside
        data-testid="conversation-sidebar"
        className="hidden w-72 shrink-0 flex-col border-r border-neutral-200 bg-neutral-50 md:flex dark:border-neutral-800 dark:bg-neutral-900/40"
      >
        <ConversationNav {...nav} />
      </aside>
      <SideSheet
        open={drawerOpen}
        onClose={onDrawerClose}
        side="left"
        labelledBy={titleId}
        testId="conversation-drawer"
        className="md:hidden"
      >
        <div className="flex items-center justify-between border-b border-neutral-200 py-2 pr-2 pl-4 dark:border-neutral-800">
          <h2 id={titleId} className="text-sm font-semibold">
            Conversations
          </h2>
          <button
            type="button"
            onClick={onDrawerClose}
            aria-label="Close conversations"
            className={buttonClasses('ghost', 'sm', 'size-8 px-0')}
          >
            <CloseIcon />
          </button>
        </div>
        <ConversationNav {...nav} onNavigate={onDrawerClose} />
      </SideSheet>
    </>
  );
}

// The sidebar's list of conversations: starts from what the page rendered, refreshed after each
// answer (the active conversation moves to the top), with rename and delete kept in step.
import { useCallback, useState } from 'react';
import {
  deleteConversation,
  fetchConversations,
  renameConversation,
  type ConversationItem,
  type ConversationPage,
} from './conversations-api';
import { parseChatError } from './parse-chat-error';

export type Conversations = {
  items: ConversationItem[];
  hasMore: boolean;
  loadingMore: boolean;
  /** The last failure, in words; cleared by the next success. */
  error: string | null;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
  rename: (id: string, title: string) => Promise<boolean>;
  remove: (id: string) => Promise<boolean>;
};

const describe = (error: unknown) =>
  error instanceof Error ? parseChatError(error).message : 'Something went wrong. Please try again.';

type ListState = { items: ConversationItem[]; nextCursor: string | null; loadedOlder: boolean };

export function useConversations(initial: ConversationPage): Conversations {
  const [list, setList] = useState<ListState>({
    items: initial.conversations,
    nextCursor: initial.nextCursor,
    loadedOlder: false,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { nextCursor } = list;

  const refresh = useCallback(async () => {
    try {
      const page = await fetchConversations();
      setList((current) => {
        if (!current.loadedOlder) return { ...page, items: page.conversations, loadedOlder: false };
        // Older pages the user opened stay below the fresh first page.
        const fresh = new Set(page.conversations.map((c) => c.id));
        return {
          ...current,
          items: [...page.conversations, ...current.items.filter((c) => !fresh.has(c.id))],
        };
      });
      setError(null);
    } catch (err) {
      setError(describe(err));
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchConversations(nextCursor);
      setList((current) => {
        const have = new Set(current.items.map((c) => c.id));
        return {
          items: [...current.items, ...page.conversations.filter((c) => !have.has(c.id))],
          nextCursor: page.nextCursor,
          loadedOlder: true,
        };
      });
      setError(null);
    } catch (err) {
      setError(describe(err));
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor]);

  const rename = useCallback(async (id: string, title: string) => {
    try {
      const renamed = await renameConversation(id, title);
      setList((current) => ({
        ...current,
        items: current.items.map((c) => (c.id === id ? { ...c, title: renamed.title } : c)),
      }));
      setError(null);
      return true;
    } catch (err) {
      setError(describe(err));
      return false;
    }
  }, []);

  const remove = useCallback(async (id: string) => {
    try {
      await deleteConversation(id);
      setList((current) => ({ ...current, items: current.items.filter((c) => c.id !== id) }));
      setError(null);
      return true;
    } catch (err) {
      setError(describe(err));
      return false;
    }
  }, []);

  return {
    items: list.items,
    hasMore: nextCursor !== null,
    loadingMore,
    error,
    refresh,
    loadMore,
    rename,
    remove,
  };
}

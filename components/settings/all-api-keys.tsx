'use client';
// Every user's API keys for an admin, with their owner, and revoke.
import { useState } from 'react';
import type { ApiKeyView } from '@/lib/auth/api-keys';
import { ApiKeyTable, markRevoked } from './api-key-table';

export function AllApiKeys({ initial }: { initial: ApiKeyView[] }) {
  const [keys, setKeys] = useState(initial);
  return (
    <ApiKeyTable
      keys={keys}
      showOwner
      caption="Every user's API keys, newest first"
      emptyHint="Nobody has created an API key yet."
      onRevoked={(id) => setKeys((list) => markRevoked(list, id))}
    />
  );
}

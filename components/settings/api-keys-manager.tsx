'use client';
// A user's API keys on the settings page: create one (shown once), see them all, revoke.
import { useState } from 'react';
import type { ApiKeyScope, ApiKeyView } from '@/lib/auth/api-keys';
import { ApiKeyTable, markRevoked } from './api-key-table';
import type { CreatedApiKey } from './api-keys-client';
import { CreateApiKeyForm } from './create-api-key-form';
import { NewApiKey } from './new-api-key';

type ApiKeysManagerProps = {
  initial: ApiKeyView[];
  /** The scopes this user may give a key. */
  scopes: readonly ApiKeyScope[];
  nameMaxChars: number;
  maxExpiryDays: number;
};

export function ApiKeysManager({ initial, scopes, nameMaxChars, maxExpiryDays }: ApiKeysManagerProps) {
  const [keys, setKeys] = useState(initial);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  return (
    <div className="space-y-8">
      {created ? (
        <NewApiKey created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateApiKeyForm
          scopes={scopes}
          nameMaxChars={nameMaxChars}
          maxExpiryDays={maxExpiryDays}
          onCreated={(result) => {
            setKeys((list) => [result.apiKey, ...list]);
            setCreated(result);
          }}
        />
      )}
      <section aria-labelledby="api-keys-heading" className="space-y-3">
        <h2 id="api-keys-heading" className="text-lg font-semibold tracking-tight">
          Your keys
        </h2>
        <ApiKeyTable
          keys={keys}
          caption="Your API keys, newest first"
          emptyHint="Create one above to call the API from a program."
          onRevoked={(id) => setKeys((list) => markRevoked(list, id))}
        />
      </section>
    </div>
  );
}

'use client';
// The key just created, shown this once with a copy button: only its hash is kept on the server.
import { ShownOnceSecret } from '@/components/ui/shown-once-secret';
import type { CreatedApiKey } from './api-keys-client';

export function NewApiKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  return (
    <ShownOnceSecret
      title={<>Your new key “{created.apiKey.name}”</>}
      note={
        <>
          Copy it now: you won’t see it again. Only its first characters ({created.apiKey.prefix}…) are kept,
          to recognise it in the list.
        </>
      }
      label="API key"
      noun="key"
      value={created.key}
      onDone={onDone}
      testIds={{ panel: 'new-api-key', value: 'new-api-key-value', done: 'new-api-key-done' }}
    >
      <p className="text-xs text-emerald-900 dark:text-emerald-300">
        Send it as <code className="font-mono">Authorization: Bearer {created.apiKey.prefix}…</code>
      </p>
    </ShownOnceSecret>
  );
}

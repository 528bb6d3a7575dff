'use client';
// A table of API keys (a user's own, or everyone's for an admin) with revoke, after confirming.
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { buttonClasses } from '@/components/ui/button-styles';
import type { ApiKeyView } from '@/lib/auth/api-keys';
import { ApiKeyStatusBadge } from './api-key-status-badge';
import { revokeApiKey } from './api-keys-client';
import { formatDate, formatDateTime } from './format-date';

const cell = 'px-2.5 py-2.5 align-top';

/** The list after `id` was revoked: the key stays, marked revoked. */
export function markRevoked(keys: ApiKeyView[], id: string): ApiKeyView[] {
  return keys.map((key) =>
    key.id === id ? { ...key, status: 'revoked', revokedAt: key.revokedAt ?? new Date().toISOString() } : key,
  );
}

type ApiKeyTableProps = {
  keys: ApiKeyView[];
  /** Called with the key once the server has revoked it. */
  onRevoked: (id: string) => void;
  /** Show whose key each is (the admin listing). */
  showOwner?: boolean;
  caption: string;
  emptyHint: string;
};

export function ApiKeyTable({ keys, onRevoked, showOwner = false, caption, emptyHint }: ApiKeyTableProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ApiKeyView | null>(null);

  const columns = [
    'Name',
    'Key',
    ...(showOwner ? ['Owner'] : []),
    'Scopes',
    'Created',
    'Last used',
    'Expires',
    'Status',
    'Actions',
  ];

  async function revoke(key: ApiKeyView) {
    setBusy(key.id);
    setError(null);
    try {
      await revokeApiKey(key.id);
      onRevoked(key.id);
    } catch (cause) {
      setError(`“${key.name}” could not be revoked: ${cause instanceof Error ? cause.message : cause}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-3">
      {error && (
        <p
          role="alert"
          data-testid="api-keys-error"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}
      <div
        role="region"
        aria-label={caption}
        tabIndex={0}
        className="relative overflow-x-auto rounded-xl border border-neutral-200 focus-visible:outline-2 focus-visible:outline-neutral-900 dark:border-neutral-800 dark:focus-visible:outline-neutral-100"
      >
        <table data-testid="api-keys-table" className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-neutral-50 text-left text-xs font-medium text-neutral-600 dark:bg-neutral-900 dark:text-neutral-400">
            <tr>
              {columns.map((label) => (
                <th
                  key={label}
                  scope="col"
                  className={`px-2.5 py-2 font-medium whitespace-nowrap ${label === 'Actions' ? 'text-right' : ''}`}
                >
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {keys.length === 0 ? (
              <tr>
                <td
                  colSpan={columns.length}
                  data-testid="api-keys-empty"
                  className="px-3 py-12 text-center text-neutral-500 dark:text-neutral-400"
                >
                  <p className="font-medium text-neutral-700 dark:text-neutral-300">No API keys yet</p>
                  <p className="mt-1">{emptyHint}</p>
                </td>
              </tr>
            ) : (
              keys.map((key) => (
                <tr
                  key={key.id}
                  data-testid="api-key-row"
                  data-key-id={key.id}
                  data-status={key.status}
                  className="hover:bg-neutral-50 dark:hover:bg-neutral-900/60"
                >
                  <td className={`${cell} max-w-64 min-w-40`}>
                    <span className="block truncate font-medium" title={key.name} data-testid="api-key-name">
                      {key.name}
                    </span>
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <code className="font-mono text-xs text-neutral-700 dark:text-neutral-300">
                      {key.prefix}…
                    </code>
                  </td>
                  {showOwner && (
                    <td className={`${cell} max-w-56 truncate`} data-testid="api-key-owner">
                      {key.ownerEmail}
                    </td>
                  )}
                  <td className={cell}>
                    <ul className="flex flex-wrap gap-1" aria-label="Scopes">
                      {key.scopes.map((scope) => (
                        <li
                          key={scope}
                          className="rounded bg-neutral-100 px-1.5 py-0.5 text-xs text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300"
                        >
                          {scope}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className={`${cell} whitespace-nowrap text-neutral-600 dark:text-neutral-400`}>
                    <time dateTime={key.createdAt} title={formatDateTime(key.createdAt)}>
                      {formatDate(key.createdAt)}
                    </time>
                  </td>
                  <td
                    className={`${cell} whitespace-nowrap text-neutral-600 dark:text-neutral-400`}
                    data-testid="api-key-last-used"
                  >
                    {key.lastUsedAt ? (
                      <time dateTime={key.lastUsedAt}>{formatDateTime(key.lastUsedAt)}</time>
                    ) : (
                      'Never'
                    )}
                  </td>
                  <td className={`${cell} whitespace-nowrap text-neutral-600 dark:text-neutral-400`}>
                    {key.expiresAt ? (
                      <time dateTime={key.expiresAt} title={formatDateTime(key.expiresAt)}>
                        {formatDate(key.expiresAt)}
                      </time>
                    ) : (
                      'Never'
                    )}
                  </td>
                  <td className={cell}>
                    <ApiKeyStatusBadge status={key.status} />
                  </td>
                  <td className={`${cell} text-right whitespace-nowrap`}>
                    {key.status === 'revoked' ? (
                      <span className="text-neutral-400">—</span>
                    ) : (
                      <button
                        type="button"
                        onClick={() => setConfirming(key)}
                        disabled={busy === key.id}
                        data-testid="api-key-revoke"
                        className={buttonClasses(
                          'ghost',
                          'sm',
                          'text-red-700 hover:text-red-800 dark:text-red-400 dark:hover:text-red-300',
                        )}
                      >
                        {busy === key.id ? 'Revoking…' : 'Revoke'}
                        <span className="sr-only"> {key.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <ConfirmDialog
        open={confirming !== null}
        title={`Revoke “${confirming?.name ?? 'this key'}”?`}
        confirmLabel="Revoke"
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) void revoke(confirming);
          setConfirming(null);
        }}
      >
        Programs using the key ({confirming?.prefix}…) are refused from their next request. This cannot be
        undone; create a new key to give access again.
      </ConfirmDialog>
    </div>
  );
}

'use client';
// Creating a key: its name, what it may do (ingest only offered to admins), and an optional expiry.
import { useId, useState, type FormEvent } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';
import type { ApiKeyScope } from '@/lib/auth/api-keys';
import { createApiKey, type CreatedApiKey } from './api-keys-client';

const scopeHelp: Record<ApiKeyScope, string> = {
  query: 'Ask questions through the API.',
  ingest: 'Add, re-index and delete documents through the documents API.',
};

const expiryChoices = [
  { label: 'Never', days: undefined },
  { label: 'In 30 days', days: 30 },
  { label: 'In 90 days', days: 90 },
  { label: 'In 1 year', days: 365 },
] as const;

const fieldClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';

type CreateApiKeyFormProps = {
  /** The scopes this user may give a key. */
  scopes: readonly ApiKeyScope[];
  nameMaxChars: number;
  maxExpiryDays: number;
  onCreated: (created: CreatedApiKey) => void;
};

export function CreateApiKeyForm({ scopes, nameMaxChars, maxExpiryDays, onCreated }: CreateApiKeyFormProps) {
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<ApiKeyScope>>(new Set(['query']));
  const [expiry, setExpiry] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { heading: useId(), name: useId(), expiry: useId(), error: useId() };

  function toggle(scope: ApiKeyScope, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(scope);
      else next.delete(scope);
      return next;
    });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen.size === 0) return setError('Choose at least one scope.');
    setPending(true);
    setError(null);
    try {
      const created = await createApiKey({
        name: name.trim(),
        scopes: scopes.filter((scope) => chosen.has(scope)),
        ...(expiry ? { expiresInDays: Number(expiry) } : {}),
      });
      setName('');
      onCreated(created);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setPending(false);
    }
  }

  return (
    <section
      aria-labelledby={ids.heading}
      className="rounded-xl border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <h2 id={ids.heading} className="text-lg font-semibold tracking-tight">
        Create a key
      </h2>
      <form
        onSubmit={(event) => void submit(event)}
        aria-describedby={error ? ids.error : undefined}
        data-testid="create-api-key-form"
        className="mt-3 grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]"
      >
        <div>
          <label htmlFor={ids.name} className="text-sm font-medium">
            Name
          </label>
          <input
            id={ids.name}
            required
            maxLength={nameMaxChars}
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. Nightly sync"
            autoComplete="off"
            data-testid="api-key-name-input"
            className={fieldClasses}
          />
        </div>
        <div>
          <label htmlFor={ids.expiry} className="text-sm font-medium">
            Expires
          </label>
          <select
            id={ids.expiry}
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
            className={fieldClasses}
          >
            {expiryChoices
              .filter((choice) => (choice.days ?? 0) <= maxExpiryDays)
              .map((choice) => (
                <option key={choice.label} value={choice.days ?? ''}>
                  {choice.label}
                </option>
              ))}
          </select>
        </div>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">Scopes</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {scopes.map((scope) => (
              <label
                key={scope}
                className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-neutral-200 p-3 has-checked:border-neutral-900 has-focus-visible:outline-2 has-focus-visible:outline-neutral-900 dark:border-neutral-800 dark:has-checked:border-neutral-100 dark:has-focus-visible:outline-neutral-100"
              >
                <input
                  type="checkbox"
                  checked={chosen.has(scope)}
                  onChange={(event) => toggle(scope, event.target.checked)}
                  data-testid={`api-key-scope-${scope}`}
                  className="mt-0.5 size-4 accent-neutral-900 dark:accent-neutral-100"
                />
                <span className="text-sm">
                  <span className="font-medium">{scope}</span>
                  <span className="block text-neutral-600 dark:text-neutral-400">{scopeHelp[scope]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {error && (
          <p
            id={ids.error}
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 sm:col-span-2 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
          >
            {error}
          </p>
        )}
        <div className="sm:col-span-2">
          <button
            type="submit"
            disabled={pending}
            data-testid="api-key-create"
            className={buttonClasses('primary', 'md')}
          >
            {pending ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
    </section>
  );
}

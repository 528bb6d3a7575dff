'use client';
// A user's group (team, region…) in place: Edit opens a field; Enter saves, Escape cancels.
import { useId, useState, type FormEvent } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';
import { userLimits } from '@/lib/auth/user-limits';

type GroupEditorProps = {
  email: string;
  group: string | null;
  busy: boolean;
  /** Saves; resolves true when the server took it. */
  onSave: (group: string | null) => Promise<boolean>;
};

export function GroupEditor({ email, group, busy, onSave }: GroupEditorProps) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(group ?? '');
  const inputId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await onSave(value.trim() || null)) setEditing(false);
  }

  if (!editing)
    return (
      <div className="flex items-center gap-1">
        <span data-testid="user-group" className={group ? '' : 'text-neutral-400 dark:text-neutral-500'}>
          {group ?? 'None'}
        </span>
        <button
          type="button"
          onClick={() => {
            setValue(group ?? '');
            setEditing(true);
          }}
          data-testid="user-group-edit"
          className={buttonClasses('ghost', 'sm', 'h-7 px-2 text-xs')}
        >
          Edit<span className="sr-only"> group of {email}</span>
        </button>
      </div>
    );

  return (
    <form
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setEditing(false);
      }}
      className="flex items-center gap-1"
    >
      <label htmlFor={inputId} className="sr-only">
        Group of {email}
      </label>
      <input
        id={inputId}
        autoFocus
        value={value}
        maxLength={userLimits.groupMaxChars}
        onChange={(event) => setValue(event.target.value)}
        placeholder="e.g. Support EMEA"
        data-testid="user-group-input"
        className="h-8 w-36 rounded-md border border-neutral-300 bg-white px-2 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100"
      />
      <button
        type="submit"
        disabled={busy}
        data-testid="user-group-save"
        className={buttonClasses('primary', 'sm')}
      >
        Save
      </button>
      <button type="button" onClick={() => setEditing(false)} className={buttonClasses('ghost', 'sm')}>
        Cancel
      </button>
    </form>
  );
}

'use client';
// Who always or never gets the rollout variant, whatever the stage: users by email (or id) and
// groups (from the Users page). A user's own entry wins over their group's; deny wins over allow.
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { setFlagLists } from '@/app/admin/flags/actions';
import { actionErrorMessage, callAction } from '@/components/admin/users/action-error';
import { buttonClasses } from '@/components/ui/button-styles';
import { flagListsInput, splitList } from '@/lib/flags/schemas';
import { errorClass, fieldClass, labelClass, panelClass } from './styles';
import type { FlagView } from './types';

const fields = [
  ['allowUsers', 'Allow users', 'Always in the rollout: emails or user ids, one per line.'],
  ['denyUsers', 'Deny users', 'Never in it.'],
  ['allowGroups', 'Allow groups', 'Every user of these groups is in it.'],
  ['denyGroups', 'Deny groups', 'No user of these groups is in it.'],
] as const;
type Field = (typeof fields)[number][0];

export function FlagListsForm({ flag }: { flag: FlagView }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [text, setText] = useState<Record<Field, string>>({
    allowUsers: flag.allowUsers.join('\n'),
    denyUsers: flag.denyUsers.join('\n'),
    allowGroups: flag.allowGroups.join('\n'),
    denyGroups: flag.denyGroups.join('\n'),
  });
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      key: flag.key,
      allowUsers: splitList(text.allowUsers),
      denyUsers: splitList(text.denyUsers),
      allowGroups: splitList(text.allowGroups),
      denyGroups: splitList(text.denyGroups),
    };
    const parsed = flagListsInput.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the lists.');
    const result = await callAction(() => setFlagLists(input));
    if (!result.ok) return setError(actionErrorMessage(result));
    setError(null);
    startTransition(() => router.refresh());
  }

  return (
    <form onSubmit={submit} noValidate data-testid="flag-lists-form" className={panelClass}>
      <h2 className="text-lg font-semibold tracking-tight">Allow and deny lists</h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Checked before the rollout, in this order: user deny, user allow, group deny, group allow.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map(([field, label, hint]) => (
          <label key={field} className={labelClass}>
            {label}
            <textarea
              value={text[field]}
              onChange={(event) => setText({ ...text, [field]: event.target.value })}
              rows={3}
              data-testid={`flag-${field}`}
              className={`${fieldClass} font-mono`}
            />
            <span className="mt-1 block text-xs font-normal text-neutral-600 dark:text-neutral-400">
              {hint}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p role="alert" data-testid="flag-lists-error" className={errorClass}>
          {error}
        </p>
      )}
      <button type="submit" data-testid="flag-lists-save" className={buttonClasses('secondary', 'md')}>
        Save lists
      </button>
    </form>
  );
}

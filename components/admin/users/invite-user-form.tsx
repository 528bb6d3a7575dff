'use client';
// Inviting someone: their email, the role they get and an optional group.
import { useId, useState, type FormEvent } from 'react';
import { inviteUser } from '@/app/admin/users/actions';
import { buttonClasses } from '@/components/ui/button-styles';
import { roles, userLimits } from '@/lib/auth/user-limits';
import type { Role } from '@/lib/auth/roles';
import { actionErrorMessage, callAction } from './action-error';
import { roleLabels, type InviteView } from './types';

export type CreatedInvite = InviteView & { token: string };

const fieldClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';

type InviteUserFormProps = { inviteTtlDays: number; onCreated: (invite: CreatedInvite) => void };

export function InviteUserForm({ inviteTtlDays, onCreated }: InviteUserFormProps) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('USER');
  const [group, setGroup] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { heading: useId(), email: useId(), role: useId(), group: useId(), error: useId() };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await callAction(() =>
      inviteUser({ email: email.trim(), role, group: group.trim() || null }),
    );
    setPending(false);
    if (!result.ok) return setError(actionErrorMessage(result));
    setEmail('');
    setGroup('');
    setRole('USER');
    onCreated(result.data);
  }

  return (
    <section
      aria-labelledby={ids.heading}
      className="rounded-xl border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <h2 id={ids.heading} className="text-lg font-semibold tracking-tight">
        Invite a user
      </h2>
      <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
        You get a sign-up link valid for {inviteTtlDays} days. This product sends no email: you send the link
        to the person yourself.
      </p>
      <form
        onSubmit={(event) => void submit(event)}
        aria-describedby={error ? ids.error : undefined}
        data-testid="invite-form"
        className="mt-3 grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]"
      >
        <div>
          <label htmlFor={ids.email} className="text-sm font-medium">
            Email
          </label>
          <input
            id={ids.email}
            type="email"
            required
            maxLength={userLimits.emailMaxChars}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            autoComplete="off"
            data-testid="invite-email"
            className={fieldClasses}
          />
        </div>
        <div>
          <label htmlFor={ids.role} className="text-sm font-medium">
            Role
          </label>
          <select
            id={ids.role}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            data-testid="invite-role"
            className={fieldClasses}
          >
            {roles.map((choice) => (
              <option key={choice} value={choice}>
                {roleLabels[choice]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.group} className="text-sm font-medium">
            Group <span className="font-normal text-neutral-500 dark:text-neutral-400">(optional)</span>
          </label>
          <input
            id={ids.group}
            maxLength={userLimits.groupMaxChars}
            value={group}
            onChange={(event) => setGroup(event.target.value)}
            placeholder="e.g. Support EMEA"
            autoComplete="off"
            data-testid="invite-group"
            className={fieldClasses}
          />
        </div>
        {error && (
          <p
            id={ids.error}
            role="alert"
            data-testid="invite-error"
            className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 sm:col-span-3 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
          >
            {error}
          </p>
        )}
        <div className="sm:col-span-3">
          <button
            type="submit"
            disabled={pending}
            data-testid="invite-submit"
            className={buttonClasses('primary', 'md')}
          >
            {pending ? 'Creating the link…' : 'Create invitation link'}
          </button>
        </div>
      </form>
    </section>
  );
}

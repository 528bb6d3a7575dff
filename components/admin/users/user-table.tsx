'use client';
// The users of one page with their role, group, status, today's usage and live sessions; per row an
// admin changes the role, edits the group, or disables and enables, confirming what ends sessions.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { changeUserRole, setUserDisabled, setUserGroup } from '@/app/admin/users/actions';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { buttonClasses } from '@/components/ui/button-styles';
import { formatDate, formatDateTime } from '@/components/settings/format-date';
import { roles } from '@/lib/auth/user-limits';
import type { Role } from '@/lib/auth/roles';
import type { ActionResult } from '@/lib/http/action';
import { actionErrorMessage, callAction } from './action-error';
import { GroupEditor } from './group-editor';
import { roleLabels, type AdminUserView, type BudgetLimits } from './types';
import { UsageCell } from './usage-cell';

const cell = 'px-2.5 py-2.5 align-top';
const columns = ['User', 'Role', 'Group', 'Status', 'Today', 'Sessions', 'Created', 'Actions'];

type Pending =
  { kind: 'role'; user: AdminUserView; role: Role } | { kind: 'disable'; user: AdminUserView } | null;

type UserTableProps = { users: AdminUserView[]; viewerId: string; limits: BudgetLimits };

export function UserTable({ users, viewerId, limits }: UserTableProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<Pending>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  /** Runs one change; on success the server's list is read again. */
  async function run(userId: string, change: () => Promise<ActionResult<unknown>>, done: string) {
    setBusy(userId);
    setError(null);
    setNotice(null);
    const result = await callAction(change);
    setBusy(null);
    if (!result.ok) {
      setError(actionErrorMessage(result));
      return false;
    }
    setNotice(done);
    startTransition(() => router.refresh());
    return true;
  }

  const changeRole = (user: AdminUserView, role: Role) =>
    run(
      user.id,
      () => changeUserRole({ userId: user.id, role }),
      `${user.email} is now ${roleLabels[role].toLowerCase()}; their sessions have ended.`,
    );
  const toggleDisabled = (user: AdminUserView) =>
    run(
      user.id,
      () => setUserDisabled({ userId: user.id, disabled: !user.disabled }),
      user.disabled
        ? `${user.email} is enabled again.`
        : `${user.email} is disabled; their sessions have ended.`,
    );
  const saveGroup = (user: AdminUserView, group: string | null) =>
    run(
      user.id,
      () => setUserGroup({ userId: user.id, group }),
      group ? `${user.email} is in the group “${group}”.` : `${user.email} has no group now.`,
    );

  return (
    <div className="space-y-3">
      {error && (
        <p
          role="alert"
          data-testid="users-error"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}
      <p
        role="status"
        data-testid="users-notice"
        className="text-sm text-emerald-800 empty:hidden dark:text-emerald-300"
      >
        {notice}
      </p>
      <div
        role="region"
        aria-label="Users"
        tabIndex={0}
        className="relative overflow-x-auto rounded-xl border border-neutral-200 focus-visible:outline-2 focus-visible:outline-neutral-900 dark:border-neutral-800 dark:focus-visible:outline-neutral-100"
      >
        <table data-testid="users-table" className="min-w-full text-sm">
          <caption className="sr-only">Users, newest first</caption>
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
            {users.length === 0 ? (
              <tr>
                <td
                  colSpan={columns.length}
                  data-testid="users-empty"
                  className="px-3 py-12 text-center text-neutral-500 dark:text-neutral-400"
                >
                  <p className="font-medium text-neutral-700 dark:text-neutral-300">No users match</p>
                  <p className="mt-1">Try another search, or clear the filters.</p>
                </td>
              </tr>
            ) : (
              users.map((user) => {
                const self = user.id === viewerId;
                return (
                  <tr
                    key={user.id}
                    data-testid="user-row"
                    data-email={user.email}
                    data-status={user.disabled ? 'disabled' : 'active'}
                    className="hover:bg-neutral-50 dark:hover:bg-neutral-900/60"
                  >
                    <th scope="row" className={`${cell} max-w-64 min-w-44 text-left font-normal`}>
                      <span className="block truncate font-medium" title={user.email}>
                        {user.email}
                      </span>
                      <span className="block truncate text-xs text-neutral-600 dark:text-neutral-400">
                        {user.name ?? '—'}
                        {self && ' · you'}
                      </span>
                    </th>
                    <td className={cell}>
                      <label className="sr-only" htmlFor={`role-${user.id}`}>
                        Role of {user.email}
                      </label>
                      <select
                        id={`role-${user.id}`}
                        value={user.role}
                        disabled={busy === user.id}
                        onChange={(event) =>
                          setConfirming({ kind: 'role', user, role: event.target.value as Role })
                        }
                        data-testid="user-role"
                        className="h-8 rounded-md border border-neutral-300 bg-white px-2 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100"
                      >
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {roleLabels[role]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className={`${cell} min-w-40`}>
                      <GroupEditor
                        email={user.email}
                        group={user.group}
                        busy={busy === user.id}
                        onSave={(group) => saveGroup(user, group)}
                      />
                    </td>
                    <td className={cell}>
                      <span
                        data-testid="user-status"
                        className={`inline-flex rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${
                          user.disabled
                            ? 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/40 dark:text-red-300 dark:ring-red-900'
                            : 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/40 dark:text-emerald-300 dark:ring-emerald-900'
                        }`}
                      >
                        {user.disabled ? 'disabled' : 'active'}
                      </span>
                    </td>
                    <td className={cell}>
                      <UsageCell tokens={user.tokensToday} costUsd={user.costTodayUsd} limits={limits} />
                    </td>
                    <td className={`${cell} tabular-nums`} data-testid="user-sessions">
                      {user.liveSessions}
                    </td>
                    <td className={`${cell} whitespace-nowrap text-neutral-600 dark:text-neutral-400`}>
                      <time dateTime={user.createdAt} title={formatDateTime(user.createdAt)}>
                        {formatDate(user.createdAt)}
                      </time>
                    </td>
                    <td className={`${cell} text-right whitespace-nowrap`}>
                      {user.disabled ? (
                        <button
                          type="button"
                          disabled={busy === user.id}
                          onClick={() => void toggleDisabled(user)}
                          data-testid="user-enable"
                          className={buttonClasses('secondary', 'sm')}
                        >
                          Enable<span className="sr-only"> {user.email}</span>
                        </button>
                      ) : (
                        <button
                          type="button"
                          disabled={busy === user.id || self}
                          title={self ? 'You cannot disable your own account.' : undefined}
                          onClick={() => setConfirming({ kind: 'disable', user })}
                          data-testid="user-disable"
                          className={buttonClasses(
                            'ghost',
                            'sm',
                            'text-red-700 hover:text-red-800 dark:text-red-400 dark:hover:text-red-300',
                          )}
                        >
                          Disable<span className="sr-only"> {user.email}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>

      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming?.kind === 'role'
            ? `Make ${confirming.user.email} ${roleLabels[confirming.role].toLowerCase()}?`
            : `Disable ${confirming?.user.email ?? 'this user'}?`
        }
        confirmLabel={confirming?.kind === 'role' ? 'Change role' : 'Disable'}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming?.kind === 'role') void changeRole(confirming.user, confirming.role);
          if (confirming?.kind === 'disable') void toggleDisabled(confirming.user);
          setConfirming(null);
        }}
      >
        {confirming?.kind === 'role'
          ? 'Their sessions end now: they sign in again and get the new role. The change is recorded in the audit trail.'
          : 'They are signed out everywhere now, cannot sign in, and their API keys stop working until an admin enables them again. The change is recorded in the audit trail.'}
      </ConfirmDialog>
    </div>
  );
}

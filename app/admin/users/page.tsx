// Admin → Users: search and filter users, change a role, edit a group, disable or enable, and invite.
// As on the other admin pages, the role check runs before anything streams; the list streams in
// behind a skeleton.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { InvitesPanel } from '@/components/admin/users/invites-panel';
import { SignUpModeNote } from '@/components/admin/users/sign-up-mode-note';
import { UserFilters } from '@/components/admin/users/user-filters';
import { UserListSkeleton } from '@/components/admin/users/user-list-skeleton';
import { UserPagination } from '@/components/admin/users/user-pagination';
import { UserTable } from '@/components/admin/users/user-table';
import { SiteHeader } from '@/components/site-header';
import { auth } from '@/lib/config';
import { requirePageRole, type SessionUser } from '@/lib/auth/session';
import { signUpMode } from '@/lib/auth/sign-up';
import { userListParams, type UserListParams } from '@/lib/auth/user-admin-schemas';
import { listPendingInvites } from '@/lib/db/invites';
import { listUsers } from '@/lib/db/user-admin';
import { dailyBudgetLimits } from '@/lib/rate-limit/daily-window';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Users' };

type UsersPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage(props: UsersPageProps) {
  const user = await requirePageRole(['ADMIN'], '/admin/users');
  const raw = await props.searchParams;
  const params = userListParams.parse(
    Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
    ),
  );
  const mode = signUpMode();

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="users" />
      <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8">
        <div className="space-y-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
            <p className="mt-1 max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
              Changing someone&apos;s role or disabling them ends their sessions at once; a disabled user
              cannot sign in and their API keys stop working. Every change is recorded in the audit trail.
            </p>
          </div>
          <SignUpModeNote mode={mode} />
        </div>
        <section aria-labelledby="user-list-heading" className="space-y-4">
          <h2 id="user-list-heading" className="sr-only">
            User list
          </h2>
          <UserFilters q={params.q} role={params.role} status={params.status} />
          <Suspense key={JSON.stringify(params)} fallback={<UserListSkeleton />}>
            <UserList viewer={user} params={params} />
          </Suspense>
        </section>
        {mode === 'closed' ? null : (
          <Suspense fallback={null}>
            <Invites viewer={user} />
          </Suspense>
        )}
      </main>
    </>
  );
}

async function UserList({ viewer, params }: { viewer: SessionUser; params: UserListParams }) {
  const page = await listUsers(viewer, {
    search: params.q,
    role: params.role,
    status: params.status,
    page: params.page,
  });
  const users = page.users.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    group: row.group,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    tokensToday: row.tokensToday,
    costTodayUsd: row.costTodayUsd,
    liveSessions: row.liveSessions,
  }));
  return (
    <div className="space-y-3">
      <UserPagination
        page={page.page}
        pageCount={page.pageCount}
        total={page.total}
        params={{ q: params.q, role: params.role, status: params.status }}
      />
      <UserTable users={users} viewerId={viewer.id} limits={dailyBudgetLimits()} />
    </div>
  );
}

async function Invites({ viewer }: { viewer: SessionUser }) {
  const pending = await listPendingInvites(viewer);
  return (
    <InvitesPanel
      inviteTtlDays={auth.inviteTtlDays}
      pending={pending.map((invite) => ({ ...invite, expiresAt: invite.expiresAt.toISOString() }))}
    />
  );
}

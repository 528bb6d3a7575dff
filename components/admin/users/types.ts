// What the Users page's client components receive: plain values, dates as ISO strings.
import type { Role } from '@/lib/auth/roles';

export type AdminUserView = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  group: string | null;
  disabled: boolean;
  createdAt: string;
  tokensToday: number;
  costTodayUsd: number;
  liveSessions: number;
};

export type InviteView = { id: string; email: string; role: Role; group: string | null; expiresAt: string };

/** The daily budget per user, as scaled for this deployment. */
export type BudgetLimits = { tokenLimit: number; costLimit: number };

export const roleLabels: Record<Role, string> = { USER: 'User', ADMIN: 'Admin', COMPLIANCE: 'Compliance' };

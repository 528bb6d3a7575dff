// The shape of one query-log row as the admin UI needs it (matches lib/db/query-logs).
import type { QueryStatus } from '@/components/admin/status-badge';

export type QueryLogRow = {
  id: string;
  createdAt: Date;
  question: string;
  route: string;
  model: string | null;
  latencyMs: number | null;
  ttftMs: number | null;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  cacheHit: boolean;
  status: QueryStatus;
  errorCode: string | null;
  userEmail: string | null;
};

// Who may scrape /api/metrics: a caller with `Authorization: Bearer <METRICS_TOKEN>`. Without the
// setting the route does not exist (404), so an unconfigured deployment exposes nothing.
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function assertMetricsAccess(authorization: string | null): void {
  const token = env().METRICS_TOKEN;
  if (!token) throw new AppError('not_found', 'Metrics are not enabled on this instance.');
  const given = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  // Compared as digests: equal length, constant time.
  if (!given || !timingSafeEqual(digest(given), digest(token)))
    throw new AppError('unauthorized', 'Invalid or missing metrics token.');
}

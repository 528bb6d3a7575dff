// The client IP of the request an audit event is recorded in, read from the request's headers the
// way per-IP rate limits read it (IPv6 as its /64); null outside a request (jobs, scripts, tests).
import 'server-only';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/rate-limit/client-ip';

export async function requestIp(): Promise<string | null> {
  try {
    return clientIp(await headers());
  } catch {
    // No request scope here: a job, a script, or work that outlived its response.
    return null;
  }
}

// 404 page: says plainly that the page is not here and offers the way back.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { StatusPage } from '@/components/status-page';

export const metadata: Metadata = { title: 'Page not found' };

// Rendered per request, never prerendered: its scripts need this request's CSP nonce (proxy.ts).
export default async function NotFound() {
  await connection();
  return (
    <StatusPage code={404} title="Page not found">
      The page you were looking for does not exist or has moved.
    </StatusPage>
  );
}

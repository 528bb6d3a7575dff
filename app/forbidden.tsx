// 403 page: shown when a signed-in user opens a page their role does not allow.
import type { Metadata } from 'next';
import { StatusPage } from '@/components/status-page';

export const metadata: Metadata = { title: 'Access denied' };

export default function Forbidden() {
  return (
    <StatusPage code={403} title="Access denied">
      Your account does not have access to this page. Ask an administrator if you need it.
    </StatusPage>
  );
}

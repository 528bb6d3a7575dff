// Chat page: signed-in users ask questions about the organisation's documents.
import { redirect } from 'next/navigation';
import { Chat } from '@/components/chat/chat';
import { LocalModelLabel } from '@/components/chat/local-model-label';
import { SiteHeader } from '@/components/site-header';
import { modelInfo } from '@/lib/ai/model-info';
import { getSessionUser } from '@/lib/auth/session';

// Per-request: depends on the session cookie.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect('/login?callbackUrl=/');
  const models = modelInfo();

  return (
    <div className="flex h-dvh flex-col">
      <SiteHeader user={user} current="chat">
        {models.local && <LocalModelLabel chatModel={models.chatModel} />}
      </SiteHeader>
      <Chat />
    </div>
  );
}

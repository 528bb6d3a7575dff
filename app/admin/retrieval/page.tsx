// "Why these sources": runs retrieval for a question as the signed-in admin would get it and shows
// every stage (vector, full-text, fusion, rerank), what made the final passages and what was dropped.
// As on /admin, the role check runs before anything streams; the explanation streams in behind a skeleton.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { RetrievalExplanationView } from '@/components/admin/retrieval/retrieval-explanation';
import { RetrievalForm } from '@/components/admin/retrieval/retrieval-form';
import { RetrievalSkeleton } from '@/components/admin/retrieval/retrieval-skeleton';
import { SiteHeader } from '@/components/site-header';
import { requirePageRole, type SessionUser } from '@/lib/auth/session';
import { toAppError } from '@/lib/http/errors';
import { log } from '@/lib/observability/logger';
import { questionSchema } from '@/lib/rag/question';
import { explainRetrieval } from '@/lib/rag/retrieve';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Why these sources' };

type PageProps = { searchParams: Promise<{ q?: string | string[] }> };

export default async function RetrievalPage({ searchParams }: PageProps) {
  const user = await requirePageRole(['ADMIN'], '/admin/retrieval');
  const { q } = await searchParams;
  const raw = (Array.isArray(q) ? q[0] : q) ?? '';
  const question = questionSchema.safeParse(raw);

  return (
    <>
      <SiteHeader user={user} current="admin" />
      <AdminNav current="retrieval" />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 2xl:max-w-[96rem]">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Why these sources</h1>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
            Ask a question to see how retrieval ranked the knowledge base for it, stage by stage, as you would
            see it (your private documents included).
          </p>
        </div>
        <RetrievalForm question={raw} />
        {!raw.trim() ? (
          <p
            data-testid="retrieval-hint"
            className="rounded-xl border border-dashed border-neutral-300 px-6 py-10 text-center text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400"
          >
            Type a question a user might ask, for example “How do I use my own Postgres database?”, to see
            which passages would be cited and why.
          </p>
        ) : !question.success ? (
          <p role="alert" data-testid="retrieval-error" className={errorClasses}>
            {question.error.issues[0]?.message ?? 'This question cannot be searched.'}
          </p>
        ) : (
          <Suspense key={question.data} fallback={<RetrievalSkeleton />}>
            <Explanation question={question.data} viewer={user} />
          </Suspense>
        )}
      </main>
    </>
  );
}

const errorClasses =
  'rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200';

async function Explanation({ question, viewer }: { question: string; viewer: SessionUser }) {
  const result = await explainRetrieval({ question, viewer: { userId: viewer.id } }).then(
    (explanation) => ({ explanation }),
    (error: unknown) => ({ error }),
  );
  if ('explanation' in result) return <RetrievalExplanationView explanation={result.explanation} />;
  // Shown in place so the form stays usable; the message never carries internals.
  const appError = toAppError(result.error);
  log().warn(
    { code: appError.code, err: result.error instanceof Error ? result.error.message : String(result.error) },
    'retrieval explanation failed',
  );
  return (
    <p role="alert" data-testid="retrieval-error" className={errorClasses}>
      Retrieval failed: {appError.message}
    </p>
  );
}

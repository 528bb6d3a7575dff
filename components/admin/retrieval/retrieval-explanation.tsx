// Everything retrieval did for one question: the passages chosen, each stage's ranked list side by
// side (stacked on narrow screens), the near-duplicates dropped, and the time each stage took.
import Link from 'next/link';
import type { RetrievalExplanation } from '@/lib/rag/retrieve';
import { DuplicatesList } from './duplicates-list';
import { FinalPassages } from './final-passages';
import { chunkLabel } from './format';
import { StageColumn, type ChunkMarks } from './stage-column';
import { StageTimings } from './stage-timings';

export function RetrievalExplanationView({ explanation }: { explanation: RetrievalExplanation }) {
  const { vector, text, fused, reranked, duplicates, passages, timingsMs } = explanation;

  if (vector.length === 0 && text.length === 0) {
    return (
      <div
        data-testid="retrieval-empty"
        className="rounded-xl border border-dashed border-neutral-300 px-6 py-12 text-center dark:border-neutral-700"
      >
        <p className="font-medium">No passages matched</p>
        <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          Nothing you may see is similar to this question. Check that its documents are ready on the{' '}
          <Link href="/admin/documents" className="font-medium underline underline-offset-2">
            Documents
          </Link>{' '}
          page.
        </p>
      </div>
    );
  }

  const byId = new Map([...vector, ...text, ...fused].map((hit) => [hit.id, hit]));
  const labelOf = (id: string) => {
    const hit = byId.get(id);
    return hit ? chunkLabel(hit) : id;
  };
  const marks: ChunkMarks = {
    passageNumber: new Map(passages.map((p) => [p.id, p.n])),
    duplicateOf: new Map(duplicates.map((d) => [d.id, labelOf(d.duplicateOf)])),
  };

  return (
    <div className="space-y-8" data-testid="retrieval-explanation">
      <StageTimings timingsMs={timingsMs} />
      <FinalPassages passages={passages} />
      <div
        className={`grid grid-cols-1 gap-4 ${reranked ? 'lg:grid-cols-2 2xl:grid-cols-4' : 'lg:grid-cols-3'}`}
      >
        <StageColumn
          stage="vector"
          title="Vector"
          scoreName="cosine similarity"
          description="Nearest chunks to the question's embedding (cosine similarity)."
          hits={vector}
          marks={marks}
        />
        <StageColumn
          stage="text"
          title="Full-text"
          scoreName="BM25"
          description="Postgres full-text matches, scored by BM25."
          hits={text}
          marks={marks}
        />
        <StageColumn
          stage="fused"
          title="Fused"
          scoreName="RRF score"
          description="Both lists merged by reciprocal rank fusion."
          hits={fused}
          marks={marks}
        />
        {reranked && (
          <StageColumn
            stage="rerank"
            title="Reranked"
            scoreName="reranker score"
            description="The best fused chunks, reordered by the reranker."
            hits={reranked}
            marks={marks}
          />
        )}
      </div>
      <DuplicatesList duplicates={duplicates} labelOf={labelOf} />
    </div>
  );
}

// Hybrid retrieval: vector search and full-text search run side by side, fused by reciprocal rank.
import 'server-only';
import { embed } from 'ai';
import { getModels } from '@/lib/ai/models';
import { retrieval } from '@/lib/config';
import { searchChunksByText, searchChunksByVector, type ChunkHit } from '@/lib/db/chunks';
import { reciprocalRankFusion } from './rank-fusion';

export type Passage = ChunkHit & { n: number; fusedScore: number };

export async function retrievePassages(
  question: string,
  topK: number = retrieval.topK,
): Promise<{ passages: Passage[]; embeddingTokens: number }> {
  const { embedding: model } = getModels();
  const { embedding, usage } = await embed({ model: model.model, value: question });
  const [byVector, byText] = await Promise.all([
    searchChunksByVector(embedding, retrieval.candidatesPerMethod),
    searchChunksByText(question, retrieval.candidatesPerMethod),
  ]);
  const fused = reciprocalRankFusion([byVector, byText], retrieval.rrfK).slice(0, topK);
  return {
    passages: fused.map((hit, index) => ({ ...hit, n: index + 1 })),
    embeddingTokens: usage?.tokens ?? 0,
  };
}

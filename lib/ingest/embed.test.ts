import { describe, expect, it } from 'vitest';
import { getModels } from '@/lib/ai/models';
import { ingestion } from '@/lib/config';
import { embedForIngestion } from './embed';

describe('embedForIngestion', () => {
  const model = getModels().embedding;

  it('embeds every text in order and reports progress between batches only', async () => {
    const total = ingestion.embedBatchSize * 2 + 5;
    const texts = Array.from({ length: total }, (_, i) => `passage ${i} about topic ${i % 7}`);
    const progress: Array<[number, number]> = [];
    const result = await embedForIngestion(texts, (done, of) => void progress.push([done, of]), model);

    expect(model.local).toBe(true);
    expect(result.embeddings).toHaveLength(total);
    expect(result.embedded).toBe(total);
    const alone = await embedForIngestion([texts[70]!], () => {}, model);
    expect(result.embeddings[70]).toEqual(alone.embeddings[0]);
    // Neither the start (the caller records it) nor the end (the caller's next step does).
    expect(progress.map(([done]) => done).sort((a, b) => a - b)).toEqual([
      ingestion.embedBatchSize,
      ingestion.embedBatchSize * 2,
    ]);
    expect(progress.every(([, of]) => of === total)).toBe(true);
  });

  it('reports nothing for a document that fits in one batch', async () => {
    const progress: number[] = [];
    await embedForIngestion(['one passage', 'another passage'], (done) => void progress.push(done), model);
    expect(progress).toEqual([]);
  });
});

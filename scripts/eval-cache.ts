// Semantic cache quality on any labelled pairs (the format of data/cache-pairs/README.md), without a
// database: each pair's embedding similarity and the guards' verdict, hits per kind at the configured
// threshold (or --threshold), and the pairs it gets wrong.
//   node --conditions=react-server --import tsx scripts/eval-cache.ts <pairs.jsonl> [--threshold 0.85] [--json]
import './drop-empty-env';
import { readFile } from 'node:fs/promises';
import { embedMany } from 'ai';
import { getModels } from '@/lib/ai/models';
import { hits, parsePairs, ratesByKind, scorePairs, summarise, wilsonUpper } from '@/lib/cache/quality';
import { answerCache } from '@/lib/config';

async function main(args: string[]): Promise<number> {
  const file = args.find((arg) => !arg.startsWith('--'));
  const thresholdIndex = args.indexOf('--threshold');
  const embedding = getModels().embedding;
  const configured = embedding.local
    ? answerCache.semantic.minSimilarity.localEmbedding
    : answerCache.semantic.minSimilarity.providerEmbedding;
  const threshold = thresholdIndex >= 0 ? Number(args[thresholdIndex + 1]) : configured;
  if (!file || !(threshold > 0 && threshold <= 1)) {
    console.error('usage: scripts/eval-cache.ts <pairs.jsonl> [--threshold 0.85] [--json]');
    return 2;
  }
  const pairs = parsePairs(await readFile(file, 'utf8'));
  const scores = await scorePairs(
    pairs,
    async (values) => (await embedMany({ model: embedding.model, values })).embeddings,
    { requireAlignedWords: answerCache.semantic.requireAlignedWords },
  );
  const total = summarise(scores, threshold);
  const wrong = scores
    .filter((score) => (score.pair.kind === 'paraphrase') !== hits(score, threshold))
    .map((score) => ({
      id: score.pair.id,
      kind: score.pair.kind,
      similarity: Number(score.similarity.toFixed(4)),
      guard: score.verdict.ok ? null : `${score.verdict.guard}: ${score.verdict.detail}`,
      a: score.pair.a,
      b: score.pair.b,
    }));
  const report = {
    embedding: embedding.id,
    threshold,
    pairs: pairs.length,
    paraphraseHitRate: total.paraphraseHits / total.paraphrases,
    falseHitRate: total.falseHits / total.nearMisses,
    falseHitRateUpper95: wilsonUpper(total.falseHits, total.nearMisses),
    byKind: ratesByKind(scores, threshold),
    wrong,
  };
  if (args.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  console.log(`${pairs.length} pairs, embedding ${embedding.id}, similarity ≥ ${threshold}, guards on`);
  for (const rate of report.byKind) {
    console.log(`  ${rate.kind.padEnd(12)} ${String(rate.hits).padStart(4)} / ${rate.pairs} hit`);
  }
  console.log(
    `paraphrase hit rate ${(100 * report.paraphraseHitRate).toFixed(1)} %, false-hit rate ` +
      `${(100 * report.falseHitRate).toFixed(1)} % (${total.falseHits} of ${total.nearMisses}; 95 % upper ` +
      `${(100 * report.falseHitRateUpper95).toFixed(1)} %)`,
  );
  for (const pair of wrong) {
    console.log(
      `  ✗ ${pair.id} (${pair.kind}) ${pair.similarity} ${pair.guard ?? ''}\n      ${pair.a}\n      ${pair.b}`,
    );
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`eval-cache: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

// Benchmark: the semantic answer cache on labelled pairs (data/cache-pairs/): the hit rate on
// paraphrases and the false-hit rate on near-misses, per kind, at the configured similarity threshold
// and over a sweep of thresholds, with and without the guards; then the same pairs through the real
// cache (store every cached question, look up every asked one) on the embedded database.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { embedMany } from 'ai';
import { getModels } from '@/lib/ai/models';
import { lookupCachedAnswer, storeCachedAnswer } from '@/lib/cache/answer-cache';
import { normaliseQuestion } from '@/lib/cache/normalise';
import {
  PARAPHRASE,
  guardCounts,
  hits,
  parsePairs,
  ratesByKind,
  scorePairs,
  summarise as summariseHits,
  wilsonUpper,
  type LabelledPair,
  type ScoredPair,
} from '@/lib/cache/quality';
import { answerCache } from '@/lib/config';
import { getCorpusVersion } from '@/lib/db/corpus';
import type { Benchmark } from './support/benchmark';
import { openEmbedded } from './support/databases';
import { ms, note, printTable, summarise } from './support/report';

const PAIRS_FILE = process.env.CACHE_PAIRS_FILE || path.join(process.cwd(), 'data/cache-pairs/pairs.jsonl');
const SWEEP = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const GOAL_FALSE_HIT_RATE = 0.01;
const LISTED = 12;

const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '–');

function threshold(): number {
  const { localEmbedding, providerEmbedding } = answerCache.semantic.minSimilarity;
  return getModels().embedding.local ? localEmbedding : providerEmbedding;
}

async function embedTexts(texts: string[]): Promise<number[][]> {
  const { embeddings } = await embedMany({ model: getModels().embedding.model, values: texts });
  return embeddings;
}

function printByKind(scores: ScoredPair[], at: number): void {
  const splits = [...new Set(scores.map((score) => score.pair.split ?? 'all'))];
  const columns = splits.length > 1 ? [...splits, 'all'] : ['all'];
  const of = (split: string) =>
    split === 'all' ? scores : scores.filter((s) => (s.pair.split ?? 'all') === split);
  const kinds = ratesByKind(scores, at).map((rate) => rate.kind);
  printTable(
    `cache-quality: hits per kind at similarity ≥ ${at} with the guards (without them in brackets)`,
    ['kind', ...columns.map((split) => `${split}: hits / pairs`)],
    kinds.map((kind) => [
      kind === PARAPHRASE ? 'paraphrase (should hit)' : `${kind} (must not)`,
      ...columns.map((split) => {
        const ofKind = of(split).filter((score) => score.pair.kind === kind);
        const withGuards = ofKind.filter((score) => hits(score, at)).length;
        const without = ofKind.filter((score) => hits(score, at, false)).length;
        return ofKind.length ? `${withGuards} / ${ofKind.length} (${without})` : '–';
      }),
    ]),
  );
}

function printSweep(scores: ScoredPair[], at: number): void {
  printTable(
    'cache-quality: threshold sweep over all pairs',
    [
      'similarity ≥',
      'paraphrase hits',
      'false hits',
      'false-hit rate',
      '95 % upper',
      'false hits, no guards',
    ],
    SWEEP.map((value) => {
      const guarded = summariseHits(scores, value);
      const bare = summariseHits(scores, value, false);
      return [
        `${value}${value === at ? ' (set)' : ''}`,
        `${guarded.paraphraseHits} / ${guarded.paraphrases} (${percent(guarded.paraphraseHits, guarded.paraphrases)})`,
        `${guarded.falseHits} / ${guarded.nearMisses}`,
        percent(guarded.falseHits, guarded.nearMisses),
        percent(wilsonUpper(guarded.falseHits, guarded.nearMisses) * guarded.nearMisses, guarded.nearMisses),
        `${bare.falseHits} (${percent(bare.falseHits, bare.nearMisses)})`,
      ];
    }),
  );
}

function printGuards(scores: ScoredPair[], at: number): void {
  const counts = [...guardCounts(scores)].sort((a, b) => b[1].nearMisses - a[1].nearMisses);
  printTable(
    'cache-quality: what each guard refused first (all pairs, any similarity)',
    ['guard', 'near-misses refused', 'paraphrases refused'],
    counts.map(([guard, count]) => [guard, String(count.nearMisses), String(count.paraphrases)]),
  );
  const forms = [...new Set(scores.filter((s) => s.pair.kind === PARAPHRASE).map((s) => s.pair.form ?? '–'))];
  printTable(
    `cache-quality: paraphrase hits by form at ${at}`,
    ['form', 'hits / pairs', 'below threshold', 'refused by a guard'],
    forms.map((form) => {
      const ofForm = scores.filter((s) => s.pair.kind === PARAPHRASE && (s.pair.form ?? '–') === form);
      return [
        form,
        `${ofForm.filter((s) => hits(s, at)).length} / ${ofForm.length}`,
        String(ofForm.filter((s) => s.similarity < at).length),
        String(ofForm.filter((s) => s.similarity >= at && !s.verdict.ok).length),
      ];
    }),
  );
  const falseHits = scores.filter((s) => s.pair.kind !== PARAPHRASE && hits(s, at));
  const refused = scores.filter((s) => s.pair.kind === PARAPHRASE && s.similarity >= at && !s.verdict.ok);
  note(`false hits at ${at}: ${falseHits.length}${falseHits.length ? ' (first ' + LISTED + ' below)' : ''}`);
  for (const s of falseHits.slice(0, LISTED))
    note(`  ${s.pair.id} ${s.similarity.toFixed(3)}: "${s.pair.a}" → "${s.pair.b}"`);
  note(`paraphrases above the threshold that a guard refused: ${refused.length}`);
  for (const s of refused.slice(0, LISTED)) {
    const detail = s.verdict.ok ? '' : `${s.verdict.guard}: ${s.verdict.detail}`;
    note(`  ${s.pair.id} ${s.similarity.toFixed(3)} [${detail}]: "${s.pair.a}" → "${s.pair.b}"`);
  }
}

/** Stores every cached question once, then asks every other: what the real cache serves. */
async function throughTheCache(pairs: LabelledPair[]): Promise<void> {
  note('end to end: embedded PGlite in a temporary folder, every distinct cached question stored once…');
  const database = await openEmbedded(4);
  try {
    const base = {
      viewer: { userId: 'bench-user' },
      modelRoute: getModels().chat.id,
      followUp: false,
      corpusVersion: await getCorpusVersion(),
    };
    const cached = [...new Set(pairs.map((pair) => pair.a))];
    for (const question of cached) {
      const stored = await storeCachedAnswer({
        ...base,
        question,
        answer: question,
        sources: [],
        model: base.modelRoute,
      });
      if (!stored) throw new Error(`could not store "${question}"`);
    }
    const times: number[] = [];
    let partner = 0;
    let identical = 0;
    const other: string[] = [];
    const byKind = new Map<string, { pairs: number; partner: number; other: number }>();
    for (const pair of pairs) {
      const started = performance.now();
      const hit = await lookupCachedAnswer({ ...base, question: pair.b });
      times.push(performance.now() - started);
      const row = byKind.get(pair.kind) ?? { pairs: 0, partner: 0, other: 0 };
      row.pairs += 1;
      if (hit && hit.cachedQuestion === pair.a) {
        row.partner += 1;
        partner += 1;
      } else if (hit && normaliseQuestion(hit.cachedQuestion) === normaliseQuestion(pair.b)) {
        // The asked question is itself cached (as another pair's first question): a right exact hit.
        identical += 1;
      } else if (hit) {
        row.other += 1;
        other.push(
          `${pair.id} (${pair.kind}) "${pair.b}" ← "${hit.cachedQuestion}" ${hit.similarity.toFixed(3)}`,
        );
      }
      byKind.set(pair.kind, row);
    }
    printTable(
      `cache-quality end to end: ${cached.length} cached questions, ${pairs.length} lookups (lookupCachedAnswer)`,
      ['kind', 'pairs', 'served its pair’s answer', 'served another answer'],
      [...byKind].map(([kind, row]) => [kind, String(row.pairs), String(row.partner), String(row.other)]),
    );
    const latency = summarise(times);
    note(
      `served the pair's answer ${partner}, an identical cached question ${identical}, another answer ${other.length}; ` +
        `lookup p50 ${ms(latency.p50)} ms, p95 ${ms(latency.p95)} ms`,
    );
    for (const line of other.slice(0, LISTED)) note(`  other: ${line}`);
  } finally {
    await database.close();
  }
}

export const cacheQuality: Benchmark = {
  name: 'cache-quality',
  summary:
    'semantic answer cache on labelled pairs: paraphrase hit rate, near-miss false-hit rate, threshold sweep',
  async run() {
    const pairs = parsePairs(await readFile(PAIRS_FILE, 'utf8'));
    const embedding = getModels().embedding;
    const at = threshold();
    note(`${pairs.length} pairs from ${path.relative(process.cwd(), PAIRS_FILE) || PAIRS_FILE}`);
    note(
      `embedding ${embedding.id} (${embedding.local ? 'built-in, lexical' : 'provider'}), similarity threshold ${at}, ` +
        `guards on, aligned words ${answerCache.semantic.requireAlignedWords ? 'required' : 'not required'}`,
    );
    const started = performance.now();
    const scores = await scorePairs(pairs, embedTexts, {
      requireAlignedWords: answerCache.semantic.requireAlignedWords,
    });
    note(`scored in ${ms(performance.now() - started)} ms (embeddings and guards)`);

    printByKind(scores, at);
    printSweep(scores, at);
    printGuards(scores, at);

    const total = summariseHits(scores, at);
    const rate = total.falseHits / total.nearMisses;
    note(
      `paraphrase hit rate ${percent(total.paraphraseHits, total.paraphrases)}; false-hit rate ` +
        `${percent(total.falseHits, total.nearMisses)} (${total.falseHits} of ${total.nearMisses}, 95 % upper bound ` +
        `${percent(wilsonUpper(total.falseHits, total.nearMisses) * total.nearMisses, total.nearMisses)}); ` +
        `goal false hits < ${GOAL_FALSE_HIT_RATE * 100} %: ${rate < GOAL_FALSE_HIT_RATE ? 'MET' : 'MISSED'}`,
    );
    await throughTheCache(pairs);
  },
};

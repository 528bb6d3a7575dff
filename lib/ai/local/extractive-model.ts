// The built-in chat model (no provider configured): answers by quoting the best-matching passage sentences.
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4FinishReason,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { estimateTokens } from '@/lib/ai/tokens';
import { models } from '@/lib/config';
import { NO_ANSWER, parsePrompt, type PromptInput } from '@/lib/rag/prompt';
import { splitSentences, tokenize } from '@/lib/rag/text';

// BM25 parameters (the common defaults), applied with sentences as the "documents".
const K1 = 1.2;
const B = 0.75;
/** Most sentences quoted in one answer, and the character budget they share. */
const MAX_SENTENCES = 4;
const MAX_ANSWER_CHARS = 600;
/** Longer sentences (often run-on list items or table rows) are clipped at a word boundary. */
const MAX_SENTENCE_CHARS = 350;
/** A sentence joins the answer only if it scores at least this share of the best one. */
const MIN_RELATIVE_SCORE = 0.3;
/**
 * Weight of a passage's opening words when they start in lowercase: the tail of a sentence cut at
 * the passage's start (the chunker repeats the last words of the previous passage when its last
 * sentence is too long to repeat whole). Quoted alone it lacks its subject ("is what CI runs: …").
 */
const FRAGMENT = 0.5;
/** Words per streamed delta: small enough that the answer visibly streams. */
const WORDS_PER_DELTA = 3;

type Candidate = {
  passageIndex: number;
  order: number;
  n: number;
  text: string;
  terms: string[];
  termSet: Set<string>;
  score: number;
  /** Used only when no sentence shares a word with the question but a passage's headings do. */
  headingScore: number;
};

function clip(sentence: string): string {
  if (sentence.length <= MAX_SENTENCE_CHARS) return sentence;
  const cut = sentence.slice(0, MAX_SENTENCE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_SENTENCE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

function candidatesOf(input: PromptInput): Candidate[] {
  return input.passages.flatMap((passage, passageIndex) =>
    splitSentences(passage.text).flatMap((sentence, order) => {
      const text = clip(sentence);
      const terms = tokenize(text);
      if (terms.length === 0) return [];
      return [
        {
          passageIndex,
          order,
          n: passage.n,
          text,
          terms,
          termSet: new Set(terms),
          score: 0,
          headingScore: 0,
        },
      ];
    }),
  );
}

/** Scores every sentence against the question: BM25 plus small bonuses for rank and matching headings. */
function score(input: PromptInput, question: Set<string>, candidates: Candidate[]): void {
  const documentFrequency = new Map<string, number>();
  for (const candidate of candidates) {
    for (const term of candidate.termSet) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const count = candidates.length;
  const averageLength = candidates.reduce((sum, c) => sum + c.terms.length, 0) / Math.max(count, 1);
  const passageCount = input.passages.length;
  const headingTerms = input.passages.map((p) => new Set(tokenize(`${p.title} ${p.headingPath}`)));

  for (const candidate of candidates) {
    const headings = headingTerms[candidate.passageIndex]!;
    const headingShare = [...question].filter((term) => headings.has(term)).length / question.size;
    // "Tell me about backups" under a "Backups" heading: the section's opening sentences answer it.
    candidate.headingScore = headingShare / (1 + candidate.order);

    let bm25 = 0;
    for (const term of question) {
      const df = documentFrequency.get(term) ?? 0;
      if (df === 0 || !candidate.termSet.has(term)) continue;
      const tf = candidate.terms.filter((t) => t === term).length;
      const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
      bm25 += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * candidate.terms.length) / averageLength));
    }
    if (bm25 === 0) continue; // no shared content word: not quoted on the strength of bonuses
    // Retrieval already ranked the passages; trust that a little.
    const rankShare = passageCount > 1 ? 1 - candidate.passageIndex / (passageCount - 1) : 1;
    // A sentence that announces something it does not contain ("Run the following:") reads badly alone.
    const dangling = /:\s*$/.test(candidate.text) ? 0.6 : 1;
    const fragment = candidate.order === 0 && /^\p{Ll}/u.test(candidate.text) ? FRAGMENT : 1;
    candidate.score = bm25 * (1 + 0.3 * headingShare) * (1 + 0.15 * rankShare) * dangling * fragment;
  }
}

function nearDuplicate(a: Candidate, b: Candidate): boolean {
  let shared = 0;
  for (const term of a.termSet) if (b.termSet.has(term)) shared++;
  const jaccard = shared / (a.termSet.size + b.termSet.size - shared);
  return jaccard >= 0.7 || a.text.includes(b.text) || b.text.includes(a.text);
}

function select(candidates: Candidate[]): Candidate[] {
  let ranked = candidates.filter((c) => c.score > 0);
  if (ranked.length === 0) {
    ranked = candidates.filter((c) => c.headingScore > 0).map((c) => ({ ...c, score: c.headingScore }));
  }
  ranked.sort((a, b) => b.score - a.score);
  const best = ranked[0]?.score ?? 0;
  const picked: Candidate[] = [];
  let chars = 0;
  for (const candidate of ranked) {
    if (picked.length >= MAX_SENTENCES || candidate.score < best * MIN_RELATIVE_SCORE) break;
    if (picked.some((p) => nearDuplicate(p, candidate))) continue;
    if (picked.length > 0 && chars + candidate.text.length > MAX_ANSWER_CHARS) continue;
    picked.push(candidate);
    chars += candidate.text.length;
  }
  // Read in document order: passages by rank, sentences as they were written.
  return picked.sort((a, b) => a.passageIndex - b.passageIndex || a.order - b.order);
}

/**
 * The extractive answer to a parsed prompt: up to four of the best-scoring passage sentences (those
 * within reach of the best one), each followed by its citation, or `NO_ANSWER` when neither a
 * passage's text nor its headings share a content word with the question. Passage text is only
 * ever quoted, never interpreted, so instructions inside it have no effect.
 */
export function extractiveAnswer(input: PromptInput): string {
  const question = new Set(tokenize(input.question));
  if (question.size === 0) return NO_ANSWER;
  const candidates = candidatesOf(input);
  score(input, question, candidates);
  const picked = select(candidates);
  if (picked.length === 0) return NO_ANSWER;
  return picked.map((c) => `${c.text} [${c.n}]`).join(' ');
}

/** The text of the last user message: that is where `buildPrompt` puts the passages and question. */
function lastUserText(prompt: LanguageModelV4CallOptions['prompt']): string {
  for (let i = prompt.length - 1; i >= 0; i--) {
    const message = prompt[i]!;
    if (message.role !== 'user') continue;
    return message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
  }
  return '';
}

/** All prompt text, for the input token estimate. */
function promptText(prompt: LanguageModelV4CallOptions['prompt']): string {
  return prompt
    .map((message) =>
      typeof message.content === 'string'
        ? message.content
        : message.content
            .map((part) => ('text' in part && typeof part.text === 'string' ? part.text : ''))
            .join('\n'),
    )
    .join('\n');
}

function warningsFor(options: LanguageModelV4CallOptions): SharedV4Warning[] {
  const warnings: SharedV4Warning[] = [];
  if (options.tools?.length) warnings.push({ type: 'unsupported', feature: 'tools' });
  if (options.responseFormat?.type === 'json')
    warnings.push({ type: 'unsupported', feature: 'responseFormat' });
  return warnings;
}

type Answer = {
  text: string;
  finishReason: LanguageModelV4FinishReason;
  usage: LanguageModelV4Usage;
  warnings: SharedV4Warning[];
};

function answer(options: LanguageModelV4CallOptions): Answer {
  options.abortSignal?.throwIfAborted();
  let text = extractiveAnswer(parsePrompt(lastUserText(options.prompt)));
  let finishReason: LanguageModelV4FinishReason = { unified: 'stop', raw: 'stop' };
  const limit = options.maxOutputTokens;
  if (limit !== undefined && estimateTokens(text) > limit) {
    text = text.slice(0, Math.max(0, limit * 4));
    finishReason = { unified: 'length', raw: 'length' };
  }
  const input = estimateTokens(promptText(options.prompt));
  const output = estimateTokens(text);
  return {
    text,
    finishReason,
    usage: {
      inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: output, text: output, reasoning: 0 },
    },
    warnings: warningsFor(options),
  };
}

/** Splits text into deltas of a few words each, keeping the whitespace so they concatenate exactly. */
function deltas(text: string): string[] {
  const tokens = text.match(/\s*\S+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += WORDS_PER_DELTA)
    out.push(tokens.slice(i, i + WORDS_PER_DELTA).join(''));
  return out;
}

/**
 * An AI SDK language model (spec v4) that answers prompts made by `buildPrompt` without any
 * network or weights. Streams a few words per delta and reports estimated token usage.
 */
export function createLocalChatModel(): LanguageModelV4 {
  const modelId = models.localChatId;
  return {
    specificationVersion: 'v4',
    provider: 'local',
    modelId,
    supportedUrls: {},

    async doGenerate(options) {
      const result = answer(options);
      return {
        content: result.text ? [{ type: 'text', text: result.text }] : [],
        finishReason: result.finishReason,
        usage: result.usage,
        warnings: result.warnings,
        response: { id: crypto.randomUUID(), modelId, timestamp: new Date() },
      };
    },

    async doStream(options) {
      const result = answer(options);
      const textId = crypto.randomUUID();
      const parts: LanguageModelV4StreamPart[] = [
        { type: 'stream-start', warnings: result.warnings },
        { type: 'response-metadata', id: crypto.randomUUID(), modelId, timestamp: new Date() },
        { type: 'text-start', id: textId },
        ...deltas(result.text).map((delta): LanguageModelV4StreamPart => ({
          type: 'text-delta',
          id: textId,
          delta,
        })),
        { type: 'text-end', id: textId },
        { type: 'finish', usage: result.usage, finishReason: result.finishReason },
      ];
      let next = 0;
      // Pulled one part at a time: a reader that stops or aborts stops the work. Each part waits for
      // the event loop's next turn, as a network stream's parts do. Without that the whole answer,
      // and the work after it, ran as one chain of microtasks, and Node.js sends a response's writes
      // only once that chain ends: the chat's first words reached the browser with its last ones.
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        async pull(controller) {
          await new Promise((resolve) => setImmediate(resolve));
          if (options.abortSignal?.aborted) {
            controller.error(options.abortSignal.reason);
            return;
          }
          const part = parts[next++];
          if (part) controller.enqueue(part);
          else controller.close();
        },
      });
      return { stream };
    },
  };
}

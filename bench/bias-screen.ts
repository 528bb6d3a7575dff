// Benchmark: the bias screen's time per answer (lib/fairness/bias-screen.ts), in process. Answers of
// 300, 600 (the built-in answerer's longest), 1,500 and 4,000 characters (about 1,000 tokens, the
// default longest provider answer) are cut from the demo corpus's prose (README.md and docs/*.md),
// a paragraph every three sentences, 200 of each; p50/p95 of the screen as shipped (one paragraph)
// against retext-equality run on the paragraphs as written, and how many answers the screen flagged.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { retext } from 'retext';
import retextEquality from 'retext-equality';
import { demoCorpusFiles } from '../prisma/seed';
import { screenAnswerForBias } from '../lib/fairness/bias-screen';
import type { Benchmark } from './support/benchmark';
import { ms, note, printTable, summarise } from './support/report';

const SIZES = [300, 600, 1_500, 4_000];
const ANSWERS = 200;

/** Sentences of prose: code blocks, tables and headings left out. */
async function corpusSentences(): Promise<string[]> {
  const root = process.cwd();
  const text = (await demoCorpusFiles(root))
    .map((file) => readFileSync(path.join(root, file), 'utf8'))
    .join('\n\n')
    .replace(/```[\s\S]*?```/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !/^\s*(#|\||-{3,})/.test(line))
    .join(' ');
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 20);
}

/** `count` answers of about `chars` characters from consecutive sentences, a paragraph every three. */
function answersOf(sentences: string[], chars: number, count: number): string[] {
  const answers: string[] = [];
  for (let i = 0; i < count; i += 1) {
    let at = Math.floor((i * 7919) % sentences.length);
    let answer = '';
    let inParagraph = 0;
    while (answer.length < chars) {
      const sentence = sentences[at % sentences.length]!;
      answer += (answer ? (inParagraph === 3 ? '\n\n' : ' ') : '') + sentence;
      inParagraph = inParagraph === 3 ? 1 : inParagraph + 1;
      at += 1;
    }
    answers.push(answer.slice(0, Math.max(chars, answer.lastIndexOf(' ', chars))));
  }
  return answers;
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export const biasScreen: Benchmark = {
  name: 'bias-screen',
  summary: 'the bias screen per answer, by answer length (in process)',
  async run() {
    const sentences = await corpusSentences();
    const first = time(() => screenAnswerForBias(answersOf(sentences, 600, 1)[0]!));
    const asWritten = retext().use(retextEquality).freeze();
    const rows: string[][] = [];
    for (const size of SIZES) {
      const answers = answersOf(sentences, size, ANSWERS);
      // Warm-up, then each way in turn over the same answers.
      for (const answer of answers.slice(0, 20)) screenAnswerForBias(answer);
      let flagged = 0;
      const shipped = summarise(
        answers.map((answer) =>
          time(() => {
            if (screenAnswerForBias(answer).length) flagged += 1;
          }),
        ),
      );
      const paragraphs = summarise(answers.map((answer) => time(() => asWritten.processSync(answer))));
      rows.push([
        `${size} chars`,
        ms(shipped.p50),
        ms(shipped.p95),
        ms(paragraphs.p50),
        ms(paragraphs.p95),
        `${Math.round((flagged / answers.length) * 100)} %`,
      ]);
    }
    printTable(
      `Bias screen per answer, ms (${ANSWERS} answers of each length)`,
      ['answer', 'screen p50', 'screen p95', 'paragraphs p50', 'paragraphs p95', 'flagged'],
      rows,
    );
    note(`first call in a process (builds the processor): ${ms(first)} ms`);
    note('"paragraphs": retext-equality on the answer as written, one search per paragraph.');
  },
};

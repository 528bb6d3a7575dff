// Documents to ingest in benchmarks: SciFact abstracts gathered into multi-section Markdown files
// when the shared data set is present, else Markdown generated from the Zipf text source.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { zipfText } from './zipf-text';

export type BenchDocument = { fileName: string; bytes: Uint8Array };
export type DocumentSet = { documents: BenchDocument[]; origin: string };

export const SCIFACT_CORPUS = path.resolve(process.cwd(), '../shared/data/scifact/corpus.jsonl');

const encoder = new TextEncoder();

/** Paragraphs of about `sentences` sentences: abstracts come as one block, documents rarely do. */
function paragraphs(text: string, sentences = 3): string {
  const parts = text.match(/[^.!?]+[.!?]+(?:\s+|$)|[^.!?]+$/g) ?? [text];
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += sentences)
    out.push(
      parts
        .slice(i, i + sentences)
        .join('')
        .trim(),
    );
  return out.join('\n\n');
}

function fromScifact(count: number, sections: number): DocumentSet | null {
  if (!existsSync(SCIFACT_CORPUS)) return null;
  const abstracts = readFileSync(SCIFACT_CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { title: string; text: string });
  const documents: BenchDocument[] = [];
  for (let d = 0; d < count && (d + 1) * sections <= abstracts.length; d++) {
    const group = abstracts.slice(d * sections, (d + 1) * sections);
    const markdown = [
      `# Research notes ${d + 1}: ${group[0]!.title.replace(/\.$/, '')}`,
      `Summaries of ${group.length} studies, one section each.`,
      ...group.map((a) => `## ${a.title.replace(/\.$/, '')}\n\n${paragraphs(a.text)}`),
    ].join('\n\n');
    documents.push({ fileName: `scifact-notes-${d + 1}.md`, bytes: encoder.encode(`${markdown}\n`) });
  }
  return { documents, origin: `SciFact abstracts (${SCIFACT_CORPUS}), ${sections} per document as sections` };
}

function generated(count: number, sections: number): DocumentSet {
  const text = zipfText({ seed: 7 });
  const documents = Array.from({ length: count }, (_, d) => {
    const topic = d % text.topics;
    const body = Array.from({ length: sections }, () => {
      const [, section] = text.heading(topic).split(' › ');
      const paras = Array.from({ length: 2 + Math.floor(text.random() * 3) }, () =>
        text.passage(topic, 50 + Math.floor(text.random() * 60)),
      );
      return `## ${section}\n\n${paras.join('\n\n')}`;
    });
    const [title] = text.heading(topic).split(' › ');
    return {
      fileName: `generated-${d + 1}.md`,
      bytes: encoder.encode(`# ${title} ${d + 1}\n\n${body.join('\n\n')}\n`),
    };
  });
  return { documents, origin: `generated Markdown (Zipf vocabulary), ${sections} sections per document` };
}

/**
 * `count` multi-section Markdown documents: SciFact when `../shared/data/scifact` is there, else
 * generated ones (the run says which, as figures differ between the two).
 */
export function benchDocuments(count: number, sections: number): DocumentSet {
  return fromScifact(count, sections) ?? generated(count, sections);
}

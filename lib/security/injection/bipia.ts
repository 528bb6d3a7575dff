// Indirect-injection test set from Microsoft BIPIA: attack lines embedded into email contexts
// (positives) and the clean contexts (negatives), built in memory from ../shared/data.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { LabelledText } from './eval';

export const BIPIA_FILES = {
  contexts: 'bipia-email-contexts-train.jsonl',
  attacks: 'bipia-text-attacks-train.json',
} as const;

const attacksSchema = z.record(z.string(), z.array(z.string()));
const contextSchema = z.object({ context: z.string() });

/**
 * Every attack line once, each in a different email, at the start, middle (a sentence boundary)
 * or end in turn, as BIPIA places them; plus every clean email as a negative.
 */
export async function buildBipiaSet(dir: string): Promise<LabelledText[]> {
  const attacks = Object.entries(
    attacksSchema.parse(JSON.parse(await readFile(path.join(dir, BIPIA_FILES.attacks), 'utf8'))),
  ).flatMap(([category, lines]) => lines.map((line) => ({ category, line })));
  const contexts = (await readFile(path.join(dir, BIPIA_FILES.contexts), 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => contextSchema.parse(JSON.parse(line)).context);
  const positives = attacks.map(({ category, line }, index) => ({
    text: embed(contexts[index % contexts.length] ?? '', line, index % 3),
    label: 1 as const,
    group: category,
  }));
  return [...positives, ...contexts.map((text) => ({ text, label: 0 as const, group: 'clean email' }))];
}

function embed(context: string, attack: string, position: number): string {
  if (position === 0) return `${attack}\n${context}`;
  if (position === 2) return `${context}\n${attack}`;
  const middle = context.indexOf('. ', Math.floor(context.length / 2));
  const at = middle === -1 ? Math.floor(context.length / 2) : middle + 2;
  return `${context.slice(0, at)}${attack} ${context.slice(at)}`;
}

// The system prompt is never echoed back: an answer that repeats a run of its words (whatever a
// passage or a question talked the model into) is withheld like an unsupported one.
import { SYSTEM_PROMPT } from './prompt';
import { words } from './text';

/** Consecutive words of the instructions that, repeated in an answer, count as an echo. */
const RUN = 8;

function shingles(text: string): Set<string> {
  const all = words(text);
  const out = new Set<string>();
  for (let i = 0; i + RUN <= all.length; i++) out.add(all.slice(i, i + RUN).join(' '));
  return out;
}

const instructionRuns = shingles(SYSTEM_PROMPT);

/** Whether the answer repeats eight or more consecutive words of the system prompt. */
export function echoesInstructions(answer: string): boolean {
  for (const run of shingles(answer)) if (instructionRuns.has(run)) return true;
  return false;
}

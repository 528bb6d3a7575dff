// Screens a document's passages for indirect prompt injection when it is indexed, so admins see a
// suspicious upload on the Documents page before anyone's question retrieves it.
import { screenText } from './detector';

export type PassageScreening = { flaggedPassages: number; score: number };

export function screenPassages(texts: readonly string[]): PassageScreening {
  let flaggedPassages = 0;
  let score = 0;
  for (const text of texts) {
    const result = screenText(text, { source: 'document' });
    if (result.flagged) flaggedPassages += 1;
    score = Math.max(score, result.score);
  }
  return { flaggedPassages, score };
}

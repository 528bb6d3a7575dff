// A question asked again (a popular one, one the answer cache serves) is screened once: the hashes of
// the last questions that matched no rule are kept, so nothing of their text stays in memory, and a
// suspicious question is screened every time it comes.
import { createHash } from 'node:crypto';
import { screenText, type ScreenResult } from './detector';

const CLEAN_MAX = 5_000;
const cleanQuestions = new Set<string>();

const CLEAN: ScreenResult = Object.freeze({
  score: 0,
  flagged: false,
  source: 'question',
  categories: Object.freeze([]) as unknown as ScreenResult['categories'],
  matches: Object.freeze([]) as unknown as ScreenResult['matches'],
});

/** screenText(question, { source: 'question' }), remembered for questions that matched nothing. */
export function screenQuestion(question: string): ScreenResult {
  const key = createHash('sha256').update(question).digest('base64url');
  if (cleanQuestions.has(key)) return CLEAN;
  const screened = screenText(question, { source: 'question' });
  if (screened.matches.length === 0) {
    if (cleanQuestions.size >= CLEAN_MAX) cleanQuestions.delete(cleanQuestions.values().next().value!);
    cleanQuestions.add(key);
  }
  return screened;
}

// Routing by complexity: the small model for short factual questions, the large one for long,
// multi-part or comparative questions, large retrieved contexts and long conversations. The reason
// is kept with the answer ("comparison → large") and shown to admins.
import { countTokens } from '@/lib/ai/tokens';
import { routing } from '@/lib/config';

export type ModelTier = 'small' | 'large';
export type Route = { tier: ModelTier; reason: string };

export type RouteInput = {
  question: string;
  /** The question's tokens, when the caller has counted them already (else counted here). */
  questionTokens?: number;
  /** Tokens of the retrieved passages the prompt carries. */
  contextTokens: number;
  /** Earlier turns of the conversation the prompt carries. */
  historyTurns: number;
  /** A per-user choice (a setting or a feature flag) that wins over the rules. */
  override?: ModelTier | null;
  /** Where the override came from, for the reason ("user setting" when left out). */
  overrideSource?: string;
};

const COMPARISON =
  /\b(compare|comparison|compared|versus|vs\.?|difference|differences|differ|better|worse|pros and cons|trade-?offs?|advantages?|disadvantages?|which (?:one|is)|similarities)\b/i;
const MULTI_STEP =
  /\b(step[- ]by[- ]step|steps|walk me through|explain (?:why|how)|and then|first\b.*\bthen|plan|design|migrate|troubleshoot|analy[sz]e|summari[sz]e)\b/i;

/** Number of separate questions or asks in the text: question marks, and "and/also" joining two asks. */
function partsOf(question: string): number {
  const marks = (question.match(/\?/g) ?? []).length;
  const joined = (question.match(/\b(?:and also|as well as|additionally|also)\b/gi) ?? []).length;
  return Math.max(1, marks) + joined;
}

export function routeQuestion(input: RouteInput): Route {
  if (input.override)
    return { tier: input.override, reason: `${input.overrideSource ?? 'user setting'} → ${input.override}` };
  const tokens = input.questionTokens ?? countTokens(input.question);
  const parts = partsOf(input.question);
  const reasons: string[] = [];
  if (tokens >= routing.longQuestionTokens && parts > 1) reasons.push('long multi-part question');
  else if (tokens >= routing.longQuestionTokens) reasons.push('long question');
  else if (parts > 1) reasons.push('multi-part question');
  if (COMPARISON.test(input.question)) reasons.push('comparison');
  if (MULTI_STEP.test(input.question)) reasons.push('multi-step question');
  if (input.contextTokens >= routing.largeContextTokens) reasons.push('large retrieved context');
  if (input.historyTurns >= routing.longConversationTurns) reasons.push('long conversation');
  if (reasons.length) return { tier: 'large', reason: `${reasons.join(', ')} → large` };
  return { tier: 'small', reason: 'short single question → small' };
}

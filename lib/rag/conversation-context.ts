// The conversation around a question: the question is stored before it is answered (or, for
// regenerate, the last answer is removed), the recent turns are read, and a follow-up is made
// standalone for retrieval: by the local rewrite, or condensed by a provider model.
import 'server-only';
import { generateText } from 'ai';
import type { ChatModelInfo } from '@/lib/ai/models';
import { answers } from '@/lib/config';
import {
  addUserMessage,
  getConversation,
  openConversation,
  recentTurns,
  rewindToLastQuestion,
} from '@/lib/db/conversations';
import { AppError } from '@/lib/http/errors';
import { log } from '@/lib/observability/logger';
import { redactForProvider } from '@/lib/security/pii';
import type { Turn } from './answer-metadata';
import type { AskInput } from './answer-types';
import { CONDENSE_INSTRUCTIONS, condensePrompt, rewriteFollowUp, turnsWithinBudget } from './follow-up';

/** The question retrieval searches for: the question itself, or a follow-up made standalone. */
export async function standaloneQuestion(
  question: string,
  history: Turn[],
  chat: ChatModelInfo,
  abortSignal?: AbortSignal,
  /** Redact PII before the provider sees it (the `pii-redact-provider` flag). */
  redactBeforeProvider?: boolean,
): Promise<string> {
  if (!history.some((turn) => turn.role === 'user')) return question;
  if (chat.local) return rewriteFollowUp(question, history);
  try {
    const { text } = await generateText({
      model: chat.model,
      instructions: CONDENSE_INSTRUCTIONS,
      prompt: redactForProvider(
        condensePrompt(question, turnsWithinBudget(history, answers.historyTokenBudget)),
        redactBeforeProvider,
      ).text,
      maxOutputTokens: answers.condenseMaxTokens,
      temperature: 0,
      abortSignal,
    });
    return text.trim() || rewriteFollowUp(question, history);
  } catch (error) {
    if (abortSignal?.aborted) throw error;
    log().warn({ err: error }, 'condensing a follow-up failed; using the deterministic rewrite');
    return rewriteFollowUp(question, history);
  }
}

/**
 * The conversation's context for this question, persisting the question (or rewinding for
 * regenerate). `stored` settles when the question is written: the write runs while the pipeline
 * goes on, and the caller awaits it before answering.
 */
export async function conversationContext(
  input: Pick<AskInput, 'question' | 'regenerate' | 'conversationId' | 'createConversation' | 'user'>,
): Promise<{ question: string; history: Turn[]; stored: Promise<void> }> {
  const nothingToStore = Promise.resolve();
  if (!input.conversationId) {
    if (input.regenerate || input.question === undefined)
      throw new AppError('validation_failed', 'Regenerate needs a conversation.');
    return { question: input.question, history: [], stored: nothingToStore };
  }
  const userId = input.user.id;
  if (input.regenerate) {
    await getConversation(userId, input.conversationId);
    const question = await rewindToLastQuestion(input.conversationId);
    if (question === null)
      throw new AppError('validation_failed', 'This conversation has no question to answer again.');
    const turns = await recentTurns(input.conversationId, answers.historyMessages + 1);
    return { question, history: turns.slice(0, -1), stored: nothingToStore };
  }
  if (input.question === undefined) throw new AppError('validation_failed', 'A question is required.');
  const conversation = input.createConversation
    ? await openConversation(userId, input.conversationId, input.question)
    : { ...(await getConversation(userId, input.conversationId)), created: false };
  // A conversation made for this question has no earlier turns, and was last active just now.
  const history = conversation.created
    ? []
    : await recentTurns(input.conversationId, answers.historyMessages);
  const stored = addUserMessage(input.conversationId, input.question, {
    touchConversation: !conversation.created,
  }).then(() => undefined);
  stored.catch(() => {}); // the caller awaits it; this only keeps an early failure from going unhandled
  return { question: input.question, history, stored };
}

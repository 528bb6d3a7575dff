// The chat pipeline's streaming answer: retrieve passages, stream a grounded answer with its sources
// as an AI SDK UI message stream, and record a query-log row when the answer is complete.
import 'server-only';
import {
  createUIMessageStream,
  createUIMessageStreamResponse,
  streamText,
  toUIMessageStream,
  type ToolSet,
  type UIMessage,
} from 'ai';
import { costUsd } from '@/lib/ai/cost';
import { getModels } from '@/lib/ai/models';
import { createQueryLog } from '@/lib/db/query-logs';
import { log } from '@/lib/observability/logger';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { buildPrompt } from './prompt';
import { retrievePassages, type Passage } from './retrieve';

export type AnswerMetadata = { model: string; local: boolean; requestId: string };
export type ChatMessage = UIMessage<AnswerMetadata>;

/** How a passage is labelled in the answer's sources: "README.md › Quick start", "handbook.pdf › p. 2 › Refunds". */
export function sourceTitle(passage: Pick<Passage, 'source' | 'title' | 'headingPath' | 'page'>): string {
  return [passage.source || passage.title, passage.page ? `p. ${passage.page}` : '', passage.headingPath]
    .filter(Boolean)
    .join(' › ');
}

/** Answers `question` as a streamed UI message response. Throws (before streaming) when retrieval fails. */
export async function streamAnswer(input: {
  question: string;
  requestId: string;
  userId: string | null;
  route: string;
  abortSignal?: AbortSignal;
}): Promise<Response> {
  const started = performance.now();
  const { chat } = getModels();
  const { passages } = await retrievePassages({ question: input.question, viewer: { userId: input.userId } });
  const { system, prompt } = buildPrompt({
    question: input.question,
    passages: passages.map((p) => ({ n: p.n, title: p.title, headingPath: p.headingPath, text: p.text })),
  });

  let firstTokenAt: number | undefined;
  const result = streamText({
    model: chat.model,
    instructions: system,
    prompt,
    abortSignal: input.abortSignal,
    onChunk: ({ chunk }) => {
      if (firstTokenAt === undefined && chunk.type === 'text-delta') firstTokenAt = performance.now();
    },
  });

  const recordQueryLog = async (fields: {
    status: 'OK' | 'ERROR';
    errorCode?: string;
    tokensIn?: number;
    tokensOut?: number;
  }) => {
    const tokensIn = fields.tokensIn ?? 0;
    const tokensOut = fields.tokensOut ?? 0;
    try {
      await createQueryLog({
        requestId: input.requestId,
        userId: input.userId,
        route: input.route,
        question: input.question,
        model: chat.id,
        tokensIn,
        tokensOut,
        costUsd: costUsd(chat.id, tokensIn, tokensOut),
        latencyMs: Math.round(performance.now() - started),
        ttftMs: firstTokenAt === undefined ? null : Math.round(firstTokenAt - started),
        status: fields.status,
        errorCode: fields.errorCode ?? null,
      });
    } catch (error) {
      log().error({ err: error }, 'could not write query log');
    }
  };

  const stream = createUIMessageStream<ChatMessage>({
    execute: async ({ writer }) => {
      writer.write({
        type: 'start',
        messageMetadata: { model: chat.id, local: chat.local, requestId: input.requestId },
      });
      for (const passage of passages) {
        writer.write({
          type: 'source-document',
          sourceId: passage.id,
          mediaType: 'text/markdown',
          title: sourceTitle(passage),
          filename: passage.source,
        });
      }
      writer.merge(toUIMessageStream<ToolSet, ChatMessage>({ stream: result.stream, sendStart: false }));
      try {
        const usage = await result.usage;
        await recordQueryLog({ status: 'OK', tokensIn: usage.inputTokens, tokensOut: usage.outputTokens });
      } catch (error) {
        // The reader went away (Stop, closed tab): still one row, marked as such, and nothing to report.
        const aborted = input.abortSignal?.aborted === true;
        await recordQueryLog({
          status: 'ERROR',
          errorCode: aborted ? 'client_aborted' : 'generation_failed',
        });
        if (!aborted) throw error;
      }
    },
    onError: (error) => {
      log().error({ err: error }, 'answer generation failed');
      return 'The answer could not be completed. Please try again.';
    },
  });
  return createUIMessageStreamResponse({ stream, headers: { [REQUEST_ID_HEADER]: input.requestId } });
}

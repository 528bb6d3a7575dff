// The chat door's delivery: an answer run as an AI SDK UI message stream. Sources come first (a
// `data-sources` part), then the text; the finish chunk carries the metadata with the query-log id.
import 'server-only';
import { createUIMessageStream, createUIMessageStreamResponse, toUIMessageStream, type ToolSet } from 'ai';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { SERVER_TIMING_HEADER, serverTiming } from '@/lib/http/server-timing';
import { log } from '@/lib/observability/logger';
import type { ChatMessage } from './answer-metadata';
import type { AnswerRun } from './ask';

export type { ChatMessage };

/** What the chat shows when an answer breaks off for a reason other than Stop. */
export const ANSWER_FAILED_MESSAGE = 'The answer could not be completed. Please try again.';

export function chatResponse(run: AnswerRun): Response {
  const stream = createUIMessageStream<ChatMessage>({
    execute: async ({ writer }) => {
      writer.write({ type: 'start', messageMetadata: run.metadata });
      writer.write({ type: 'data-sources', data: run.sources });
      const generation = await run.generation.catch(() => null);
      if (generation)
        writer.merge(
          toUIMessageStream<ToolSet, ChatMessage>({
            stream: generation.stream,
            sendStart: false,
            sendFinish: false,
            onError: () => ANSWER_FAILED_MESSAGE,
          }),
        );
      const outcome = await run.finished;
      if (outcome.status === 'ERROR' && outcome.errorCode !== 'client_aborted')
        throw new Error(`answer generation failed (${outcome.errorCode})`);
      writer.write({ type: 'finish', messageMetadata: outcome.metadata });
    },
    onError: (error) => {
      log().debug({ err: error }, 'chat answer ended with an error');
      return ANSWER_FAILED_MESSAGE;
    },
  });
  return createUIMessageStreamResponse({
    stream,
    headers: {
      // no-transform: Next.js's compression would gzip the stream, which held the first words back
      // about 25 ms in the production build; an answer is small, and a proxy must pass it through too.
      'cache-control': 'no-cache, no-transform',
      [REQUEST_ID_HEADER]: run.metadata.requestId,
      [SERVER_TIMING_HEADER]: serverTiming(run.timings),
    },
  });
}

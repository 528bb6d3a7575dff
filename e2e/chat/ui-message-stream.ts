// Reading and writing the AI SDK UI message stream (Server-Sent Events of JSON chunks) that
// /api/chat answers with, so a test can hand the browser a changed or cut-off answer.
export type Chunk = { type: string; [key: string]: unknown };

export const UI_MESSAGE_STREAM_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  'x-vercel-ai-ui-message-stream': 'v1',
};

export function parseUIMessageStream(body: string): Chunk[] {
  return body
    .split('\n')
    .filter((line) => line.startsWith('data: {'))
    .map((line) => JSON.parse(line.slice('data: '.length)) as Chunk);
}

/** The stream's text; `done: false` leaves off the closing `[DONE]` (a connection that dropped). */
export function formatUIMessageStream(chunks: Chunk[], { done = true } = {}): string {
  return (
    chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '')
  );
}

/** The answer text the chunks carry. */
export function streamedText(chunks: Chunk[]): string {
  return chunks
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => String(chunk.delta))
    .join('');
}

/**
 * The stream as it would have arrived had the connection dropped half-way through the text:
 * everything up to about half the text deltas, and no end.
 */
export function cutOffHalfWay(chunks: Chunk[]): Chunk[] {
  const deltas = chunks.filter((chunk) => chunk.type === 'text-delta');
  const keep = Math.max(1, Math.floor(deltas.length / 2));
  const lastKept = chunks.indexOf(deltas[keep - 1]!);
  return chunks.slice(0, lastKept + 1);
}

/** The stream with `metadata` added to the answer's finish chunk. */
export function withFinishMetadata(chunks: Chunk[], metadata: Record<string, unknown>): Chunk[] {
  return chunks.map((chunk) =>
    chunk.type === 'finish'
      ? { ...chunk, messageMetadata: { ...(chunk.messageMetadata as object), ...metadata } }
      : chunk,
  );
}

// Turns what useChat reports as an error into something a person can read, one kind per situation.
// A refused request is a ChatRequestError (chat-transport.ts) whose message is the response body;
// our API answers with `{ error: { code, message, requestId } }`, so prefer that message and never
// show HTML or stacks. An error after part of the answer arrived means the answer was cut off.

export type ChatErrorKind =
  'signed-out' | 'paused' | 'rate-limited' | 'unavailable' | 'invalid' | 'interrupted' | 'offline' | 'failed';

export type ChatErrorView = {
  kind: ChatErrorKind;
  title: string;
  message: string;
  requestId?: string;
  /** For `rate-limited`: seconds to wait before asking again, from Retry-After. */
  retryAfterSeconds?: number;
};

type ApiErrorBody = { code: string; message: string; requestId?: string };

const GENERIC = 'Something went wrong while answering. Please try again.';
const OFFLINE = 'Could not reach the server. Check your connection and try again.';
const CUT_OFF = 'The connection was lost before the answer was complete. What arrived is kept above.';

export function parseChatError(error: Error, options: { partialAnswer?: boolean } = {}): ChatErrorView {
  const status = numberField(error, 'statusCode');
  const body = parseApiErrorBody(error.message);
  const requestId = body?.requestId;
  const code = body?.code;
  const network = error instanceof TypeError || error.name === 'AnswerInterruptedError';

  if (options.partialAnswer) {
    const message = network ? CUT_OFF : (body?.message ?? plainMessage(error, status) ?? GENERIC);
    return { kind: 'interrupted', title: 'The answer was cut off', message, requestId };
  }
  if (status === 401 || code === 'unauthorized') {
    return {
      kind: 'signed-out',
      title: 'Signed out',
      message: 'Your session has ended. Sign in again to keep asking.',
      requestId,
    };
  }
  if (code === 'service_paused') {
    return {
      kind: 'paused',
      title: 'Answers are paused',
      message: body?.message ?? 'An administrator has paused the assistant for now. Please try again later.',
      requestId,
    };
  }
  if (status === 429 || code === 'rate_limited' || code === 'budget_exceeded') {
    const budget = code === 'budget_exceeded';
    return {
      kind: 'rate-limited',
      title: budget ? 'Daily budget used up' : 'Too many questions',
      message:
        body?.message ??
        (budget
          ? 'Your answers for today have used up your budget.'
          : 'You have asked many questions in a short time.'),
      requestId,
      retryAfterSeconds: numberField(error, 'retryAfterSeconds'),
    };
  }
  const message = body?.message ?? plainMessage(error, status) ?? GENERIC;
  if (status === 503 || code === 'service_unavailable') {
    return { kind: 'unavailable', title: 'Service unavailable', message, requestId };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return { kind: 'invalid', title: 'Your question could not be answered', message, requestId };
  }
  if (network) return { kind: 'offline', title: 'Could not reach the server', message: OFFLINE };
  return { kind: 'failed', title: 'Something went wrong', message, requestId };
}

function numberField(error: Error, field: 'statusCode' | 'retryAfterSeconds'): number | undefined {
  const value: unknown = (error as unknown as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : undefined;
}

function parseApiErrorBody(text: string): ApiErrorBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('error' in parsed)) return undefined;
  const inner = parsed.error as { code?: unknown; message?: unknown; requestId?: unknown } | null;
  if (typeof inner !== 'object' || inner === null || typeof inner.message !== 'string') return undefined;
  return {
    code: typeof inner.code === 'string' ? inner.code : 'unknown',
    message: inner.message,
    requestId: typeof inner.requestId === 'string' ? inner.requestId : undefined,
  };
}

/** A short plain-text message is safe to show (e.g. an error sent inside the stream); anything else is not. */
function plainMessage(error: Error, status: number | undefined): string | undefined {
  if (error instanceof TypeError) return OFFLINE;
  if (status !== undefined) return undefined;
  const text = error.message.trim();
  if (!text || text.length > 300 || text.startsWith('<') || text.includes('\n    at ')) return undefined;
  return text;
}

// Turns what useChat reports as an error into something a person can read.
// The transport throws an APICallError whose message is the raw response body; our API answers
// with `{ error: { code, message, requestId } }`, so prefer that message and never show HTML or stacks.

export type ChatErrorView = {
  title: string;
  message: string;
  requestId?: string;
  /** The session is gone: retrying will not help, signing in will. */
  signInAgain: boolean;
};

type ApiErrorBody = { error: { code: string; message: string; requestId?: string } };

const GENERIC = 'Something went wrong while answering. Please try again.';

export function parseChatError(error: Error): ChatErrorView {
  const status = statusCodeOf(error);
  const body = parseApiErrorBody(error.message);
  const message = body?.error.message ?? plainMessage(error) ?? GENERIC;
  const requestId = body?.error.requestId;

  if (status === 401) {
    return {
      title: 'Signed out',
      message: 'Your session has ended. Sign in again to keep asking.',
      requestId,
      signInAgain: true,
    };
  }
  if (status === 503) {
    return { title: 'Service unavailable', message, requestId, signInAgain: false };
  }
  if (status === 429) {
    return { title: 'Too many requests', message, requestId, signInAgain: false };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return { title: 'Your question could not be answered', message, requestId, signInAgain: false };
  }
  return { title: 'Something went wrong', message, requestId, signInAgain: false };
}

function statusCodeOf(error: Error): number | undefined {
  const value: unknown = (error as { statusCode?: unknown }).statusCode;
  return typeof value === 'number' ? value : undefined;
}

function parseApiErrorBody(text: string): ApiErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'error' in parsed &&
      typeof parsed.error === 'object' &&
      parsed.error !== null &&
      'message' in parsed.error &&
      typeof parsed.error.message === 'string'
    ) {
      const inner = parsed.error as { code?: unknown; message: string; requestId?: unknown };
      return {
        error: {
          code: typeof inner.code === 'string' ? inner.code : 'unknown',
          message: inner.message,
          requestId: typeof inner.requestId === 'string' ? inner.requestId : undefined,
        },
      };
    }
  } catch {
    // Not JSON: fall through.
  }
  return undefined;
}

/** A short plain-text message is safe to show (e.g. an error sent inside the stream); anything else is not. */
function plainMessage(error: Error): string | undefined {
  if (error instanceof TypeError) {
    return 'Could not reach the server. Check your connection and try again.';
  }
  const text = error.message.trim();
  if (statusCodeOf(error) !== undefined) return undefined;
  if (!text || text.length > 300 || text.startsWith('<') || text.includes('\n    at ')) return undefined;
  return text;
}

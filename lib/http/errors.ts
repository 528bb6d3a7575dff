// The one error type and the one JSON error shape: { error: { code, message, requestId } }.
import { z } from 'zod';

export const errorCodes = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** The question was refused as a prompt injection (the injection mode is `block`). */
  injection_detected: 400,
  rate_limited: 429,
  /** The user's daily token or cost budget is spent (lib/rate-limit/budget.ts). */
  budget_exceeded: 429,
  internal: 500,
  service_unavailable: 503,
  /** The kill switch is on: chat and API are paused by an admin or by the error-rate trip. */
  service_paused: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorCodes[code];
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; requestId: string } };

/** Readable one-line summary of zod issues, e.g. "question: must not be empty". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Maps any thrown value to an AppError; unknown errors become a generic 500 (details only in logs). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError('validation_failed', describeZodError(error));
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      'service_unavailable',
      'The service is temporarily unavailable. Please try again shortly.',
    );
  }
  return new AppError('internal', 'Something went wrong on our side. Please try again.');
}

/** Connection failures of pg / Prisma driver adapters: the database is down or unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (
      typeof code === 'string' &&
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'P1001', 'P1017', '57P01', '57P03'].includes(
        code,
      )
    )
      return true;
    if (name === 'DatabaseNotConfiguredError') return true;
    if (
      typeof message === 'string' &&
      /ECONNREFUSED|Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server|DatabaseNotReachable|Server has closed the connection/i.test(
        message,
      )
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return { error: { code: error.code, message: error.message, requestId } };
}

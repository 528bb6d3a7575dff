// Structured JSON logs (pino). Every line inside a request carries its request id; no PII is logged.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import { env } from '@/lib/env';

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export const rootLogger = pino({
  level: env().LOG_LEVEL,
  base: { service: 'rag-service' },
  redact: {
    paths: ['password', '*.password', 'email', '*.email', 'authorization', '*.authorization'],
    censor: '[redacted]',
  },
  mixin: () => {
    const context = requestContext.getStore();
    return context ? { requestId: context.requestId } : {};
  },
});

/** Runs `fn` with `requestId` attached to every log line written inside it. */
export function withRequestContext<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

export const logger = rootLogger;

// Structured JSON logs (pino). Every line inside a request carries its request id; no PII is logged.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import { env } from '@/lib/env';

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

let instance: pino.Logger | undefined;

/** The process logger, made on first use (so importing this module needs no settings, e.g. at build). */
export function log(): pino.Logger {
  instance ??= pino({
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
  return instance;
}

/** Runs `fn` with `requestId` attached to every log line written inside it. */
export function withRequestContext<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

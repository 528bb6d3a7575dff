// Structured JSON logs (pino). Every line inside a request carries its request id; no PII is logged:
// the message, its arguments and every string field are redacted (lib/security/pii) before writing.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import { env } from '@/lib/env';
import { redactPiiDeep, redactPiiText } from '@/lib/security/pii';

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

let instance: pino.Logger | undefined;

/** Options shared by the process logger and tests that capture its output. */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: { service: 'rag-service' },
    redact: {
      paths: ['password', '*.password', 'email', '*.email', 'authorization', '*.authorization'],
      censor: '[redacted]',
    },
    hooks: {
      // The message and its format arguments ("user %s" plus a value) are strings pino joins itself.
      logMethod(args, method) {
        const redacted = args.map((arg) => (typeof arg === 'string' ? redactPiiText(arg) : arg));
        method.apply(this, redacted as Parameters<typeof method>);
      },
    },
    // pino serialises a child's bound fields once, bypassing formatters.log; redact that fragment.
    onChild: (child) => {
      const fragment = (child as unknown as Record<symbol, string>)[pino.symbols.chindingsSym];
      if (!fragment) return;
      const bound = JSON.parse(`{${fragment.slice(1)}}`) as unknown;
      (child as unknown as Record<symbol, string>)[pino.symbols.chindingsSym] =
        `,${JSON.stringify(redactPiiDeep(bound)).slice(1, -1)}`;
    },
    formatters: {
      // Runs before pino's serializers, so error messages and stacks are redacted too.
      log: (object) => redactPiiDeep(object) as Record<string, unknown>,
    },
    mixin: () => {
      const context = requestContext.getStore();
      return context ? { requestId: context.requestId } : {};
    },
  };
}

/** The process logger, made on first use (so importing this module needs no settings, e.g. at build). */
export function log(): pino.Logger {
  instance ??= pino(loggerOptions(env().LOG_LEVEL));
  return instance;
}

/** Runs `fn` with `requestId` attached to every log line written inside it. */
export function withRequestContext<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

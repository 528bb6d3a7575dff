// OpenTelemetry tracing: a span per request and per pipeline stage, exported over OTLP/HTTP when
// OTEL_EXPORTER_OTLP_ENDPOINT is set. Without a registered provider every call here runs its work
// with one shared non-recording span and touches neither tracer nor context, so tracing costs
// nothing when it is off (the API's own no-op path still cost a few per cent of a cached answer).
import {
  context,
  INVALID_SPAN_CONTEXT,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';

const TRACER = 'rag-service';

let provider: TracerProvider | undefined;

/** What the work sees while nothing is traced: records nothing, like the API's no-op span. */
const NOT_TRACED: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Registers the tracer provider of this process (once): the OTLP exporter for `endpoint`, or the given
 * span processors (tests use an in-memory exporter). Returns a function that flushes and stops it.
 */
export function startTracing(options: {
  serviceName: string;
  endpoint?: string;
  processors?: SpanProcessor[];
}): () => Promise<void> {
  if (provider) return () => provider!.shutdown();
  const processors =
    options.processors ??
    (options.endpoint
      ? [
          new BatchSpanProcessor({
            exporter: new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/$/, '')}/v1/traces` }),
          }),
        ]
      : []);
  provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: processors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  return async () => {
    await provider?.shutdown();
    trace.disable();
    context.disable();
    provider = undefined;
  };
}

/**
 * Runs `fn` inside a child span of the current one named `name`; a thrown error is recorded on the
 * span (and thrown on). `fn` may add attributes as it learns them.
 */
export function inSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  if (!provider) return fn(NOT_TRACED);
  return trace.getTracer(TRACER).startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Starts a span that the caller ends (for work that outlives the function starting it, e.g. a stream). */
export function startSpan(name: string, attributes: Attributes = {}): Span {
  if (!provider) return NOT_TRACED;
  return trace.getTracer(TRACER).startSpan(name, { attributes });
}

/** The trace id of the current span, or null when nothing is traced. */
export function currentTraceId(): string | null {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : null;
}

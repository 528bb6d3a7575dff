import { describe, expect, it } from 'vitest';
import { currentTraceId, inSpan, startSpan } from './tracing';

describe('tracing while it is off (no provider registered)', () => {
  it('runs the work with a span that records nothing, and passes its result and errors through', async () => {
    const result = await inSpan('rag.test', { 'rag.attr': 1 }, async (span) => {
      expect(span.isRecording()).toBe(false);
      span.setAttributes({ 'rag.more': 2 });
      expect(currentTraceId()).toBeNull();
      return 42;
    });
    expect(result).toBe(42);
    await expect(
      inSpan('rag.failing', {}, async () => {
        throw new Error('stage failed');
      }),
    ).rejects.toThrow('stage failed');
    const span = startSpan('rag.manual');
    expect(span.isRecording()).toBe(false);
    span.end();
  });
});

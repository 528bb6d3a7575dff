// The public API's request and response shapes (/api/v1/query*). The routes parse with these, and
// the OpenAPI document is generated from the same schemas, so the two cannot drift apart.
import { z } from 'zod';
import { answers, ingestion, limits } from '@/lib/config';
import { conversationIdSchema } from '@/lib/rag/conversation-id';
import { questionSchema } from '@/lib/rag/question';

export const queryRequestSchema = z
  .object({
    // questionSchema checks the length after trimming; the meta shows the limits in the OpenAPI document.
    query: questionSchema.meta({
      description: 'The question, in any language.',
      minLength: 1,
      maxLength: limits.questionMaxChars,
    }),
    conversation_id: conversationIdSchema.optional().meta({
      description: 'Continue one of your conversations: follow-up questions use its earlier turns.',
    }),
    max_tokens: z
      .number({ error: 'max_tokens must be a number.' })
      .int('max_tokens must be a whole number.')
      .min(1, 'max_tokens must be at least 1.')
      .max(answers.maxTokensLimit, `max_tokens must be at most ${answers.maxTokensLimit}.`)
      .default(answers.defaultMaxTokens)
      .meta({ description: 'Longest answer, in tokens.' }),
    temperature: z
      .number({ error: 'temperature must be a number.' })
      .min(0, 'temperature must be at least 0.')
      .max(2, 'temperature must be at most 2.')
      .default(answers.defaultTemperature)
      .meta({ description: 'Sampling temperature: 0 is most predictable.' }),
    filters: z
      .object({
        documents: z
          .array(z.string().min(1).max(64))
          .max(100)
          .optional()
          .meta({ description: 'Answer only from these document ids.' }),
        tags: z
          .array(z.string().min(1).max(ingestion.maxTagChars))
          .max(ingestion.maxTags)
          .optional()
          .meta({ description: 'Answer only from documents with one of these tags.' }),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: 'QueryRequest' });

export type QueryRequest = z.infer<typeof queryRequestSchema>;

export const sourceSchema = z
  .object({
    n: z.number().int().meta({ description: 'The number the answer cites it by, as in [1].' }),
    chunk_id: z.string(),
    document_id: z.string(),
    title: z.string(),
    source: z.string().meta({ description: 'File name or path of the document.' }),
    heading_path: z.string().meta({ description: 'Headings above the passage, e.g. "Setup > Linux".' }),
    page: z.number().int().nullable().meta({ description: 'Page of the source file (PDF), from 1.' }),
    score: z.number().meta({ description: 'Retrieval score of the final ranking.' }),
    text: z.string().meta({ description: 'The passage itself.' }),
  })
  .meta({ id: 'Source' });

export const queryResponseSchema = z
  .object({
    answer: z.string().meta({ description: 'Markdown, citing sources as [n].' }),
    sources: z.array(sourceSchema),
    tokens_used: z.number().int().meta({ description: 'Input plus output tokens of the model call.' }),
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    model: z.string(),
    latency_ms: z.number().int(),
    cost_usd: z.number(),
    request_id: z.string(),
    confidence: z
      .number()
      .nullable()
      .meta({ description: '0..1: how well the cited passages support the answer.' }),
    degraded: z.boolean().meta({
      description: 'Every chosen model failed; the built-in extractive answerer answered from the passages.',
    }),
    explanation: z
      .object({
        summary: z.string().meta({ description: 'One line, e.g. "Confident (94 %) that …".' }),
        level: z.enum(['high', 'low', 'insufficient']),
        confidence: z.number(),
        oversight: z.string().meta({ description: 'The human oversight this answer gets.' }),
        factors: z.object({
          topSources: z.array(z.object({ n: z.number().int(), label: z.string(), score: z.number() })),
          route: z.object({ model: z.string(), tier: z.string(), reason: z.string() }),
          cacheHit: z.boolean(),
          fallback: z.string().nullable(),
          injection: z
            .object({ score: z.number(), categories: z.array(z.string()), action: z.string() })
            .nullable()
            .meta({
              description: 'Set when the question looked like a prompt injection and was answered anyway.',
            }),
          retrievalCoverage: z.number(),
          grounding: z.string(),
        }),
      })
      .nullable()
      .meta({ id: 'Explanation', description: 'Why this answer: the key factors and the confidence level.' }),
    query_id: z.string().nullable().meta({ description: 'The query-log id of this answer.' }),
    conversation_id: z.string().nullable(),
  })
  .meta({ id: 'QueryResponse' });

export type QueryResponse = z.infer<typeof queryResponseSchema>;

export const streamTextEventSchema = z.object({ text: z.string() }).meta({ id: 'StreamTextEvent' });

export const asyncAcceptedSchema = z
  .object({ query_id: z.string(), status: z.literal('processing') })
  .meta({ id: 'AsyncQueryAccepted' });

export const asyncQueryStatusSchema = z
  .discriminatedUnion('status', [
    z.object({ query_id: z.string(), status: z.literal('processing') }),
    queryResponseSchema.extend({ query_id: z.string(), status: z.literal('completed') }),
    z.object({
      query_id: z.string(),
      status: z.literal('failed'),
      error: z.object({ code: z.string(), message: z.string() }),
    }),
  ])
  .meta({ id: 'AsyncQueryStatus' });

export type AsyncQueryStatus = z.infer<typeof asyncQueryStatusSchema>;

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable, machine-readable code, e.g. validation_failed.' }),
      message: z.string().meta({ description: 'What went wrong, for people; names the field at fault.' }),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });

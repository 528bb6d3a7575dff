// Which chat and embedding models the service uses: the built-in local ones, or an OpenAI-compatible API.
import { createOpenAI } from '@ai-sdk/openai';
import type { EmbeddingModelV4, LanguageModelV4 } from '@ai-sdk/provider';
import { wrapEmbeddingModel } from 'ai';
import { withModelChaos } from '@/lib/chaos/model';
import { env, type Env } from '@/lib/env';
import { createLocalEmbeddingModel } from './local/embedding-model';
import { createLocalChatModel } from './local/extractive-model';

/** Where a chat model runs: the built-in one, OpenAI, or another OpenAI-compatible server. */
export type ChatProvider = 'local' | 'openai' | 'openai-compatible';
export type ChatModelInfo = { model: LanguageModelV4; id: string; local: boolean; provider: ChatProvider };
export type EmbeddingModelInfo = { model: EmbeddingModelV4; id: string; dimensions: number; local: boolean };
export type Models = {
  /** The small chat model: the default route. */
  chat: ChatModelInfo;
  /** The large chat model, for long, multi-part or comparative questions. */
  chatLarge: ChatModelInfo;
  /** Tried in order when the routed model fails (the routed model itself is skipped). */
  chatFallbacks: ChatModelInfo[];
  embedding: EmbeddingModelInfo;
};

/**
 * An OpenAI-compatible embedding model that always asks for `dimensions` and checks the answer:
 * the vector column has a fixed size, and a server that ignores the request (or a model that
 * cannot shorten its vectors) would otherwise fail later, at insert time, with a vaguer error.
 */
function withFixedDimensions(model: EmbeddingModelV4, dimensions: number): EmbeddingModelV4 {
  return wrapEmbeddingModel({
    model,
    middleware: {
      transformParams: async ({ params }) => ({ ...params, dimensions }),
      wrapEmbed: async ({ doEmbed }) => {
        const result = await doEmbed();
        const wrong = result.embeddings.find((embedding) => embedding.length !== dimensions);
        if (wrong) {
          throw new Error(
            `Embedding model ${model.modelId} returned ${wrong.length} dimensions but EMBEDDING_DIMENSIONS is ${dimensions}. ` +
              'Set EMBEDDING_DIMENSIONS to what the model returns (and re-index), or use a model that supports custom dimensions.',
          );
        }
        return result;
      },
    },
  });
}

/** The models for a configuration. No API key and no base URL means the built-in local models. */
export function createModels(settings: Env): Models {
  const dimensions = settings.EMBEDDING_DIMENSIONS;
  if (!settings.OPENAI_API_KEY && !settings.OPENAI_BASE_URL) {
    const chat = createLocalChatModel();
    const embedding = createLocalEmbeddingModel(dimensions);
    const local: ChatModelInfo = { model: chat, id: chat.modelId, local: true, provider: 'local' };
    return {
      chat: local,
      chatLarge: local,
      chatFallbacks: [],
      embedding: { model: embedding, id: embedding.modelId, dimensions, local: true },
    };
  }

  // Local servers (Ollama, vLLM, LM Studio) need no key, but the client insists on one.
  const openai = createOpenAI({
    apiKey: settings.OPENAI_API_KEY ?? 'not-needed',
    baseURL: settings.OPENAI_BASE_URL,
  });
  const provider: ChatProvider = settings.OPENAI_BASE_URL ? 'openai-compatible' : 'openai';
  // Chat Completions rather than the Responses API: it is what OpenAI-compatible servers implement.
  // Chaos mode's `model` target fails and delays these calls only: the built-in model is the last
  // resort after them (and has nothing after it when it answers alone).
  const chatModel = (id: string): ChatModelInfo => ({
    model: withModelChaos(openai.chat(id)),
    id,
    local: false,
    provider,
  });
  const small = chatModel(settings.OPENAI_CHAT_MODEL);
  const large = chatModel(settings.OPENAI_CHAT_MODEL_LARGE);
  const fallbackIds = settings.CHAT_FALLBACK_MODELS?.split(',') ?? [large.id, small.id];
  return {
    chat: small,
    chatLarge: large,
    chatFallbacks: [...new Set(fallbackIds)].map(chatModel),
    embedding: {
      model: withFixedDimensions(openai.embedding(settings.OPENAI_EMBEDDING_MODEL), dimensions),
      id: settings.OPENAI_EMBEDDING_MODEL,
      dimensions,
      local: false,
    },
  };
}

let cached: Models | undefined;

/** The models of this process, created once from the validated environment. */
export function getModels(): Models {
  cached ??= createModels(env());
  return cached;
}

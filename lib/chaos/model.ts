// Chaos at the model provider: every call of a wrapped chat model waits a random latency, and a share
// of calls fails as a provider's 503 would (a retryable APICallError), before the provider is called.
import { APICallError, type LanguageModelV4, type LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';
import { decideFault, injectFault, type Random } from './faults';
import { chaosFor } from './state';

/** The error an overloaded provider gives; the generation policies retry it, then fall back. */
export function chaosProviderError(modelId: string): APICallError {
  return new APICallError({
    message: `Service Unavailable (chaos mode: injected fault for ${modelId})`,
    url: 'chaos://model',
    requestBodyValues: {},
    statusCode: 503,
    responseHeaders: {},
    isRetryable: true,
  });
}

/** The model with chaos before each call when the `model` target is on; the model itself otherwise. */
export function withModelChaos(model: LanguageModelV4, random: Random = Math.random): LanguageModelV4 {
  if (!chaosFor('model')) return model;
  const before = async (params: LanguageModelV4CallOptions) => {
    const settings = chaosFor('model');
    if (!settings) return;
    await injectFault(
      decideFault(settings, random),
      () => chaosProviderError(model.modelId),
      params.abortSignal,
    );
  };
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: 'v4',
      wrapGenerate: async ({ doGenerate, params }) => {
        await before(params);
        return doGenerate();
      },
      wrapStream: async ({ doStream, params }) => {
        await before(params);
        return doStream();
      },
    },
  });
}

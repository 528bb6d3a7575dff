import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { describeModels } from './model-info';
import { createModels } from './models';

describe('describeModels', () => {
  it('describes the local models', () => {
    expect(describeModels(createModels(parseEnv({})))).toEqual({
      local: true,
      chatModel: 'local-extractive',
      embeddingModel: 'local-hash-v2-384',
      embeddingDimensions: 384,
    });
  });

  it('describes a configured provider without exposing its settings', () => {
    const info = describeModels(
      createModels(parseEnv({ OPENAI_API_KEY: 'sk-secret', OPENAI_CHAT_MODEL: 'gpt-4o' })),
    );
    expect(info).toEqual({
      local: false,
      chatModel: 'gpt-4o',
      embeddingModel: 'text-embedding-3-small',
      embeddingDimensions: 384,
    });
    expect(JSON.stringify(info)).not.toContain('sk-secret');
  });
});

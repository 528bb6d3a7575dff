// What the UI may show about the models in use: their ids and whether they are the built-in ones.
import { getModels, type Models } from './models';

export type ModelInfo = {
  /** True when the built-in local models answer (no provider configured). */
  local: boolean;
  chatModel: string;
  embeddingModel: string;
  embeddingDimensions: number;
};

/** The displayable facts of a set of models. */
export function describeModels(models: Models): ModelInfo {
  return {
    local: models.chat.local,
    chatModel: models.chat.id,
    embeddingModel: models.embedding.id,
    embeddingDimensions: models.embedding.dimensions,
  };
}

/** The displayable facts of this process's models. */
export function modelInfo(): ModelInfo {
  return describeModels(getModels());
}

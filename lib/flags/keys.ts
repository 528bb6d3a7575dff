// The flags the answer pipeline reads (lib/flags/flags.ts), each with the key an admin creates it
// under and a template whose default variant is today's behaviour (from lib/config.ts). Until a flag
// is created, or while it is off, the pipeline behaves exactly as configured.
import { answerCache, injection, pii } from '@/lib/config';
import { BOOLEAN_VARIANTS, type FlagKind, type VariantValue } from './types';

export type FlagTemplate = {
  key: string;
  kind: FlagKind;
  description: string;
  variants: Record<string, VariantValue>;
  defaultVariant: string;
  rolloutVariant: string;
};

const onOff = (today: boolean) => ({
  variants: BOOLEAN_VARIANTS,
  defaultVariant: today ? 'on' : 'off',
  rolloutVariant: today ? 'off' : 'on',
});

export const FLAG_KEYS = {
  modelRollout: 'model-rollout',
  semanticCache: 'semantic-cache',
  reranking: 'reranking',
  injectionMode: 'injection-mode',
  piiRedaction: 'pii-redact-provider',
} as const;

export const pipelineFlags: FlagTemplate[] = [
  {
    key: FLAG_KEYS.modelRollout,
    kind: 'VARIANT',
    description:
      'New-model rollout: users in the rollout are answered by the large model (value "large"); "auto" lets the router choose by complexity.',
    variants: { router: 'auto', large: 'large' },
    defaultVariant: 'router',
    rolloutVariant: 'large',
  },
  {
    key: FLAG_KEYS.semanticCache,
    kind: 'BOOLEAN',
    description:
      'Semantic answer cache: a similar (not only identical) question may be answered from the cache.',
    ...onOff(answerCache.semantic.enabled),
  },
  {
    key: FLAG_KEYS.reranking,
    kind: 'BOOLEAN',
    description: 'Reranking of the fused candidates by the configured reranker (when one is configured).',
    ...onOff(true),
  },
  {
    key: FLAG_KEYS.injectionMode,
    kind: 'VARIANT',
    description:
      'Prompt-injection mode for questions and passages: block, flag for review, or allow (log only).',
    variants: { block: 'block', flag: 'flag', allow: 'allow' },
    defaultVariant: injection.mode,
    rolloutVariant: injection.mode === 'block' ? 'flag' : 'block',
  },
  {
    key: FLAG_KEYS.piiRedaction,
    kind: 'BOOLEAN',
    description: 'PII redaction of questions, history and passages before they are sent to a model provider.',
    ...onOff(pii.redactBeforeProvider),
  },
];

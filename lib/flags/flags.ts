// The flags the answer pipeline reads, through OpenFeature: one evaluation per question of every
// pipeline flag (keys.ts) for the asking user (targeting key: user id, attribute: group), with
// today's configured behaviour as each default. Never fails a question: a provider that errs or a
// flag that does not exist serves the default. The provider is our Postgres one unless an operator
// sets another (useFlagProvider), e.g. Flagsmith's or Unleash's OpenFeature provider.
import 'server-only';
import {
  OpenFeature,
  type Client,
  type EvaluationDetails,
  type FlagValue,
  type Provider,
} from '@openfeature/server-sdk';
import type { ModelTier } from '@/lib/ai/routing';
import { answerCache, flags as settings, injection, pii } from '@/lib/config';
import { groupOfUser, readAllFlags } from '@/lib/db/feature-flags';
import { log } from '@/lib/observability/logger';
import type { InjectionMode } from '@/lib/security/injection/verdict';
import { FLAG_KEYS } from './keys';
import { PostgresFlagProvider } from './postgres-provider';

/** What the pipeline does for this question, as the flags decide it. */
export type PipelineFlags = {
  /** The model tier the new-model rollout sends the user to; null lets the router choose. */
  modelTier: ModelTier | null;
  semanticCache: boolean;
  reranking: boolean;
  injectionMode: InjectionMode;
  redactBeforeProvider: boolean;
  /** The variant of every flag served from a stored flag, for the query log and the audit event. */
  variants: Record<string, string>;
};

/** Today's behaviour, from lib/config.ts: what a question gets with no flags at all. */
export const DEFAULT_PIPELINE_FLAGS: PipelineFlags = {
  modelTier: null,
  semanticCache: answerCache.semantic.enabled,
  reranking: true,
  injectionMode: injection.mode,
  redactBeforeProvider: pii.redactBeforeProvider,
  variants: {},
};

const DOMAIN = 'rag-pipeline';

type Holder = {
  ragFlagProvider?: PostgresFlagProvider;
  ragFlagCustomProvider?: boolean;
  ragFlagClient?: Promise<Client>;
};
const holder = globalThis as unknown as Holder;

/** This instance's Postgres provider (created on first use). */
export function postgresFlagProvider(): PostgresFlagProvider {
  holder.ragFlagProvider ??= new PostgresFlagProvider({
    read: readAllFlags,
    pollIntervalMs: settings.pollIntervalMs,
    onError: (error) =>
      log().warn({ err: error }, 'could not read the feature flags; keeping the last ones read'),
  });
  return holder.ragFlagProvider;
}

function client(): Promise<Client> {
  holder.ragFlagClient ??= OpenFeature.setProviderAndWait(DOMAIN, postgresFlagProvider()).then(() =>
    OpenFeature.getClient(DOMAIN),
  );
  return holder.ragFlagClient;
}

/** Serves the pipeline's flags from another OpenFeature provider (Flagsmith, Unleash, …). */
export async function useFlagProvider(provider: Provider): Promise<void> {
  holder.ragFlagCustomProvider = true;
  await OpenFeature.setProviderAndWait(DOMAIN, provider);
  holder.ragFlagClient = Promise.resolve(OpenFeature.getClient(DOMAIN));
}

/** After this instance changed a flag: it reads them again at once (the others within the poll). */
export function flagsChanged(): void {
  holder.ragFlagProvider?.refresh();
}

const TIERS: readonly string[] = ['small', 'large'];
const MODES: readonly string[] = ['block', 'flag', 'allow'];

// Our provider's evaluations depend on nothing but its snapshot of the flags and the context, so a
// user's flags are evaluated once per snapshot (re-read every `flags.pollIntervalMs`, and at once
// after this instance changes a flag), not on every question. Another provider is always asked.
const MEMO_MAX = 10_000;
let memo: { snapshot: object; byContext: Map<string, PipelineFlags> } | null = null;

/** The pipeline's flags for one user. Never throws: on any failure, today's behaviour. */
export async function pipelineFlags(user: { id: string }): Promise<PipelineFlags> {
  try {
    const features = await client();
    const own = holder.ragFlagCustomProvider ? null : postgresFlagProvider();
    const snapshot = own ? await own.snapshot() : null;
    // Our provider says whether any flag targets groups; another provider always gets the group.
    const group = !own || (await own.needsGroup()) ? await groupOfUser(user.id) : null;
    const memoKey = `${user.id}\0${group ?? ''}`;
    if (snapshot && memo?.snapshot === snapshot) {
      const known = memo.byContext.get(memoKey);
      if (known) return known;
    }
    const context = { targetingKey: user.id, ...(group && { group }) };
    const defaults = DEFAULT_PIPELINE_FLAGS;
    const [model, semantic, rerank, mode, redact] = await Promise.all([
      features.getStringDetails(FLAG_KEYS.modelRollout, 'auto', context),
      features.getBooleanDetails(FLAG_KEYS.semanticCache, defaults.semanticCache, context),
      features.getBooleanDetails(FLAG_KEYS.reranking, defaults.reranking, context),
      features.getStringDetails(FLAG_KEYS.injectionMode, defaults.injectionMode, context),
      features.getBooleanDetails(FLAG_KEYS.piiRedaction, defaults.redactBeforeProvider, context),
    ]);
    const variants: Record<string, string> = {};
    for (const details of [model, semantic, rerank, mode, redact] as EvaluationDetails<FlagValue>[])
      if (!details.errorCode && details.variant) variants[details.flagKey] = details.variant;
    const evaluated: PipelineFlags = Object.freeze({
      modelTier: TIERS.includes(model.value) ? (model.value as ModelTier) : null,
      semanticCache: semantic.value,
      reranking: rerank.value,
      injectionMode: MODES.includes(mode.value) ? (mode.value as InjectionMode) : defaults.injectionMode,
      redactBeforeProvider: redact.value,
      variants: Object.freeze(variants),
    });
    // Kept only when no evaluation failed: a failed one serves a default, and the next question tries again.
    const failed = [model, semantic, rerank, mode, redact].some(
      (details) => details.errorCode && details.errorCode !== 'FLAG_NOT_FOUND',
    );
    if (snapshot && !failed) {
      if (memo?.snapshot !== snapshot || memo.byContext.size >= MEMO_MAX)
        memo = { snapshot, byContext: new Map() };
      memo.byContext.set(memoKey, evaluated);
    }
    return evaluated;
  } catch (error) {
    log().warn({ err: error }, 'could not evaluate the feature flags; serving the defaults');
    return DEFAULT_PIPELINE_FLAGS;
  }
}

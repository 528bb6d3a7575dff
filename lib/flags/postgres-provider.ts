// An OpenFeature provider backed by our Postgres table `feature_flags`: every flag is read in one
// query into a per-instance cache that is re-read at most every `flags.pollIntervalMs` (so every
// instance sees a change within that time), and evaluated in memory (evaluate.ts). A failed read
// keeps the last flags read; before any read has worked there are none, and every evaluation falls
// back to the caller's default. Swap it for Flagsmith's or Unleash's provider without touching callers.
import {
  ErrorCode,
  StandardResolutionReasons,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import { pollingCache, type PollingCache } from '@/lib/governance/polling-cache';
import { evaluateFlag, usesGroups, type EvaluationReason, type FlagDefinition } from './evaluate';

type Snapshot = Map<string, FlagDefinition>;

export type PostgresProviderOptions = {
  /** Every flag (lib/db/feature-flags.ts readAllFlags). */
  read: () => Promise<FlagDefinition[]>;
  pollIntervalMs: number;
  onError?: (error: unknown) => void;
  now?: () => number;
};

const openFeatureReason: Record<EvaluationReason, string> = {
  DISABLED: StandardResolutionReasons.DISABLED,
  DENIED_USER: StandardResolutionReasons.TARGETING_MATCH,
  ALLOWED_USER: StandardResolutionReasons.TARGETING_MATCH,
  DENIED_GROUP: StandardResolutionReasons.TARGETING_MATCH,
  ALLOWED_GROUP: StandardResolutionReasons.TARGETING_MATCH,
  IN_ROLLOUT: StandardResolutionReasons.SPLIT,
  OUTSIDE_ROLLOUT: StandardResolutionReasons.SPLIT,
  NO_USER: StandardResolutionReasons.DEFAULT,
};

type ValueType = 'boolean' | 'string' | 'number' | 'object';

export class PostgresFlagProvider implements Provider {
  readonly metadata = { name: 'postgres-feature-flags' } as const;
  readonly runsOn = 'server' as const;
  private readonly cache: PollingCache<Snapshot>;

  constructor(options: PostgresProviderOptions) {
    this.cache = pollingCache<Snapshot>({
      read: async () => new Map((await options.read()).map((flag) => [flag.key, flag])),
      maxAgeMs: options.pollIntervalMs,
      fallback: new Map(),
      onError: options.onError,
      now: options.now,
    });
  }

  /** Warms the cache; never fails (a failed read leaves the defaults in force). */
  async initialize(): Promise<void> {
    await this.cache.get();
  }

  /** Forget the flags read: the next evaluation reads them (after this instance changed one). */
  refresh(): void {
    this.cache.invalidate();
  }

  /**
   * The flags as read, in one object that stays the same until the next read: evaluations against
   * the same snapshot and context give the same results (flags.ts keeps them for that long).
   */
  snapshot(): Promise<ReadonlyMap<string, FlagDefinition>> {
    return this.cache.get();
  }

  /** The flags as this instance knows them: at most `pollIntervalMs` old. */
  async flags(): Promise<FlagDefinition[]> {
    return [...(await this.cache.get()).values()];
  }

  /** Whether any flag this instance knows targets groups (else the caller need not read the group). */
  async needsGroup(): Promise<boolean> {
    return (await this.flags()).some(usesGroups);
  }

  private async resolve<T extends JsonValue>(
    key: string,
    defaultValue: T,
    context: EvaluationContext,
    type: ValueType,
  ): Promise<ResolutionDetails<T>> {
    const flag = (await this.cache.get()).get(key);
    if (!flag)
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ErrorCode.FLAG_NOT_FOUND,
        errorMessage: `flag "${key}" does not exist`,
      };
    const evaluation = evaluateFlag(flag, {
      userId: context.targetingKey ?? null,
      group: typeof context.group === 'string' ? context.group : null,
    });
    const actual = typeof evaluation.value;
    if (type !== 'object' && actual !== type)
      return {
        value: defaultValue,
        reason: StandardResolutionReasons.ERROR,
        errorCode: ErrorCode.TYPE_MISMATCH,
        errorMessage: `flag "${key}" serves a ${actual}, not a ${type}`,
      };
    return {
      value: evaluation.value as T,
      variant: evaluation.variant,
      reason: openFeatureReason[evaluation.reason],
      flagMetadata: {
        inRollout: evaluation.inRollout,
        rolloutPercent: flag.rolloutPercent,
        ...(evaluation.bucket !== null && { bucket: evaluation.bucket }),
      },
    };
  }

  resolveBooleanEvaluation(key: string, defaultValue: boolean, context: EvaluationContext) {
    return this.resolve(key, defaultValue, context, 'boolean');
  }

  resolveStringEvaluation(key: string, defaultValue: string, context: EvaluationContext) {
    return this.resolve(key, defaultValue, context, 'string');
  }

  resolveNumberEvaluation(key: string, defaultValue: number, context: EvaluationContext) {
    return this.resolve(key, defaultValue, context, 'number');
  }

  resolveObjectEvaluation<T extends JsonValue>(key: string, defaultValue: T, context: EvaluationContext) {
    return this.resolve(key, defaultValue, context, 'object');
  }
}

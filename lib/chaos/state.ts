// Whether this process runs in chaos mode, and with what settings: read once from the environment
// (ENABLE_CHAOS and CHAOS_*), with a warning in the log, or set by a test.
import { env, type ChaosTarget, type Env } from '@/lib/env';
import { log } from '@/lib/observability/logger';
import type { ChaosSettings } from './faults';

// On globalThis, so every copy of this module (route bundles, hot reloads) sees one state.
const holder = globalThis as unknown as { ragChaos?: ChaosSettings | null };

/** The chaos settings an environment asks for; null when chaos mode is off. */
export function chaosSettingsFrom(settings: Env): ChaosSettings | null {
  if (!settings.ENABLE_CHAOS) return null;
  return {
    failureRate: settings.CHAOS_FAILURE_RATE,
    latencyMs: settings.CHAOS_LATENCY_MS,
    targets: settings.CHAOS_TARGETS,
  };
}

function announce(settings: ChaosSettings | null): void {
  if (!settings) return;
  log().warn(
    {
      chaos: {
        failureRate: settings.failureRate,
        latencyMs: `${settings.latencyMs.min}-${settings.latencyMs.max}`,
        targets: settings.targets,
      },
    },
    'chaos mode is on: faults are injected on purpose (ENABLE_CHAOS)',
  );
}

/** This process's chaos settings; null when chaos mode is off. */
export function chaos(): ChaosSettings | null {
  if (holder.ragChaos === undefined) {
    holder.ragChaos = chaosSettingsFrom(env());
    announce(holder.ragChaos);
  }
  return holder.ragChaos;
}

/** The settings when chaos mode injects faults into `target`, else null. */
export function chaosFor(target: ChaosTarget): ChaosSettings | null {
  const settings = chaos();
  return settings?.targets.includes(target) ? settings : null;
}

/**
 * Replaces this process's chaos settings (tests; null turns faults off). A client made while its
 * target was off has no fault hook: it must be made again to get one.
 */
export function useChaos(settings: ChaosSettings | null): void {
  holder.ragChaos = settings;
  announce(settings);
}

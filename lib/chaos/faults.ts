// Chaos mode's dice: for each call to a target, how long it waits first and whether it then fails.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChaosTarget } from '@/lib/env';

export type ChaosSettings = {
  /** The share of calls that fail, 0..1. */
  failureRate: number;
  /** Every call first waits a random number of milliseconds in this range (both ends included). */
  latencyMs: { min: number; max: number };
  targets: readonly ChaosTarget[];
};

/** What chaos does to one call. */
export type Fault = { delayMs: number; fail: boolean };

/** A source of numbers in [0, 1), like Math.random (tests pass a fixed sequence). */
export type Random = () => number;

export function decideFault(settings: ChaosSettings, random: Random = Math.random): Fault {
  const { min, max } = settings.latencyMs;
  const delayMs = min + Math.floor(random() * (max - min + 1));
  return { delayMs, fail: random() < settings.failureRate };
}

/** Waits the fault's delay (cut short by `signal`), then throws `failure()` when the call is to fail. */
export async function injectFault(fault: Fault, failure: () => Error, signal?: AbortSignal): Promise<void> {
  if (fault.delayMs > 0) await sleep(fault.delayMs, undefined, signal ? { signal } : undefined);
  if (fault.fail) throw failure();
}

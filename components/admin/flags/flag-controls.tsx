'use client';
// A flag's switch and its rollout stage: on/off, and one button per stage (0, 5, 25, 50, 75, 100 %).
// Users inside a stage stay inside at every later stage; choosing a stage also ends a pause.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { setFlagStage, toggleFlag } from '@/app/admin/flags/actions';
import { actionErrorMessage, callAction } from '@/components/admin/users/action-error';
import { buttonClasses } from '@/components/ui/button-styles';
import { flags as settings } from '@/lib/config';
import type { ActionResult } from '@/lib/http/action';
import { errorClass, panelClass } from './styles';
import type { FlagView } from './types';

export function FlagControls({ flag }: { flag: FlagView }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(change: () => Promise<ActionResult<unknown>>) {
    setBusy(true);
    const result = await callAction(change);
    setBusy(false);
    if (!result.ok) return setError(actionErrorMessage(result));
    setError(null);
    startTransition(() => router.refresh());
  }

  return (
    <section aria-label="Switch and rollout" className={panelClass}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p data-testid="flag-state" data-enabled={flag.enabled} className="text-sm">
          <span className="font-semibold">{flag.enabled ? 'On' : 'Off'}</span>
          <span className="text-neutral-600 dark:text-neutral-400">
            {flag.enabled
              ? ` · ${flag.rolloutPercent} % of users get "${flag.rolloutVariant}", everyone else "${flag.defaultVariant}"`
              : ` · everyone gets "${flag.defaultVariant}"`}
          </span>
        </p>
        <button
          type="button"
          disabled={busy}
          data-testid="flag-toggle"
          onClick={() => void run(() => toggleFlag({ key: flag.key, enabled: !flag.enabled }))}
          className={buttonClasses(flag.enabled ? 'secondary' : 'primary', 'md')}
        >
          {flag.enabled ? 'Turn off' : 'Turn on'}
        </button>
      </div>
      <div>
        <p className="text-sm font-medium" id="flag-stage-label">
          Rollout stage
          {flag.previousPercent !== null && (
            <span className="font-normal text-neutral-600 dark:text-neutral-400">
              {' '}
              (previous: {flag.previousPercent} %)
            </span>
          )}
        </p>
        <div role="group" aria-labelledby="flag-stage-label" className="mt-2 flex flex-wrap gap-2">
          {settings.stages.map((percent) => {
            const current = percent === flag.rolloutPercent;
            return (
              <button
                key={percent}
                type="button"
                disabled={busy}
                aria-pressed={current}
                data-testid={`flag-stage-${percent}`}
                onClick={() => void run(() => setFlagStage({ key: flag.key, percent }))}
                className={buttonClasses(current ? 'primary' : 'secondary', 'sm', 'tabular-nums')}
              >
                {percent} %
              </button>
            );
          })}
        </div>
      </div>
      {error && (
        <p role="alert" data-testid="flag-controls-error" className={errorClass}>
          {error}
        </p>
      )}
    </section>
  );
}

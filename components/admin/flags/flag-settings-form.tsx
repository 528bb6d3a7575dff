'use client';
// A flag's description, variants (variant flags) and which variant goes to whom.
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { updateFlag } from '@/app/admin/flags/actions';
import { actionErrorMessage, callAction } from '@/components/admin/users/action-error';
import { buttonClasses } from '@/components/ui/button-styles';
import { formatVariantLines, parseVariantLines, updateFlagInput } from '@/lib/flags/schemas';
import { errorClass, fieldClass, labelClass, panelClass } from './styles';
import type { FlagView } from './types';

export function FlagSettingsForm({ flag }: { flag: FlagView }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [description, setDescription] = useState(flag.description);
  const [variants, setVariants] = useState(formatVariantLines(flag.variants));
  const [defaultVariant, setDefaultVariant] = useState(flag.defaultVariant);
  const [rolloutVariant, setRolloutVariant] = useState(flag.rolloutVariant);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      key: flag.key,
      description,
      defaultVariant,
      rolloutVariant,
      ...(flag.kind === 'VARIANT' && { variants: parseVariantLines(variants) }),
    };
    const parsed = updateFlagInput.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the fields.');
    const result = await callAction(() => updateFlag(input));
    if (!result.ok) return setError(actionErrorMessage(result));
    setError(null);
    setSaved(true);
    startTransition(() => router.refresh());
  }

  const names = Object.keys(flag.kind === 'VARIANT' ? parseVariantLines(variants) : flag.variants);
  return (
    <form onSubmit={submit} noValidate data-testid="flag-settings-form" className={panelClass}>
      <h2 className="text-lg font-semibold tracking-tight">Settings</h2>
      <label className={labelClass}>
        Description
        <input
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          className={fieldClass}
        />
      </label>
      {flag.kind === 'VARIANT' && (
        <label className={labelClass}>
          Variants, one per line as <code>name = value</code>
          <textarea
            value={variants}
            onChange={(event) => setVariants(event.target.value)}
            rows={Math.max(2, names.length)}
            className={`${fieldClass} font-mono`}
          />
        </label>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {(
          [
            ['Default variant (everyone outside the rollout)', defaultVariant, setDefaultVariant],
            ['Rollout variant (users inside it)', rolloutVariant, setRolloutVariant],
          ] as const
        ).map(([label, value, set]) => (
          <label key={label} className={labelClass}>
            {label}
            <select
              value={value}
              onChange={(event) => set(event.target.value)}
              className={`${fieldClass} font-mono`}
            >
              {names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {error && (
        <p role="alert" className={errorClass}>
          {error}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClasses('secondary', 'md')}>
          Save settings
        </button>
        {saved && !error && <span className="text-sm text-neutral-600 dark:text-neutral-400">Saved.</span>}
      </div>
    </form>
  );
}

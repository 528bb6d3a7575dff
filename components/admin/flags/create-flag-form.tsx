'use client';
// A new flag: key, boolean or variant, description, variants and which one the rollout gets. The
// pipeline's flags not created yet are offered as templates whose default is today's behaviour.
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { createFlag } from '@/app/admin/flags/actions';
import { actionErrorMessage, callAction } from '@/components/admin/users/action-error';
import { buttonClasses } from '@/components/ui/button-styles';
import type { FlagTemplate } from '@/lib/flags/keys';
import { createFlagInput, formatVariantLines, parseVariantLines } from '@/lib/flags/schemas';
import { errorClass, fieldClass, labelClass, panelClass } from './styles';

type Kind = 'BOOLEAN' | 'VARIANT';

export function CreateFlagForm({ templates }: { templates: FlagTemplate[] }) {
  const router = useRouter();
  const id = useId();
  const [key, setKey] = useState('');
  const [kind, setKind] = useState<Kind>('BOOLEAN');
  const [description, setDescription] = useState('');
  const [variants, setVariants] = useState('control = a\ntreatment = b');
  const [defaultVariant, setDefaultVariant] = useState('off');
  const [rolloutVariant, setRolloutVariant] = useState('on');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function chooseKind(next: Kind) {
    setKind(next);
    const names = next === 'BOOLEAN' ? ['off', 'on'] : Object.keys(parseVariantLines(variants));
    setDefaultVariant(names[0] ?? '');
    setRolloutVariant(names[1] ?? '');
  }

  function applyTemplate(template: FlagTemplate) {
    setKey(template.key);
    setKind(template.kind);
    setDescription(template.description);
    if (template.kind === 'VARIANT') setVariants(formatVariantLines(template.variants));
    setDefaultVariant(template.defaultVariant);
    setRolloutVariant(template.rolloutVariant);
    setError(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      key,
      kind,
      description,
      defaultVariant,
      rolloutVariant,
      variants: parseVariantLines(variants),
    };
    const parsed = createFlagInput.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the fields.');
    setBusy(true);
    const result = await callAction(() => createFlag(input));
    setBusy(false);
    if (!result.ok) return setError(actionErrorMessage(result));
    router.push(`/admin/flags/${result.data.key}`);
  }

  return (
    <form onSubmit={submit} noValidate data-testid="flag-create-form" className={panelClass}>
      <h2 className="text-lg font-semibold tracking-tight">New flag</h2>
      {templates.length > 0 && (
        <div className="space-y-1">
          <p className="text-sm text-neutral-600 dark:text-neutral-400">Pipeline flags not created yet:</p>
          <div className="flex flex-wrap gap-2">
            {templates.map((template) => (
              <button
                key={template.key}
                type="button"
                onClick={() => applyTemplate(template)}
                className={buttonClasses('secondary', 'sm', 'font-mono')}
              >
                {template.key}
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={labelClass}>
          Key
          <input
            value={key}
            onChange={(event) => setKey(event.target.value)}
            data-testid="flag-key"
            className={`${fieldClass} font-mono`}
            placeholder="model-rollout"
          />
        </label>
        <label className={labelClass}>
          Kind
          <select
            value={kind}
            onChange={(event) => chooseKind(event.target.value as Kind)}
            data-testid="flag-kind"
            className={fieldClass}
          >
            <option value="BOOLEAN">Boolean (on / off)</option>
            <option value="VARIANT">Variant (named values)</option>
          </select>
        </label>
      </div>
      <label className={labelClass}>
        Description
        <input
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          className={fieldClass}
        />
      </label>
      {kind === 'VARIANT' && (
        <label className={labelClass}>
          Variants, one per line as <code>name = value</code>
          <textarea
            value={variants}
            onChange={(event) => setVariants(event.target.value)}
            rows={3}
            data-testid="flag-variants"
            className={`${fieldClass} font-mono`}
          />
        </label>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={labelClass}>
          Default variant (everyone outside the rollout)
          <input
            value={defaultVariant}
            onChange={(event) => setDefaultVariant(event.target.value)}
            data-testid="flag-default-variant"
            className={`${fieldClass} font-mono`}
          />
        </label>
        <label className={labelClass}>
          Rollout variant (users inside it)
          <input
            value={rolloutVariant}
            onChange={(event) => setRolloutVariant(event.target.value)}
            data-testid="flag-rollout-variant"
            className={`${fieldClass} font-mono`}
          />
        </label>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" data-testid="flag-create-error" className={errorClass}>
          {error}
        </p>
      )}
      <p className="text-xs text-neutral-600 dark:text-neutral-400">A new flag starts off, at 0 %.</p>
      <button
        type="submit"
        disabled={busy}
        data-testid="flag-create"
        className={buttonClasses('primary', 'md')}
      >
        {busy ? 'Creating…' : 'Create flag'}
      </button>
    </form>
  );
}

// The evaluation preview: which variant a given user gets from this flag now, and why (their bucket
// against the stage, or a list). A GET form, so the answer is a link an admin can share.
import type { Evaluation, EvaluationReason } from '@/lib/flags/evaluate';
import { fieldClass, labelClass, panelClass } from './styles';
import { buttonClasses } from '@/components/ui/button-styles';

const why: Record<EvaluationReason, string> = {
  DISABLED: 'the flag is off',
  DENIED_USER: 'they are on the deny list',
  ALLOWED_USER: 'they are on the allow list',
  DENIED_GROUP: 'their group is on the deny list',
  ALLOWED_GROUP: 'their group is on the allow list',
  IN_ROLLOUT: 'their bucket is inside the stage',
  OUTSIDE_ROLLOUT: 'their bucket is outside the stage',
  NO_USER: 'there is no user to bucket',
};

export type PreviewResult =
  | { query: string; found: false }
  | {
      query: string;
      found: true;
      email: string;
      group: string | null;
      evaluation: Evaluation;
      percent: number;
    };

export function FlagPreview({ flagKey, result }: { flagKey: string; result: PreviewResult | null }) {
  return (
    <section aria-labelledby="flag-preview-heading" className={panelClass}>
      <h2 id="flag-preview-heading" className="text-lg font-semibold tracking-tight">
        Evaluation preview
      </h2>
      <form method="get" action={`/admin/flags/${flagKey}`} className="flex flex-wrap items-end gap-2">
        <label className={`${labelClass} min-w-64 flex-1`}>
          User (email or id)
          <input
            name="user"
            defaultValue={result?.query ?? ''}
            data-testid="flag-preview-user"
            className={fieldClass}
          />
        </label>
        <button type="submit" data-testid="flag-preview-submit" className={buttonClasses('secondary', 'md')}>
          Evaluate
        </button>
      </form>
      {result &&
        (result.found ? (
          <p
            data-testid="flag-preview-result"
            data-in-rollout={result.evaluation.inRollout}
            data-bucket={result.evaluation.bucket ?? ''}
            data-variant={result.evaluation.variant}
            className="text-sm"
          >
            <span className="font-medium">{result.email}</span>
            {result.group && <> (group {result.group})</>} gets{' '}
            <span className="font-mono font-semibold">{result.evaluation.variant}</span>:{' '}
            {why[result.evaluation.reason]}
            {result.evaluation.bucket !== null && (
              <>
                {' '}
                (bucket {result.evaluation.bucket} of 0–99, stage {result.percent} %)
              </>
            )}
            .
          </p>
        ) : (
          <p data-testid="flag-preview-result" role="alert" className="text-sm">
            No user “{result.query}”.
          </p>
        ))}
    </section>
  );
}

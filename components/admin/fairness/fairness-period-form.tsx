// The fairness report's period: a plain GET form (the last 7, 30 or 90 days, or custom UTC days), so it
// works without JavaScript and the URL says what is shown.
import { buttonClasses } from '@/components/ui/button-styles';
import { fairness } from '@/lib/config';
import type { FairnessPeriodInput } from '@/lib/fairness/period';

const fieldClasses =
  'mt-1 block h-10 w-full rounded-lg border border-neutral-300 bg-white px-3 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';

export function FairnessPeriodForm({ period }: { period: FairnessPeriodInput }) {
  return (
    <form
      method="get"
      action="/admin/fairness"
      aria-label="Report period"
      data-testid="fairness-period"
      className="grid gap-3 sm:grid-cols-4 sm:items-end"
    >
      <div>
        <label htmlFor="fairness-period-select" className="text-sm font-medium">
          Period
        </label>
        <select
          id="fairness-period-select"
          name="period"
          defaultValue={period.period}
          className={fieldClasses}
        >
          {fairness.periodDays.map((days) => (
            <option key={days} value={String(days)}>
              Last {days} days
            </option>
          ))}
          <option value="custom">Custom (from – to)</option>
        </select>
      </div>
      <div>
        <label htmlFor="fairness-from" className="text-sm font-medium">
          From (custom, UTC)
        </label>
        <input
          id="fairness-from"
          type="date"
          name="from"
          defaultValue={period.from}
          className={fieldClasses}
        />
      </div>
      <div>
        <label htmlFor="fairness-to" className="text-sm font-medium">
          To (custom, included)
        </label>
        <input id="fairness-to" type="date" name="to" defaultValue={period.to} className={fieldClasses} />
      </div>
      <button type="submit" className={buttonClasses('primary', 'md')}>
        Show
      </button>
    </form>
  );
}

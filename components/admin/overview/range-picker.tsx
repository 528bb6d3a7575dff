// The overview's time range: preset links, and a form for whole UTC days (a plain GET form, so it
// works before any script has loaded).
import Link from 'next/link';
import { PRESET_LABELS, RANGE_PRESETS, type OverviewRange } from '@/lib/admin/overview-range';

export function RangePicker({ range }: { range: OverviewRange }) {
  return (
    <div className="flex flex-wrap items-end gap-4" data-testid="overview-range">
      <nav aria-label="Time range">
        <ul className="flex overflow-hidden rounded-lg border border-neutral-300 text-sm dark:border-neutral-700">
          {RANGE_PRESETS.map((preset) => (
            <li key={preset} className="border-l border-neutral-300 first:border-l-0 dark:border-neutral-700">
              <Link
                href={`/admin?range=${preset}`}
                aria-current={range.key === preset ? 'page' : undefined}
                title={PRESET_LABELS[preset]}
                className="inline-block px-3 py-1.5 hover:bg-neutral-100 aria-[current=page]:bg-neutral-900 aria-[current=page]:text-white dark:hover:bg-neutral-800 dark:aria-[current=page]:bg-neutral-100 dark:aria-[current=page]:text-neutral-900"
              >
                {preset}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form action="/admin" method="get" className="flex flex-wrap items-end gap-2 text-sm">
        <input type="hidden" name="range" value="custom" />
        <label className="flex flex-col gap-1">
          <span className="text-xs text-neutral-600 dark:text-neutral-400">From (UTC)</span>
          <input
            type="date"
            name="from"
            defaultValue={range.fromDay}
            required
            className="rounded-md border border-neutral-300 px-2 py-1 dark:border-neutral-700 dark:bg-neutral-900"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-neutral-600 dark:text-neutral-400">To (UTC)</span>
          <input
            type="date"
            name="to"
            defaultValue={range.toDay}
            required
            className="rounded-md border border-neutral-300 px-2 py-1 dark:border-neutral-700 dark:bg-neutral-900"
          />
        </label>
        <button
          type="submit"
          data-testid="overview-range-apply"
          className="rounded-md border border-neutral-300 px-3 py-1 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
        >
          Show
        </button>
      </form>
    </div>
  );
}

// Drill-down links from the overview to the query explorer, with the matching filters.
import { explorerDays, STEP_MS, type OverviewRange } from '@/lib/admin/overview-range';
import { queryFilterHref, type QueryFilter } from '@/lib/admin/query-filters';

/** The explorer over the days of one chart step, with extra filters. */
export function stepHref(at: Date, range: OverviewRange, filter: QueryFilter = {}): string {
  const days = explorerDays(at, new Date(at.getTime() + STEP_MS[range.step]));
  return queryFilterHref('/admin/queries', { ...filter, ...days });
}

/** The explorer over the days of the whole range, with extra filters. */
export function rangeHref(range: OverviewRange, filter: QueryFilter = {}): string {
  return queryFilterHref('/admin/queries', { ...filter, ...explorerDays(range.from, range.to) });
}

/**
 * What to search the explorer for to find a top question's group: the question itself, or, when it
 * has numbers (which the grouping ignores), its longest stretch without digits.
 */
export function questionSearch(question: string): string {
  const pieces = question.split(/\d+/).map((piece) => piece.trim());
  const longest = pieces.reduce((best, piece) => (piece.length > best.length ? piece : best), '');
  return (pieces.length === 1 ? question.trim() : longest).slice(0, 200);
}

// Shared classes of the flag forms.
export const fieldClass =
  'mt-1 block w-full rounded-lg border border-neutral-300 bg-white px-3 py-2 text-sm outline-none focus:border-neutral-900 focus:ring-1 focus:ring-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:focus:border-neutral-100 dark:focus:ring-neutral-100';
export const labelClass = 'block text-sm font-medium';
export const errorClass =
  'rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200';
export const panelClass = 'space-y-3 rounded-xl border border-neutral-200 p-4 dark:border-neutral-800';

'use client';
// A modal yes/no question (native <dialog>: focus is trapped and Escape cancels).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/button-styles';

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={() => open && onCancel()}
      data-testid="confirm-dialog"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-neutral-950/40 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-100"
    >
      <h2 id={titleId} className="text-base font-semibold">
        {title}
      </h2>
      <div className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">{children}</div>
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" autoFocus onClick={onCancel} className={buttonClasses('secondary', 'sm')}>
          Cancel
        </button>
        <button
          type="button"
          onClick={onConfirm}
          data-testid="confirm-dialog-confirm"
          className={buttonClasses(
            'primary',
            'sm',
            'bg-red-700 hover:bg-red-800 dark:bg-red-600 dark:text-white dark:hover:bg-red-500',
          )}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

'use client';
// A modal panel that slides in from one side (native <dialog>: focus stays inside, Escape closes).
// Focus goes back to whatever opened it; a click on the backdrop closes it too.
import { useEffect, useRef, type ReactNode } from 'react';

type SideSheetProps = {
  open: boolean;
  onClose: () => void;
  side: 'left' | 'right';
  /** Id of the element that names the sheet. */
  labelledBy: string;
  className?: string;
  testId?: string;
  children: ReactNode;
};

const sides = {
  left: 'left-0 right-auto w-[min(20rem,calc(100vw-3rem))] border-r',
  right: 'right-0 left-auto w-[min(32rem,100vw)] border-l',
} as const;

export function SideSheet({
  open,
  onClose,
  side,
  labelledBy,
  className = '',
  testId,
  children,
}: SideSheetProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onClose={() => {
        if (opener.current?.isConnected) opener.current.focus();
        if (open) onClose();
      }}
      // The dialog box itself is covered by its content: a click that lands on it hit the backdrop.
      onClick={(event) => event.target === event.currentTarget && onClose()}
      className={`fixed inset-y-0 m-0 h-dvh max-h-none max-w-none border-neutral-200 bg-white p-0 text-neutral-900 shadow-2xl backdrop:bg-neutral-950/40 dark:border-neutral-800 dark:bg-neutral-950 dark:text-neutral-100 ${sides[side]} ${className}`}
    >
      {open && <div className="flex h-full flex-col">{children}</div>}
    </dialog>
  );
}

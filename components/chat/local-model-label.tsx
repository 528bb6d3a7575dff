// Honest notice that answers come from the built-in local models, which extract rather than generate.
export function LocalModelLabel({ chatModel }: { chatModel: string }) {
  return (
    <p
      data-testid="local-model-label"
      title={`Model: ${chatModel}`}
      className="inline-flex items-center gap-1.5 rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 text-xs text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <svg aria-hidden viewBox="0 0 16 16" fill="currentColor" className="size-3.5 shrink-0">
        <path
          fillRule="evenodd"
          d="M15 8A7 7 0 1 1 1 8a7 7 0 0 1 14 0ZM9 5a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM6.75 7a.75.75 0 0 0 0 1.5h.5v2.75a.75.75 0 0 0 1.5 0V7.75A.75.75 0 0 0 8 7H6.75Z"
          clipRule="evenodd"
        />
      </svg>
      Built-in local models: extractive answers from your documents
    </p>
  );
}

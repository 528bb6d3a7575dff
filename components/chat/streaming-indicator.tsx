// Three pulsing dots with a label; shown while the assistant is looking up or writing an answer.
export function StreamingIndicator({ label }: { label: string }) {
  return (
    <span
      data-testid="chat-streaming"
      className="inline-flex items-center gap-2 text-sm text-neutral-500 dark:text-neutral-400"
    >
      <span aria-hidden className="inline-flex gap-1">
        {[0, 150, 300].map((delay) => (
          <span
            key={delay}
            className="size-1.5 rounded-full bg-current motion-safe:animate-pulse"
            style={{ animationDelay: `${delay}ms` }}
          />
        ))}
      </span>
      {label}
    </span>
  );
}

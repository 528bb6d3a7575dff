// The audit events of one page, newest first: when, who, what, on what, and the facts recorded.
import type { AuditRow } from '@/lib/db/audit-log';

const cell = 'px-3 py-2 align-top';

function Facts({ row }: { row: AuditRow }) {
  const metadata = row.metadata && typeof row.metadata === 'object' ? row.metadata : {};
  const text = JSON.stringify(metadata);
  return (
    <div className="space-y-1">
      {row.reason ? <p>“{row.reason}”</p> : null}
      {text !== '{}' ? (
        <code className="block max-w-md text-xs break-all text-neutral-600 dark:text-neutral-400">
          {text}
        </code>
      ) : null}
    </div>
  );
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) {
    return (
      <p data-testid="audit-empty" className="text-sm text-neutral-600 dark:text-neutral-400">
        No audit events match these filters.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-neutral-200 dark:border-neutral-800">
      <table data-testid="audit-table" className="w-full text-left text-sm">
        <thead className="bg-neutral-50 text-xs text-neutral-600 uppercase dark:bg-neutral-900 dark:text-neutral-400">
          <tr>
            <th scope="col" className={cell}>
              #
            </th>
            <th scope="col" className={cell}>
              When (UTC)
            </th>
            <th scope="col" className={cell}>
              Action
            </th>
            <th scope="col" className={cell}>
              Actor
            </th>
            <th scope="col" className={cell}>
              Target
            </th>
            <th scope="col" className={cell}>
              Details
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.seq}
              data-testid="audit-row"
              data-action={row.action}
              className="border-t border-neutral-200 dark:border-neutral-800"
            >
              <td className={`${cell} font-mono text-xs`}>{row.seq}</td>
              <td className={`${cell} whitespace-nowrap`}>
                <time dateTime={row.at.toISOString()}>
                  {row.at.toISOString().replace('T', ' ').slice(0, 19)}
                </time>
              </td>
              <td className={`${cell} font-mono text-xs`}>{row.action}</td>
              <td className={cell}>
                {row.actorId ? (
                  <>
                    <span className="font-mono text-xs">{row.actorId}</span>
                    {row.actorRole ? (
                      <span className="block text-xs text-neutral-500">{row.actorRole}</span>
                    ) : null}
                  </>
                ) : (
                  <span className="text-neutral-500">system</span>
                )}
                {row.ip ? <span className="block text-xs text-neutral-500">{row.ip}</span> : null}
              </td>
              <td className={cell}>
                {row.targetType ? (
                  <>
                    <span className="text-xs text-neutral-500">{row.targetType}</span>
                    <span className="block font-mono text-xs">{row.targetId}</span>
                  </>
                ) : null}
              </td>
              <td className={cell}>
                <Facts row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

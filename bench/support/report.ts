// Printing for benchmarks: the machine header, latency summaries and plain-text tables.
import os from 'node:os';

/** The machine a run happened on, as printed at the top and copied into docs/BENCHMARKS.md. */
export function machineLines(now = new Date()): string[] {
  const cpus = os.cpus();
  const load = os.loadavg().map((value) => value.toFixed(2));
  return [
    `date     ${now.toISOString()}`,
    `os       ${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    `cpus     ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    `memory   ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free`,
    `node     ${process.version}`,
    `load     ${load.join(' ')} (1/5/15 min, at start; other work on the machine skews figures)`,
  ];
}

export type Summary = { count: number; p50: number; p95: number; mean: number; min: number; max: number };

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Milliseconds with precision that suits their size. */
export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** "a / b" as "×1.23", or a dash when either side is missing. */
export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  return `×${(a / b).toFixed(2)}`;
}

/** Prints a titled table; the first column is left-aligned, the others right-aligned. */
export function printTable(title: string, headers: string[], rows: string[][]): void {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

export function note(text: string): void {
  console.log(`  ${text}`);
}

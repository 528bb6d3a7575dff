// `npm run eval:pii -- <file.json> [--json]`: precision and recall of the PII detectors on a labelled
// set in the presidio-research format (see evaluate.ts for the matching rule).
import { readFile } from 'node:fs/promises';
import { evaluatePii, labelledSetSchema, type EvalReport } from './evaluate';
import { piiTypes } from './types';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const usage = 'usage: npm run eval:pii -- <file.json> [--json]';

function table(report: EvalReport): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
  const row = (name: string, s: EvalReport['overall']) =>
    `${name.padEnd(8)} ${String(s.labelled).padStart(8)} ${String(s.detected).padStart(8)} ${String(s.matched).padStart(8)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;
  return [
    `texts: ${report.texts}; matching: ${report.matchingRule}`,
    `${'type'.padEnd(8)} ${'labelled'.padStart(8)} ${'detected'.padStart(8)} ${'matched'.padStart(8)} ${'prec'.padStart(7)} ${'recall'.padStart(7)} ${'f1'.padStart(7)}`,
    ...piiTypes.map((type) => row(type, report.perType[type])),
    row('overall', report.overall),
    `out of scope (not detected, not scored): ${
      Object.entries(report.outOfScope)
        .sort((a, b) => b[1] - a[1])
        .map(([label, count]) => `${label} ${count}`)
        .join(', ') || 'none'
    }`,
  ].join('\n');
}

/** Runs the CLI on `args`; returns the exit code (0 ok, 2 bad usage or input). */
export async function runPiiEvalCli(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--json');
  if (files.length !== 1 || unknown.length > 0) {
    io.err(usage);
    return 2;
  }
  const file = files[0] ?? '';
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.err(
      `eval:pii: cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  const parsed = labelledSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `  at ${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('\n');
    io.err(`eval:pii: ${file} is not a labelled PII set (an array of {full_text, spans[]}):\n${issues}`);
    return 2;
  }
  const bad = parsed.data.findIndex((item) =>
    item.spans.some(
      (span) => span.end_position <= span.start_position || span.end_position > item.full_text.length,
    ),
  );
  if (bad >= 0) {
    io.err(`eval:pii: ${file} item ${bad} has a span outside its text or with end <= start`);
    return 2;
  }
  const report = evaluatePii(parsed.data);
  io.out(json ? JSON.stringify(report, null, 2) : table(report));
  return 0;
}

// Scores the detector on labelled texts: detection rate, false-positive rate and the confusion counts.
import { z } from 'zod';
import { screenText, type Source } from './detector';

const lineSchema = z.object({
  text: z.string({ error: '"text" must be a string' }),
  label: z.union([z.literal(0), z.literal(1)], { error: '"label" must be 0 (benign) or 1 (injection)' }),
  /** Optional kind of text (an attack category, a corpus), reported on its own. */
  group: z.string().optional(),
});
export type LabelledText = z.infer<typeof lineSchema>;

export class LabelledFileError extends Error {
  override name = 'LabelledFileError';
}

/** Parses JSON Lines of `{"text", "label"}`; blank lines are skipped, the first bad line throws with its number. */
export function parseLabelledJsonl(content: string): LabelledText[] {
  const items: LabelledText[] = [];
  const lines = content.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new LabelledFileError(`line ${index + 1}: not valid JSON`);
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new LabelledFileError(`line ${index + 1}: ${where}${issue?.message ?? 'invalid'}`);
    }
    items.push(parsed.data);
  }
  if (items.length === 0) throw new LabelledFileError('the file holds no labelled lines');
  return items;
}

export type Counts = { tp: number; fp: number; tn: number; fn: number };
export type Metrics = Counts & {
  total: number;
  /** TP / (TP + FN); null without injections. */
  detectionRate: number | null;
  /** FP / (FP + TN); null without benign texts. */
  falsePositiveRate: number | null;
};

export type EvalReport = Metrics & {
  source: Source;
  byLanguage: Record<string, Metrics>;
  /** Only when lines carry a `group`. */
  byGroup?: Record<string, Metrics>;
};

/** Cheap language guess for the per-language split: German function words, else English. */
export function guessLanguage(text: string): 'de' | 'en' {
  const german = text
    .toLowerCase()
    .match(
      /\b(?:der|die|das|und|ist|nicht|ich|du|sie|wie|was|mit|fur|für|auf|ein|eine|zu|den|dem|von|bitte|warum|wer|gibt)\b/g,
    );
  return (german?.length ?? 0) >= 2 || /[äöüß]/i.test(text) ? 'de' : 'en';
}

export function metrics(counts: Counts): Metrics {
  const { tp, fp, tn, fn } = counts;
  return {
    ...counts,
    total: tp + fp + tn + fn,
    detectionRate: tp + fn ? tp / (tp + fn) : null,
    falsePositiveRate: fp + tn ? fp / (fp + tn) : null,
  };
}

export function evaluate(items: readonly LabelledText[], source: Source): EvalReport {
  const all: Counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  const perLanguage: Record<string, Counts> = {};
  const perGroup: Record<string, Counts> = {};
  for (const item of items) {
    const flagged = screenText(item.text, { source }).flagged;
    const key = item.label === 1 ? (flagged ? 'tp' : 'fn') : flagged ? 'fp' : 'tn';
    all[key]++;
    const language = (perLanguage[guessLanguage(item.text)] ??= { tp: 0, fp: 0, tn: 0, fn: 0 });
    language[key]++;
    if (item.group !== undefined) (perGroup[item.group] ??= { tp: 0, fp: 0, tn: 0, fn: 0 })[key]++;
  }
  const byLanguage = Object.fromEntries(
    Object.entries(perLanguage).map(([lang, counts]) => [lang, metrics(counts)]),
  );
  const byGroup = Object.fromEntries(
    Object.entries(perGroup).map(([group, counts]) => [group, metrics(counts)]),
  );
  return { source, ...metrics(all), byLanguage, ...(Object.keys(byGroup).length ? { byGroup } : {}) };
}

const percent = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)} %`);

export function formatReport(report: EvalReport, label: string): string {
  const row = (name: string, m: Metrics) =>
    `${name.padEnd(26)} detection ${percent(m.detectionRate).padStart(8)}  false positives ${percent(m.falsePositiveRate).padStart(8)}  TP ${m.tp} FP ${m.fp} TN ${m.tn} FN ${m.fn} (n=${m.total})`;
  return [
    `${label} (source: ${report.source})`,
    row('all', report),
    ...Object.entries(report.byLanguage).map(([lang, m]) => row(lang, m)),
    ...Object.entries(report.byGroup ?? {}).map(([group, m]) => row(group, m)),
  ].join('\n');
}

// `npm run eval:injection -- <file.jsonl> [--json] [--source question|passage|document]`, or
// `--bipia <dir>` for BIPIA attacks embedded in emails (screened as passages). Exit 2 on bad input.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildBipiaSet } from './bipia';
import { LabelledFileError, evaluate, formatReport, parseLabelledJsonl, type LabelledText } from './eval';
import type { Source } from './detector';

export const USAGE =
  'usage: npm run eval:injection -- <file.jsonl> [--json] [--source question|passage|document]\n' +
  '       npm run eval:injection -- --bipia <dir with the BIPIA files> [--json]';

const SOURCES: readonly Source[] = ['question', 'passage', 'document'];

type Io = { out: (text: string) => void; err: (text: string) => void };

export async function runInjectionEvalCli(argv: string[], io: Io): Promise<number> {
  let values: { json?: boolean; source?: string; bipia?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, source: { type: 'string' }, bipia: { type: 'string' } },
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0];
  if ((file === undefined) === (values.bipia === undefined) || positionals.length > 1) {
    io.err(USAGE);
    return 2;
  }
  const source = (values.source ?? (values.bipia ? 'passage' : 'question')) as Source;
  if (!SOURCES.includes(source)) {
    io.err(`--source must be one of ${SOURCES.join(', ')}\n${USAGE}`);
    return 2;
  }

  let items: LabelledText[];
  try {
    items = values.bipia
      ? await buildBipiaSet(values.bipia)
      : parseLabelledJsonl(await readFile(file!, 'utf8'));
  } catch (error) {
    const where = values.bipia ?? file;
    if (error instanceof LabelledFileError) io.err(`${where}: ${error.message}`);
    else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      io.err(`${where}: no such file or directory`);
    else io.err(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }

  const report = evaluate(items, source);
  io.out(
    values.json
      ? JSON.stringify({ file: values.bipia ?? file, ...report })
      : formatReport(report, values.bipia ?? file!),
  );
  return 0;
}

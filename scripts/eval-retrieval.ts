// `npm run eval:retrieval -- <dataset dir> [--json] [--database-url URL] [--limit N]` (see lib/eval/cli.ts).
import './drop-empty-env';
import { runEvalCli } from '@/lib/eval/cli';

runEvalCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`eval:retrieval: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

// `npm run eval:pii -- <file.json> [--json]` (see lib/security/pii/eval-cli.ts).
import { runPiiEvalCli } from '@/lib/security/pii/eval-cli';

runPiiEvalCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`eval:pii: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

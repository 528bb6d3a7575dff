// `npm run eval:injection -- <file.jsonl> [--json]` (see lib/security/injection/eval-cli.ts).
import { runInjectionEvalCli } from '@/lib/security/injection/eval-cli';

runInjectionEvalCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`eval:injection: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

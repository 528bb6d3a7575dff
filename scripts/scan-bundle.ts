// `node --conditions=react-server --import tsx scripts/scan-bundle.ts <distDir>`: fails when a file a
// browser can download holds a secret (see lib/security/web/bundle-scan.ts). Run it in the environment
// the app was built in, so the secret settings it looks for are the ones the build saw.
import { env, EnvError } from '@/lib/env';
import { runBundleScanCli } from '@/lib/security/web/bundle-scan';

let settings;
try {
  settings = env();
} catch (error) {
  console.error(`scan-bundle: ${error instanceof EnvError ? error.message : String(error)}`);
  process.exit(2);
}

runBundleScanCli(
  process.argv.slice(2),
  { out: (text) => console.log(text), err: (text) => console.error(text) },
  settings,
).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`scan-bundle: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);

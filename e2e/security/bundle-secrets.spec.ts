// [SECURITY][BUNDLE] No secret in any file a browser can download: runs scripts/scan-bundle.ts on the
// production build the app under test serves (e2e/support/app-server.ts).
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { PRODUCTION_DIST_DIR } from '../../tests/support/production-app';

test('[SECURITY][BUNDLE]: the client files of the production build hold no secret', async ({ page }) => {
  // The pages whose chunks must be among those scanned are served from the build.
  for (const url of ['/login', '/docs/api']) expect((await page.goto(url))?.status()).toBe(200);
  const scan = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/scan-bundle.ts', PRODUCTION_DIST_DIR],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(scan.stderr).toBe('');
  expect(scan.status).toBe(0);
  expect(scan.stdout).toMatch(/^scan-bundle: OK: no secret in \d+ files under /);
  const files = Number(/no secret in (\d+) files/.exec(scan.stdout)?.[1]);
  expect(files).toBeGreaterThan(10);
});

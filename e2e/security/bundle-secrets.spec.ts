// [SECURITY][BUNDLE] No secret in any file a browser can download: runs scripts/scan-bundle.ts on the
// build folder of the app under test (playwright.config.ts: NEXT_DIST_DIR from E2E_DIST_DIR).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const distDir = process.env.E2E_DIST_DIR ?? '.next-e2e';

test('[SECURITY][BUNDLE]: the client files of the e2e build hold no secret', async ({ page }) => {
  // `next dev` compiles client chunks on first visit: load the pages whose chunks must be scanned.
  for (const url of ['/login', '/docs/api']) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
  }
  // `next dev` writes its build to <distDir>/dev (a production build to <distDir> itself).
  const built = existsSync(path.join(distDir, 'dev', 'static')) ? path.join(distDir, 'dev') : distDir;
  const scan = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/scan-bundle.ts', built],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(scan.stderr).toBe('');
  expect(scan.status).toBe(0);
  expect(scan.stdout).toMatch(/^scan-bundle: OK: no secret in \d+ files under /);
  const files = Number(/no secret in (\d+) files/.exec(scan.stdout)?.[1]);
  expect(files).toBeGreaterThan(10);
});

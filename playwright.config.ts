// End-to-end tests in Chromium against the production build (e2e/support/app-server.ts: made when
// missing or stale, started by `npm start`'s launcher with the demo data), on a fresh embedded
// database in a temporary folder.
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const outagePort = port + 1;
process.env.OUTAGE_PORT = String(outagePort);
process.env.OUTAGE_CONTROL_PORT = String(outagePort + 98);
// The local OpenID Connect provider single sign-on signs in with (tests/support/oidc-stub.ts).
const oidcPort = port + 3;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'rag-e2e-'));
// Playwright cannot download its own browser here; use the system Chromium when there is one.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: systemChromium
          ? {
              executablePath: systemChromium,
              args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
                '--no-first-run',
                '--disable-quic',
              ],
            }
          : {},
      },
    },
  ],
  webServer: [
    {
      command: 'node --import tsx e2e/support/oidc-server.ts',
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: { OIDC_PORT: String(oidcPort) },
    },
    {
      command: 'node --conditions=react-server --import tsx e2e/support/app-server.ts',
      url: `http://localhost:${port}/api/ready`,
      // A missing or stale build is made first: minutes on two cores.
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        EMBEDDED_DB_PORT: String(port + 51_000),
        DATABASE_URL: '',
        OPENAI_API_KEY: '',
        OPENAI_BASE_URL: '',
        LOG_LEVEL: 'warn',
        NEXT_TELEMETRY_DISABLED: '1',
        // Every spec signs in from 127.0.0.1: far more often than the per-IP sign-in limit allows.
        RATE_LIMIT_MULTIPLIER: '100',
        OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        OIDC_CLIENT_ID: 'rag-test-client',
        OIDC_CLIENT_SECRET: 'rag-test-secret',
        OIDC_NAME: 'Test SSO',
      },
    },
    {
      // The same app behind a database connection the outage test can cut (e2e/chat/database-outage.spec.ts).
      command: 'node --conditions=react-server --import tsx e2e/support/outage-server.ts',
      url: `http://localhost:${outagePort}/api/ready`,
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        OUTAGE_PORT: String(outagePort),
        OUTAGE_CONTROL_PORT: String(outagePort + 98),
        OPENAI_API_KEY: '',
        OPENAI_BASE_URL: '',
        LOG_LEVEL: 'warn',
        NEXT_TELEMETRY_DISABLED: '1',
        // Every spec signs in from 127.0.0.1: far more often than the per-IP sign-in limit allows.
        RATE_LIMIT_MULTIPLIER: '100',
      },
    },
  ],
});

import { defineConfig } from '@playwright/test';
import { launchOptions } from './e2e/browser';

// Runs against `npm start` (the production build) on port 3100 with its own data directory and
// the demo data set. E2E_DATABASE_URL (set by scripts/test-all.ts from TEST_DATABASE_URL) runs it
// on a real PostgreSQL server instead of the embedded database. The UI suites drive the Chromium
// of the @sparticuz/chromium npm package (or CHROMIUM_PATH), resolved once by the global setup.
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/${process.env.E2E_DATA_DIR ?? 'default'}/artifacts`,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  // One retry on CI absorbs timing noise on a shared 2-core runner; a test that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: { baseURL, trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    { name: 'api', testMatch: /api\/.*\.spec\.ts/ },
    {
      name: 'ui',
      testMatch: /ui\/.*\.spec\.ts/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 900 },
        // A viewer far from the server (which renders in UTC, en-US): text that depends on the
        // viewer's zone or locale must not break hydration (React error #418 on /settings was that).
        timezoneId: 'Asia/Kolkata',
        locale: 'en-GB',
        launchOptions: launchOptions(),
      },
    },
  ],
  webServer: {
    command: 'node --conditions=react-server --import tsx scripts/start.ts',
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR ?? '.data-e2e',
      DEMO_DATA: '1',
      // The UI suites browse the demo (password-less, loopback) on both databases; sign-in with
      // FLOWMASON_AUTH=required is tested on an instance of its own (e2e/ui/sign-in.spec.ts).
      FLOWMASON_AUTH: 'demo',
      HOST: '127.0.0.1',
      ALLOW_PRIVATE_WEBHOOKS: '1',
      WEBHOOK_RETRY_BASE_MS: '200',
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});

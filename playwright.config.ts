import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions as launchOptions } from './tests/e2e/harness/chromium';

/**
 * Browser tests run against the production build served by `node server.js` (one hub per
 * test file, or per test where a file asks for it; see tests/e2e/harness/test.ts). Two workers,
 * one file each at a time, each with its own hub: on two cores the 42 tests take about 6.5 min
 * instead of 9.5 with one. `PLAZA_E2E_WORKERS=1` runs them one by one (a slower machine, or
 * to tell a timing problem from a real one).
 */
const workers = Number(process.env.PLAZA_E2E_WORKERS ?? 2);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	globalSetup: './tests/e2e/harness/global-setup.ts',
	workers,
	fullyParallel: false,
	retries: process.env.CI ? 1 : 0,
	forbidOnly: Boolean(process.env.CI),
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		launchOptions,
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		actionTimeout: 10_000,
		navigationTimeout: 20_000
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }]
});

import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions as launchOptions } from './tests/e2e/harness/chromium';

/**
 * Browser tests run against the production build served by `node server.js` (one hub per
 * test file, or per test where a file asks for it; see tests/e2e/harness/test.ts). One worker:
 * the machine has two cores and the hubs are real servers.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	globalSetup: './tests/e2e/harness/global-setup.ts',
	workers: 1,
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

/**
 * The e2e `test`: every test gets its own hub (fresh data folder, free port) and a unique
 * space, and `baseURL` points at that hub, so tests never share data or service workers.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { startHub, type Hub } from '../../fixtures/hub';
import { buildA } from './builds';

interface Fixtures {
	hub: Hub;
	/** A space id no other test uses. */
	space: string;
}

export const test = base.extend<Fixtures>({
	// eslint-disable-next-line no-empty-pattern -- Playwright fixtures take a destructured first argument.
	hub: async ({}, use, testInfo) => {
		const hub = await startHub({ buildDir: buildA.dir });
		try {
			await use(hub);
		} finally {
			await hub.stop();
			if (testInfo.status !== testInfo.expectedStatus)
				await testInfo.attach('hub-output', { body: hub.output(), contentType: 'text/plain' });
		}
	},
	baseURL: async ({ hub }, use) => {
		await use(hub.url);
	},
	// eslint-disable-next-line no-empty-pattern -- Playwright fixtures take a destructured first argument.
	space: async ({}, use) => {
		await use(`e2e-${randomBytes(4).toString('hex')}`);
	}
});

export { expect };

/**
 * Waits until a service worker is active for this page, then reloads so it also controls the
 * page (the first visit is not controlled unless the worker claims clients).
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		return registration.active?.state;
	});
	await page.reload();
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
			message: 'the service worker controls the page after a reload'
		})
		.toBe(true);
}

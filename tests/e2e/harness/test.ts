/**
 * The e2e `test`. Tests of one file share a hub (started when the file's first test needs it,
 * stopped when the next file starts), and each test gets its own space in it, created through
 * the hub API by the hub's admin: tests never see each other's data, and the suite starts few
 * servers. A file whose tests stop or restart the hub, or need a hub that is not set up yet,
 * says `test.use({ hubPerTest: true })` and gets a fresh hub per test.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startHub, type Hub } from '../../fixtures/hub';
import { buildA } from './builds';
import { createSpace, setUpHub, type AdminSession, type ProvisionedSpace } from './staff-api';

/** The hub of the file being run, and its admin once a test asked for one. */
class HubPool {
	#file: string | undefined;
	#hub: Hub | undefined;
	#admin: Promise<AdminSession> | undefined;

	async hubFor(file: string): Promise<Hub> {
		if (this.#hub && this.#file === file) return this.#hub;
		await this.close();
		this.#hub = await startHub({ buildDir: buildA.dir });
		this.#file = file;
		return this.#hub;
	}

	adminOf(hub: Hub): Promise<AdminSession> {
		if (hub !== this.#hub) throw new Error('adminOf: not the pool’s hub');
		this.#admin ??= setUpHub(hub.url);
		return this.#admin;
	}

	async close(): Promise<void> {
		const admin = await this.#admin?.catch(() => undefined);
		await admin?.api.dispose();
		await this.#hub?.stop();
		this.#hub = this.#admin = this.#file = undefined;
	}
}

interface Options {
	/** A fresh hub for every test of the file (for tests that stop, restart or set it up). */
	hubPerTest: boolean;
}

interface Fixtures {
	hub: Hub;
	/** The hub's admin, logged in through the API (the hub is set up on first use). */
	admin: AdminSession;
	/** A space no other test uses, created by `admin`. */
	space: ProvisionedSpace;
}

export const test = base.extend<Fixtures & Options, { hubPool: HubPool }>({
	hubPerTest: [false, { option: true }],
	hubPool: [
		// eslint-disable-next-line no-empty-pattern -- Playwright fixtures take a destructured first argument.
		async ({}, use) => {
			const pool = new HubPool();
			await use(pool);
			await pool.close();
		},
		{ scope: 'worker' }
	],
	hub: async ({ hubPerTest, hubPool }, use, testInfo) => {
		const hub = hubPerTest
			? await startHub({ buildDir: buildA.dir })
			: await hubPool.hubFor(testInfo.file);
		try {
			await use(hub);
		} finally {
			if (hubPerTest) await hub.stop();
			if (testInfo.status !== testInfo.expectedStatus)
				await testInfo.attach('hub-output', { body: hub.output(), contentType: 'text/plain' });
		}
	},
	baseURL: async ({ hub }, use) => {
		await use(hub.url);
	},
	admin: async ({ hub, hubPerTest, hubPool }, use) => {
		if (!hubPerTest) return use(await hubPool.adminOf(hub));
		const admin = await setUpHub(hub.url);
		await use(admin);
		await admin.api.dispose();
	},
	space: async ({ admin }, use) => {
		await use(await createSpace(admin));
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

import { pullAll } from '../fixtures/hub';
import { expect, test, waitForServiceWorker } from './harness/test';
import { joinSpace } from './pages/join-page';
import { SettingsPage } from './pages/settings-page';
import { SpacePage } from './pages/space-page';

test('the app opens, keeps and later syncs ideas written offline', async ({
	page,
	context,
	hub,
	admin,
	space
}) => {
	const spacePage = new SpacePage(page);
	await joinSpace(page, space);
	await spacePage.expectOpen(space);
	await waitForServiceWorker(page);
	await spacePage.expectOpen(space);

	await context.setOffline(true);
	await page.reload();
	await spacePage.expectOpen(space);

	// Deep links the browser never opened before still open from the precached shell.
	const settings = new SettingsPage(page);
	await settings.goto();
	await expect(settings.displayName).toBeVisible();
	await spacePage.goto(space);

	const titles = ['Bike lane on Hauptstraße', 'Solar roof on the school', 'Seed library'];
	for (const title of titles) await spacePage.addIdea({ title, text: `Offline: ${title}` });
	for (const title of titles) await spacePage.expectBadge(title, 'waiting');
	await spacePage.expectSyncState(/offline|waiting|error/);
	expect(await pullAll(hub.url, space.id, admin)).toHaveLength(0);

	await page.reload();
	await expect(spacePage.items).toHaveCount(3);
	for (const title of titles) await spacePage.expectBadge(title, 'waiting');

	await context.setOffline(false);
	for (const title of titles) await spacePage.expectBadge(title, 'confirmed', 30_000);
	await spacePage.expectSyncState('synced');

	const records = await pullAll(hub.url, space.id, admin);
	expect(records.map((record) => record.fields.title).sort()).toEqual([...titles].sort());
	const ids = await Promise.all(titles.map((title) => spacePage.recordId(title)));
	expect(records.map((record) => record.id).sort()).toEqual(ids.sort());
	await expect(spacePage.items).toHaveCount(3);
});

import { pullAll } from '../fixtures/hub';
import { expect, test, waitForServiceWorker } from './harness/test';
import { joinSpace } from './pages/join-page';
import { IdeaPage } from './pages/idea-page';
import { SpacePage } from './pages/space-page';

// The test stops its hub.
test.use({ hubPerTest: true });

test('writes made while the hub is down wait, then arrive once when it is back', async ({
	page,
	hub,
	admin,
	space
}) => {
	test.setTimeout(90_000);
	const spacePage = new SpacePage(page);
	await joinSpace(page, space);
	// With the hub down, pages come from the service worker's precache.
	await waitForServiceWorker(page);
	await spacePage.expectOpen(space);
	await spacePage.addIdea({ title: 'Before the outage', text: 'Written online' });
	await spacePage.expectBadge('Before the outage', 'confirmed');

	await hub.stop({ keepData: true });
	const titles = ['Community fridge', 'Repair café', 'Heat pump advice'];
	for (const title of titles) await spacePage.addIdea({ title, category: 'food' });
	const id = await spacePage.recordId('Before the outage');
	const editor = new IdeaPage(page);
	await editor.goto(space.id, id);
	await editor.rename('Before and after the outage');
	await spacePage.expectOpen(space);

	for (const title of titles) await spacePage.expectBadge(title, 'waiting');
	await spacePage.expectBadge('Before and after the outage', 'waiting');
	await spacePage.expectSyncState(/waiting|error|offline/);
	await expect(spacePage.syncStatus).toContainText(/\d+ changes? waiting|Sync failed|Offline/);

	await hub.restart();
	// Do not wait for the backoff timer: the status' Retry button (when shown) syncs at once.
	const retry = spacePage.syncStatus.getByRole('button', { name: 'Retry' });
	if (await retry.isVisible()) await retry.click();
	for (const title of [...titles, 'Before and after the outage'])
		await spacePage.expectBadge(title, 'confirmed', 45_000);
	await expect(spacePage.items).toHaveCount(4);

	const records = await pullAll(hub.url, space.id, admin);
	expect(records).toHaveLength(4);
	expect(records.map((record) => record.fields.title).sort()).toEqual(
		[...titles, 'Before and after the outage'].sort()
	);
	expect(records.every((record) => record.fields.deleted !== true)).toBe(true);
	const edited = records.find((record) => record.id === id);
	expect(edited?.fields.text).toBe('Written online');
});

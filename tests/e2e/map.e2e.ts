/**
 * Idea maps for participants (issue 5): an idea placed by tapping the map while offline stays
 * through a reload and reaches the hub once online; another device sees it; support counts
 * once per person; the form alone (keyboard only) adds an idea; the map and the list pass axe.
 * Tiles come from the local fixture tile server: no request leaves 127.0.0.1.
 */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { oncePerPersonId } from '../../src/lib/domain/ids';
import { supportTarget } from '../../src/lib/domain/records/map';
import { pullAll, pullLive } from '../fixtures/hub';
import { expectNoViolations } from './harness/axe';
import { expect, test, waitForServiceWorker } from './harness/test';
import { createMapSpace, type AdminSession } from './harness/staff-api';
import { joinMapSpace, MapPage, watchForeignRequests, type MapSpace } from './pages/map-page';
import { PledgePage } from './pages/pledge-page';

async function hubIdeas(url: string, space: MapSpace, admin: AdminSession) {
	const records = await pullLive(url, space.id, { cookie: admin.cookie });
	return records.filter((record) => record.type === 'mapIdea');
}

/** This device's participant id (the pseudonym the hub knows it by). */
function participantOf(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const open = indexedDB.open('plaza');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('meta').objectStore('meta').get('identity');
					get.onsuccess = () =>
						resolve((get.result as { value: { participant: string } }).value.participant);
					get.onerror = () => reject(get.error);
				};
			})
	);
}

test('an idea placed offline by tapping the map survives a reload, reaches the hub and another device', async ({
	page,
	context,
	browser,
	hub,
	admin
}) => {
	test.setTimeout(120_000);
	const foreign = watchForeignRequests(page);
	const space = await createMapSpace(admin);
	const map = new MapPage(page);
	await joinMapSpace(page, space, 'Mira');
	await map.expectMap();
	await waitForServiceWorker(page);
	await map.expectOpen(space);
	await map.expectMap();

	await context.setOffline(true);
	await map.tapMap(0.3, 0.4);
	await expect(map.form).toBeVisible();
	const lat = Number(await map.lat.inputValue());
	const lng = Number(await map.lng.inputValue());
	// North-west of the centre: the tap was left of and above the middle.
	expect(lat).toBeGreaterThan(space.map.center.lat);
	expect(lng).toBeLessThan(space.map.center.lng);
	await map.fill({
		title: 'Bench by the fountain',
		text: 'Somewhere to rest',
		category: 'Benches'
	});
	await map.submit.click();
	await expect(map.form).toBeHidden();
	await expect(map.detail.getByRole('heading', { level: 2 })).toHaveText('Bench by the fountain');
	await map.expectBadge(map.detail, 'waiting');
	expect(await hubIdeas(hub.url, space, admin)).toHaveLength(0);

	await page.reload();
	await map.expectOpen(space);
	await map.expectMap();
	await expect(page.getByText('1 idea on the map.')).toBeVisible();
	await map.listView.click();
	await expect(map.listCount).toHaveText('1 idea');
	await map.expectBadge(map.item('Bench by the fountain'), 'waiting');

	await context.setOffline(false);
	await map.expectBadge(map.item('Bench by the fountain'), 'confirmed', 30_000);
	const [idea] = await hubIdeas(hub.url, space, admin);
	expect(idea?.fields).toMatchObject({
		title: 'Bench by the fountain',
		text: 'Somewhere to rest',
		category: 'seat',
		authorName: 'Mira',
		photos: '[]'
	});
	expect(JSON.parse(String(idea?.fields.geometry))).toEqual({
		type: 'Point',
		coordinates: [lng, lat]
	});

	const other = await browser.newContext({ baseURL: hub.url });
	try {
		const second = await other.newPage();
		const foreignSecond = watchForeignRequests(second);
		await joinMapSpace(second, space, 'Jonas');
		const secondMap = new MapPage(second);
		await secondMap.expectMap();
		await expect(second.getByText('1 idea on the map.')).toBeVisible({ timeout: 15_000 });
		await secondMap.listView.click();
		await expect(second).toHaveURL(/\?view=list$/);
		await expect(secondMap.item('Bench by the fountain')).toContainText('by Mira');
		expect(foreignSecond).toEqual([]);
	} finally {
		await other.close();
	}
	expect(foreign).toEqual([]);
});

test('support counts once per person: a second press withdraws it, on the hub too', async ({
	page,
	browser,
	hub,
	admin
}) => {
	const space = await createMapSpace(admin);
	const map = new MapPage(page);
	await joinMapSpace(page, space, 'Ana');
	await map.expectMap();
	await map.tapMap(0.6, 0.6);
	await map.fill({ title: 'Shade trees on the square' });
	await map.submit.click();
	await map.expectBadge(map.detail, 'confirmed');
	const [idea] = await hubIdeas(hub.url, space, admin);

	const other = await browser.newContext({ baseURL: hub.url });
	try {
		const second = await other.newPage();
		await joinMapSpace(second, space, 'Ben');
		const secondMap = new MapPage(second);
		await secondMap.goto(space, 'list');
		await secondMap.openFromList('Shade trees on the square');
		await expect(secondMap.support).toHaveAttribute('aria-pressed', 'false');
		await expect(secondMap.supportCount).toHaveText('0 supporters');

		const supports = async () =>
			(await pullAll(hub.url, space.id, { cookie: admin.cookie })).filter(
				(record) => record.type === 'support'
			);
		const id = oncePerPersonId(space.id, supportTarget(idea!.id), await participantOf(second));

		await secondMap.support.click();
		await expect(secondMap.support).toHaveAttribute('aria-pressed', 'true');
		await expect(secondMap.supportCount).toHaveText('1 supporter');
		await expect
			.poll(async () => (await supports()).map((s) => [s.id, s.fields.deleted ?? false]))
			.toEqual([[id, false]]);

		await secondMap.support.click();
		await expect(secondMap.support).toHaveAttribute('aria-pressed', 'false');
		await expect(secondMap.supportCount).toHaveText('0 supporters');
		await expect
			.poll(async () => (await supports()).map((s) => [s.id, s.fields.deleted ?? false]))
			.toEqual([[id, true]]);

		// Supporting again brings back the same record: one per person, never two.
		await secondMap.support.click();
		await expect(secondMap.supportCount).toHaveText('1 supporter');
		await expect
			.poll(async () => (await supports()).map((s) => [s.id, s.fields.deleted ?? false]))
			.toEqual([[id, false]]);

		// The author sees the count arrive live.
		await expect(map.supportCount).toHaveText('1 supporter', { timeout: 15_000 });

		// "I'll use that": a pledge made from the idea says where it came from.
		await second.getByRole('link', { name: "I'll act on this — make a pledge" }).click();
		const pledges = new PledgePage(second);
		await pledges.chooseAction('Leave the car at home');
		await pledges.pledge();
		const card = pledges.card('Leave the car at home');
		await expect(card.root.getByTestId('pledge-origin')).toContainText('Shade trees on the square');
		await card.expectSynced();
	} finally {
		await other.close();
	}
});

test('an idea can be added with the keyboard only, through the form', async ({
	page,
	hub,
	admin
}) => {
	const space = await createMapSpace(admin);
	const map = new MapPage(page);
	await joinMapSpace(page, space);
	await map.expectMap();

	let steps = 0;
	while (!(await map.addButton.evaluate((element) => element === document.activeElement))) {
		expect(++steps, '"Add an idea" is reachable with Tab').toBeLessThan(40);
		await page.keyboard.press('Tab');
	}
	await page.keyboard.press('Enter');
	await expect(map.form.getByRole('heading', { name: 'New idea' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(map.title).toBeFocused();
	await page.keyboard.type('Bike racks at the station');
	await page.keyboard.press('Tab');
	await expect(map.description).toBeFocused();
	await page.keyboard.type('Twenty racks would do');
	await page.keyboard.press('Tab');
	await expect(map.category).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Tab');
	await expect(map.form.getByRole('radio', { name: 'A place' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(map.lat).toBeFocused();
	await page.keyboard.type('53.5507');
	await page.keyboard.press('Tab');
	await expect(map.lng).toBeFocused();
	await page.keyboard.type('9,9931');
	await page.keyboard.press('Enter');

	await expect(map.detail.getByRole('heading', { level: 2 })).toBeFocused();
	await expect(map.detail.getByRole('heading', { level: 2 })).toHaveText(
		'Bike racks at the station'
	);
	await map.expectBadge(map.detail, 'confirmed');
	const [idea] = await hubIdeas(hub.url, space, admin);
	expect(idea?.fields).toMatchObject({ title: 'Bike racks at the station', category: 'green' });
	expect(JSON.parse(String(idea?.fields.geometry))).toEqual({
		type: 'Point',
		coordinates: [9.9931, 53.5507]
	});
});

test('the map page and the list view pass axe', async ({ page, admin }) => {
	const foreign = watchForeignRequests(page);
	const space = await createMapSpace(admin);
	const map = new MapPage(page);
	await joinMapSpace(page, space);
	await map.expectMap();
	await expectNoViolations(page, '/s/<map space> (empty map)');

	await map.tapMap();
	await expect(map.form).toBeVisible();
	await expectNoViolations(page, '/s/<map space> (new idea form)');
	await map.fill({ title: 'Water fountain' });
	await map.submit.click();
	await map.expectBadge(map.detail, 'confirmed');
	await expectNoViolations(page, '/s/<map space> (idea details)');

	await map.listView.click();
	await expect(map.item('Water fountain')).toBeVisible();
	await expectNoViolations(page, '/s/<map space>?view=list');
	expect(foreign).toEqual([]);
});

test('a route drawn by taps with undo and finish; my own pin dragged to correct it', async ({
	page,
	hub,
	admin
}) => {
	const space = await createMapSpace(admin);
	const map = new MapPage(page);
	await joinMapSpace(page, space);
	await map.expectMap();

	await map.addButton.click();
	await map.form.getByRole('radio', { name: 'A route' }).check();
	const vertices = map.form.getByLabel(/^Points/);
	for (const [x, y] of [
		[0.2, 0.3],
		[0.4, 0.5],
		[0.9, 0.9]
	] as const)
		await map.tapMap(x, y);
	await expect(vertices).toHaveValue(/^[^\n]+\n[^\n]+\n[^\n]+$/);
	await map.form.getByRole('button', { name: 'Undo last point' }).click();
	await map.tapMap(0.6, 0.5);
	await map.form.getByRole('button', { name: 'Finish' }).click();
	await expect(map.title).toBeFocused();
	// Finished: another tap adds nothing.
	await map.tapMap(0.1, 0.9);
	await expect(vertices).toHaveValue(/^[^\n]+\n[^\n]+\n[^\n]+$/);
	await map.fill({ title: 'Cycle route to school', category: 'Greenery' });
	await map.submit.click();
	await expect(map.detail).toContainText('Route');
	await map.expectBadge(map.detail, 'confirmed');
	const [route] = await hubIdeas(hub.url, space, admin);
	const line = JSON.parse(String(route?.fields.geometry)) as {
		type: string;
		coordinates: number[][];
	};
	expect(line.type).toBe('LineString');
	expect(line.coordinates).toHaveLength(3);
	expect(line.coordinates[0]![0]).toBeLessThan(line.coordinates[2]![0]!);

	await map.detail.getByRole('button', { name: 'Close' }).click();
	await map.tapMap(0.5, 0.2);
	await map.fill({ title: 'Bench under the lime tree' });
	await map.submit.click();
	await map.expectBadge(map.detail, 'confirmed');
	const before = (await hubIdeas(hub.url, space, admin)).find(
		(idea) => idea.fields.title === 'Bench under the lime tree'
	)!;
	const [lng0, lat0] = (JSON.parse(String(before.fields.geometry)) as { coordinates: number[] })
		.coordinates as [number, number];

	const pin = page.getByRole('button', { name: 'Move “Bench under the lime tree”: drag this pin' });
	await expect(pin).toBeVisible();
	await map.map.scrollIntoViewIfNeeded();
	const box = (await pin.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 60, { steps: 8 });
	await page.mouse.up();
	await expect(page.getByText('Your idea was moved.')).toBeAttached();
	await expect
		.poll(async () => {
			const moved = (await hubIdeas(hub.url, space, admin)).find((idea) => idea.id === before.id);
			return (JSON.parse(String(moved?.fields.geometry)) as { coordinates: number[] }).coordinates;
		})
		.not.toEqual([lng0, lat0]);
	const moved = (await hubIdeas(hub.url, space, admin)).find((idea) => idea.id === before.id)!;
	const [lng1, lat1] = (JSON.parse(String(moved.fields.geometry)) as { coordinates: number[] })
		.coordinates as [number, number];
	// Dragged right and down: east and south.
	expect(lng1).toBeGreaterThan(lng0);
	expect(lat1).toBeLessThan(lat0);
});

test('the category filter applies to the map and the list; a closed map says so', async ({
	page,
	admin
}) => {
	const space = await createMapSpace(admin);
	const map = new MapPage(page);
	await joinMapSpace(page, space);
	await map.expectMap();
	for (const [title, category] of [
		['Plane trees', 'Greenery'],
		['Bench at the stop', 'Benches']
	] as const) {
		await map.addButton.click();
		await map.fill({ title, category });
		await map.lat.fill('53.5504');
		await map.lng.fill('9.9926');
		await map.submit.click();
		await expect(map.detail.getByRole('heading', { level: 2 })).toHaveText(title);
	}
	await expect(page.getByText('2 ideas on the map.')).toBeVisible();
	const filter = page.getByRole('group', { name: 'Categories' });
	await filter.getByRole('checkbox', { name: 'Greenery' }).uncheck();
	await expect(page.getByText('1 idea on the map.')).toBeVisible();
	await map.listView.click();
	await expect(map.listCount).toHaveText('1 idea');
	await expect(map.item('Bench at the stop')).toBeVisible();
	await expect(map.item('Plane trees')).toHaveCount(0);
	await filter.getByRole('button', { name: 'Show all' }).click();
	await expect(map.listCount).toHaveText('2 ideas');
	// Sorting keeps the count; "Nearest" measures from the centre of the map.
	await page.getByLabel('Sort by').selectOption({ label: 'Nearest' });
	await expect(map.items.first()).toContainText('m away');

	const closed = await createMapSpace(admin, { closesAt: '2021-01-01T00:00:00Z' });
	await joinMapSpace(page, closed);
	await map.expectMap();
	await expect(map.closedNotice).toContainText('This map closed on');
	await expect(map.addButton).toBeDisabled();
	// A tap on a closed map opens no form.
	await map.tapMap();
	await expect(map.form).toHaveCount(0);
});

test.describe('with the device’s location', () => {
	test.use({
		geolocation: { latitude: 53.5511, longitude: 9.9937, accuracy: 25 },
		permissions: ['geolocation']
	});

	test('"use my location" places the idea and shows its accuracy', async ({ page, admin }) => {
		const space = await createMapSpace(admin);
		const map = new MapPage(page);
		await joinMapSpace(page, space);
		await map.expectMap();
		await map.addButton.click();
		await map.form.getByRole('button', { name: 'Use my location' }).click();
		await expect(map.form.getByTestId('accuracy')).toHaveText(
			'Your location, accurate to about 25 m'
		);
		await expect(map.lat).toHaveValue('53.5511');
		await expect(map.lng).toHaveValue('9.9937');
	});
});

/** A 640 × 480 PNG of two colours: something a phone camera would hand over. */
function photoPng(): Buffer {
	const png = new PNG({ width: 640, height: 480 });
	for (let i = 0; i < png.data.length; i += 4) {
		const left = (i / 4) % 640 < 320;
		png.data.set(left ? [200, 60, 40, 255] : [40, 120, 200, 255], i);
	}
	return PNG.sync.write(png);
}

test('a photo is made small on the device, reaches the hub before its idea, and shows elsewhere', async ({
	page,
	browser,
	hub,
	admin
}) => {
	const space = await createMapSpace(admin);
	const map = new MapPage(page);
	await joinMapSpace(page, space, 'Ana');
	await map.expectMap();
	await map.tapMap(0.5, 0.5);
	await map.fill({ title: 'Green roof on the bus shelter' });
	await map.form
		.getByLabel('Add photos')
		.setInputFiles({ name: 'roof.png', mimeType: 'image/png', buffer: photoPng() });
	await expect(map.form.getByRole('img', { name: 'Photo 1 of your idea' })).toBeVisible();
	await map.submit.click();
	await map.expectBadge(map.detail, 'confirmed');
	await expect(map.detail.getByTestId('map-photo')).toBeVisible();

	const [idea] = await hubIdeas(hub.url, space, admin);
	const [sha256] = JSON.parse(String(idea?.fields.photos)) as string[];
	expect(sha256).toMatch(/^[0-9a-f]{64}$/);
	const blob = await fetch(`${hub.url}/api/v1/blobs/${sha256}?space=${space.id}`, {
		headers: { cookie: admin.cookie }
	});
	expect(blob.status).toBe(200);
	expect(blob.headers.get('content-type')).toBe('image/jpeg');

	const other = await browser.newContext({ baseURL: hub.url });
	try {
		const second = await other.newPage();
		await joinMapSpace(second, space, 'Ben');
		const secondMap = new MapPage(second);
		await secondMap.goto(space, 'list');
		await secondMap.openFromList('Green roof on the bus shelter');
		const image = secondMap.detail.getByRole('img', {
			name: 'Photo 1 of “Green roof on the bus shelter”'
		});
		await expect(image).toBeVisible();
		expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
	} finally {
		await other.close();
	}
});

/**
 * Offline maps (issue 5): a facilitator saves an area of a map space for offline use (the
 * hub's tiles come from the local fixture tile server, which allows bulk downloads), then,
 * with no network and the tile server gone, the map shows the saved tiles from the device,
 * a plain placeholder where no tile was saved, and the ideas on top.
 */
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { formatHlc } from '../../src/lib/domain/hlc';
import { expandTemplate, tileCount, tilesInBounds } from '../../src/lib/domain/tiles';
import { sharedTileServer } from '../fixtures/tiles';
import { expectNoViolations } from './harness/axe';
import { expect, test, waitForServiceWorker } from './harness/test';
import type { MapCategory, MapSettings } from '../../src/lib/domain/map';
import { createMapSpace, type AdminSession } from './harness/staff-api';
import { joinSpace } from './pages/join-page';
import { OfflineMapPage } from './pages/offline-map-page';
import { LoginPage } from './pages/staff-pages';

const centre = { lat: 53.5503, lng: 9.9925 };
/** A small boundary around the centre: about 200 m across, one or two tiles at zoom 15. */
const box = { south: 53.5493, west: 9.991, north: 53.5513, east: 9.994 };
const boundary = {
	type: 'Polygon',
	coordinates: [
		[
			[box.west, box.south],
			[box.east, box.south],
			[box.east, box.north],
			[box.west, box.north],
			[box.west, box.south]
		]
	]
};
const category: MapCategory = { id: 'green', label: 'Greenery', colour: '#c2185b', icon: 'tree' };

/** A map space made through the hub API, with one idea at its centre. */
async function mapSpace(admin: AdminSession) {
	const space = await createMapSpace(admin, {
		center: centre,
		zoom: 15,
		boundary: boundary as MapSettings['boundary'],
		categories: [category]
	});
	const idea = {
		title: 'Plane trees along the square',
		text: 'Shade for the market days.',
		category: category.id,
		geometry: JSON.stringify({ type: 'Point', coordinates: [centre.lng, centre.lat] }),
		photos: '[]',
		language: 'en',
		authorName: 'Ada',
		createdAt: Date.now()
	};
	const push = await admin.api.post('/api/v1/sync/push', {
		data: {
			protocol: 1,
			deviceId: randomUUID(),
			participant: admin.account.id,
			batches: [
				{
					seq: 1,
					mutations: [
						{
							id: randomUUID(),
							type: 'mapIdea',
							space: space.id,
							hlc: formatHlc({ wall: Date.now(), counter: 0, node: 'e2e' }),
							patch: idea
						}
					]
				}
			]
		}
	});
	expect(push.status(), await push.text()).toBe(200);
	const result = (await push.json()) as { results: { mutations: { status: string }[] }[] };
	expect(result.results[0]!.mutations[0]!.status).toBe('applied');
	return { ...space, idea };
}

/** Every Leaflet tile image of the map in `selector`: its URL and whether it drew. */
function tileImages(page: Page, selector: string) {
	return page.locator(`${selector} img.leaflet-tile`).evaluateAll((images) =>
		(images as HTMLImageElement[]).map((image) => ({
			src: image.src,
			loaded: image.complete && image.naturalWidth > 0,
			width: image.naturalWidth
		}))
	);
}

/** Waits until the map's canvas shows pixels of `colour` (#rrggbb): an idea's pin is drawn. */
async function expectPinDrawn(page: Page, colour: string): Promise<void> {
	const count = () =>
		page.locator('[data-testid="idea-map"] canvas').evaluateAll((canvases, hex) => {
			const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [
				number,
				number,
				number
			];
			let found = 0;
			for (const canvas of canvases as HTMLCanvasElement[]) {
				const ctx = canvas.getContext('2d');
				if (!ctx || canvas.width === 0 || canvas.height === 0) continue;
				const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
				for (let i = 0; i < data.length; i += 4)
					if (
						Math.abs(data[i]! - r) < 8 &&
						Math.abs(data[i + 1]! - g) < 8 &&
						Math.abs(data[i + 2]! - b) < 8 &&
						data[i + 3]! > 200
					)
						found++;
			}
			return found;
		}, colour);
	await expect
		.poll(count, { message: 'the idea’s pin is drawn on the map', timeout: 20_000 })
		.toBeGreaterThan(0);
}

test('a facilitator saves an area; offline the map shows it, a placeholder elsewhere, and the ideas', async ({
	page,
	context,
	admin
}) => {
	test.setTimeout(120_000);
	const tiles = await sharedTileServer();
	const space = await mapSpace(admin);
	const [zMin, zMax] = [14, 16];
	const savedUrls = [...tilesInBounds(box, zMin, zMax)].map(({ z, x, y }) =>
		expandTemplate(tiles.urlTemplate, z, x, y)
	);

	const login = new LoginPage(page);
	await login.goto();
	await login.logIn(admin);
	await page.waitForURL((url) => url.pathname === '/facilitate');

	const offline = new OfflineMapPage(page);
	await offline.goto(space.id);
	await offline.expectOpen();
	await waitForServiceWorker(page);
	await offline.expectOpen();
	await expect(offline.notAllowed).toHaveCount(0);

	// The count and size are shown before anything is downloaded.
	await offline.choose('boundary', zMin, zMax);
	const count = tileCount(box, zMin, zMax);
	await expect(offline.plan).toContainText(`${count} tiles, about`);
	tiles.clearRequests();
	await offline.saveChosen();
	await expect(offline.outcome).toContainText(`Saved: ${count} tiles`);
	await expect(offline.savedAreas).toHaveCount(1);
	await expect(offline.savedAreas.first()).toContainText(`Zoom ${zMin}–${zMax}: ${count} tiles`);
	// Only the area's tiles were fetched (some may have come from the browser's HTTP cache).
	const savedPaths = savedUrls.map((url) => new URL(url).pathname);
	for (const path of tiles.requests()) expect(savedPaths).toContain(path);
	const cached = await page.evaluate(async () => {
		const cache = await caches.open('plaza-tiles-saved');
		return (await cache.keys()).map((request) => request.url);
	});
	expect(cached.sort()).toEqual([...savedUrls].sort());

	await expectNoViolations(page, 'the offline-map page');

	// The participant view of the same device: join, see the idea, then lose the network.
	await joinSpace(page, space);
	await expect(page.getByTestId('idea-map').locator('img.leaflet-tile').first()).toBeAttached();
	await expectPinDrawn(page, category.colour);

	// Only the saved tiles may show now: no tiles seen on the way, no HTTP cache, no network.
	await page.evaluate(() => caches.delete('plaza-tiles-seen'));
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.clearBrowserCache');
	tiles.clearRequests();
	tiles.setAvailable(false);
	await context.setOffline(true);
	try {
		await page.reload();
		const map = '[data-testid="idea-map"]';
		await expect
			.poll(
				async () => {
					const images = await tileImages(page, map);
					return images.length > 0 && images.every((image) => image.loaded);
				},
				{
					message: 'every tile of the map has drawn (a saved tile or the placeholder)',
					timeout: 20_000
				}
			)
			.toBe(true);
		const images = await tileImages(page, map);
		const real = images.filter((image) => image.src.startsWith(tiles.origin));
		const placeholders = images.filter((image) => image.src.startsWith('data:image/svg+xml'));
		// The saved tiles load from the device (the fixture tiles are 256 px PNGs)…
		expect(real.length).toBeGreaterThan(0);
		for (const image of real) {
			expect(savedUrls).toContain(image.src);
			expect(image.width).toBe(256);
		}
		// …tiles outside the saved area show the plain placeholder…
		expect(placeholders.length).toBeGreaterThan(0);
		expect(real.length + placeholders.length).toBe(images.length);
		// …and no saved tile was asked of the tile server.
		const asked = new Set(tiles.requests());
		for (const path of savedPaths) expect(asked.has(path)).toBe(false);

		// The idea is still drawn on the map, over the tiles, and is in the list.
		await expectPinDrawn(page, category.colour);
		await page.goto(`/s/${space.id}?view=list`);
		await expect(page.getByText(space.idea.title)).toBeVisible();
	} finally {
		tiles.setAvailable(true);
		await context.setOffline(false);
	}
});

import { describe, expect, it } from 'vitest';
import type { TileConfig } from '$lib/domain/map';
import { expandTemplate, tileCount, tilesInBounds, type TileBounds } from '$lib/domain/tiles';
import {
	deleteArea,
	planArea,
	saveArea,
	savedAreas,
	savedTilesCache,
	TileSaveError,
	type SaveProgress
} from '$lib/pwa/tile-cache';

/** An in-memory Cache Storage: enough of the API for the tile cache. */
function fakeCaches() {
	const stores = new Map<string, Map<string, Response>>();
	const open = async (name: string) => {
		const store = stores.get(name) ?? new Map<string, Response>();
		stores.set(name, store);
		return {
			match: async (url: string) => store.get(url)?.clone(),
			put: async (url: string, response: Response) => void store.set(url, response),
			delete: async (url: string) => store.delete(url)
		} as unknown as Cache;
	};
	return { storage: { open } as unknown as CacheStorage, stores };
}

function memoryStore() {
	const values = new Map<string, string>();
	return {
		getItem: (key: string) => values.get(key) ?? null,
		setItem: (key: string, value: string) => void values.set(key, value)
	};
}

/** A tile server: every tile is its URL's bytes; `fail` tiles answer 404. */
function tileServer(fail: (url: string) => boolean = () => false) {
	const requests: string[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const fetchFn = (async (input: string, init?: RequestInit) => {
		requests.push(input);
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		await new Promise((resolve) => setTimeout(resolve, 1));
		inFlight--;
		if (init?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
		if (fail(input)) return new Response('no', { status: 404 });
		return new Response(input, { headers: { 'content-type': 'image/png' } });
	}) as typeof fetch;
	return { fetchFn, requests, maxInFlight: () => maxInFlight };
}

const tiles: TileConfig = {
	url: 'https://{s}.tiles.test/{z}/{x}/{y}.png',
	attribution: 'Test',
	maxZoom: 19,
	bulkDownload: true,
	maxSavedTiles: 500
};
const altona: TileBounds = { south: 53.54, west: 9.92, north: 53.56, east: 9.96 };

describe('planning an area', () => {
	it('counts the tiles and estimates the size before anything is fetched', () => {
		const plan = planArea(tiles, altona, 12, 15);
		expect(plan.count).toBe(tileCount(altona, 12, 15));
		expect(plan.bytes).toBe(plan.count * 15_000);
		expect(plan.refusal).toBeNull();
	});

	it('refuses an area over the cap, and any area when bulk download is not allowed', () => {
		expect(planArea(tiles, altona, 12, 19).refusal).toBe('too-many-tiles');
		expect(planArea({ ...tiles, bulkDownload: false }, altona, 12, 13).refusal).toBe(
			'bulk-not-allowed'
		);
	});
});

describe('saving an area', () => {
	it('saves every tile under the URL Leaflet asks, four at a time, and records the area', async () => {
		const { storage, stores } = fakeCaches();
		const store = memoryStore();
		const server = tileServer();
		const seen: SaveProgress[] = [];
		const area = await saveArea({
			space: 'altona',
			tiles,
			bounds: altona,
			zMin: 12,
			zMax: 15,
			fetchFn: server.fetchFn,
			cacheStorage: storage,
			store,
			onProgress: (progress) => seen.push(progress)
		});
		const urls = [...tilesInBounds(altona, 12, 15)].map(({ z, x, y }) =>
			expandTemplate(tiles.url, z, x, y)
		);
		expect(server.requests.sort()).toEqual([...urls].sort());
		expect(server.maxInFlight()).toBe(4);
		const cache = stores.get(savedTilesCache)!;
		expect([...cache.keys()].sort()).toEqual([...urls].sort());
		expect(await cache.get(urls[0]!)!.clone().text()).toBe(urls[0]);
		expect(area).toMatchObject({
			space: 'altona',
			count: urls.length,
			saved: urls.length,
			failed: 0,
			complete: true,
			zMin: 12,
			zMax: 15
		});
		expect(area.bytes).toBe(urls.reduce((sum, url) => sum + url.length, 0));
		expect(seen.at(-1)).toMatchObject({ done: urls.length, total: urls.length });
		expect(savedAreas('altona', store)).toEqual([area]);
		expect(savedAreas('elsewhere', store)).toEqual([]);
	});

	it('skips tiles already saved and counts tiles the server did not give', async () => {
		const { storage } = fakeCaches();
		const store = memoryStore();
		const first = tileServer();
		await saveArea({
			space: 's',
			tiles,
			bounds: altona,
			zMin: 12,
			zMax: 13,
			fetchFn: first.fetchFn,
			cacheStorage: storage,
			store
		});
		const again = tileServer((url) => url.includes('/14/'));
		const area = await saveArea({
			space: 's',
			tiles,
			bounds: altona,
			zMin: 12,
			zMax: 14,
			fetchFn: again.fetchFn,
			cacheStorage: storage,
			store
		});
		expect(again.requests.every((url) => url.includes('/14/'))).toBe(true);
		const at14 = tileCount(altona, 14, 14);
		expect(area.failed).toBe(at14);
		expect(area.saved).toBe(tileCount(altona, 12, 13));
	});

	it('refuses over the cap and without bulk download, fetching nothing', async () => {
		const { storage } = fakeCaches();
		const server = tileServer();
		const over = saveArea({
			space: 's',
			tiles: { ...tiles, maxSavedTiles: 3 },
			bounds: altona,
			zMin: 12,
			zMax: 15,
			fetchFn: server.fetchFn,
			cacheStorage: storage,
			store: memoryStore()
		});
		await expect(over).rejects.toBeInstanceOf(TileSaveError);
		await expect(over).rejects.toMatchObject({ reason: 'too-many-tiles' });
		const osm = saveArea({
			space: 's',
			tiles: { ...tiles, bulkDownload: false },
			bounds: altona,
			zMin: 12,
			zMax: 12,
			fetchFn: server.fetchFn,
			cacheStorage: storage,
			store: memoryStore()
		});
		await expect(osm).rejects.toMatchObject({ reason: 'bulk-not-allowed' });
		expect(server.requests).toEqual([]);
	});

	it('stops on cancel and keeps what it saved as an incomplete area', async () => {
		const { storage } = fakeCaches();
		const store = memoryStore();
		const server = tileServer();
		const controller = new AbortController();
		const area = await saveArea({
			space: 's',
			tiles,
			bounds: altona,
			zMin: 12,
			zMax: 16,
			fetchFn: server.fetchFn,
			cacheStorage: storage,
			store,
			signal: controller.signal,
			onProgress: (progress) => {
				if (progress.done >= 10) controller.abort();
			}
		});
		expect(area.complete).toBe(false);
		expect(area.saved).toBeGreaterThanOrEqual(10);
		expect(area.saved).toBeLessThan(area.count);
		expect(server.requests.length).toBeLessThan(area.count);
		expect(savedAreas('s', store)).toHaveLength(1);
	});
});

describe('deleting an area', () => {
	it('removes its tiles except those another saved area holds', async () => {
		const { storage, stores } = fakeCaches();
		const store = memoryStore();
		const small = await saveArea({
			space: 's',
			tiles,
			bounds: altona,
			zMin: 12,
			zMax: 13,
			fetchFn: tileServer().fetchFn,
			cacheStorage: storage,
			store
		});
		const large = await saveArea({
			space: 's',
			tiles,
			bounds: altona,
			zMin: 12,
			zMax: 14,
			fetchFn: tileServer().fetchFn,
			cacheStorage: storage,
			store
		});
		const cache = stores.get(savedTilesCache)!;
		expect(cache.size).toBe(tileCount(altona, 12, 14));
		expect(await deleteArea(large.id, { cacheStorage: storage, store })).toBe(
			tileCount(altona, 14, 14)
		);
		expect(cache.size).toBe(tileCount(altona, 12, 13));
		expect(savedAreas('s', store).map((a) => a.id)).toEqual([small.id]);
		expect(await deleteArea(small.id, { cacheStorage: storage, store })).toBe(
			tileCount(altona, 12, 13)
		);
		expect(cache.size).toBe(0);
		expect(await deleteArea('unknown', { cacheStorage: storage, store })).toBe(0);
	});
});

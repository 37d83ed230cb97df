/**
 * Map areas saved for offline use, on this device (issue 5). The page downloads every tile of
 * an area (bounds × zoom range) into the Cache Storage cache `plaza-tiles-saved`, under the very
 * URL Leaflet asks for (`expandTemplate`), and the service worker answers those requests from
 * it before anything else; saved tiles never expire. The list of areas (bounds, zooms, tile
 * count, bytes) is kept in localStorage; deleting an area removes the tiles no other saved
 * area needs.
 *
 * Only from a tile server that allows bulk downloads (`TileConfig.bulkDownload`: never
 * OpenStreetMap's, whose tile usage policy forbids it) and never more than
 * `TileConfig.maxSavedTiles` tiles per area: the count is known before the first request, and
 * an area over the cap is refused before anything is fetched.
 */
import type { TileConfig } from '$lib/domain/map';
import {
	estimateBytes,
	expandTemplate,
	fromOpenStreetMap,
	tileCount,
	tilesInBounds,
	type TileBounds,
	type TileCoord
} from '$lib/domain/tiles';

export const savedTilesCache = 'plaza-tiles-saved';
const storageKey = 'plaza.tiles.savedAreas';
/** Tiles fetched at the same time: polite to the tile server, quick enough on a phone. */
export const downloadConcurrency = 4;

export interface SavedArea {
	id: string;
	/** The space it was saved for. */
	space: string;
	bounds: TileBounds;
	zMin: number;
	zMax: number;
	/** The tile URL template the tiles came from. */
	template: string;
	/** Tiles of the area (whether or not each could be saved). */
	count: number;
	/** Tiles now in the cache for this area (saved now or found there already). */
	saved: number;
	/** Tiles the tile server did not give. */
	failed: number;
	/** Bytes downloaded for this area. */
	bytes: number;
	/** False when the download was cancelled part way. */
	complete: boolean;
	savedAt: string;
}

export interface SaveProgress {
	total: number;
	/** Tiles dealt with so far: saved, already there, or failed. */
	done: number;
	saved: number;
	skipped: number;
	failed: number;
	bytes: number;
}

export type SaveRefusal = 'bulk-not-allowed' | 'too-many-tiles' | 'no-storage';

/** Saving an area was refused before any tile was fetched. */
export class TileSaveError extends Error {
	override name = 'TileSaveError';
	constructor(
		readonly reason: SaveRefusal,
		message: string
	) {
		super(message);
	}
}

/** What saving an area would take, shown before anything is downloaded. */
export interface AreaPlan {
	count: number;
	bytes: number;
	/** Why it cannot be saved, or null. */
	refusal: SaveRefusal | null;
}

/** The tile count, size estimate and, if any, why saving is refused. */
export function planArea(tiles: TileConfig, bounds: TileBounds, zMin: number, zMax: number) {
	const count = tileCount(bounds, zMin, zMax);
	const plan: AreaPlan = { count, bytes: estimateBytes(count), refusal: null };
	if (!tiles.bulkDownload || fromOpenStreetMap(tiles.url)) plan.refusal = 'bulk-not-allowed';
	else if (count > tiles.maxSavedTiles) plan.refusal = 'too-many-tiles';
	return plan;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStore(): KeyValueStore | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

function readAreas(store: KeyValueStore | undefined): SavedArea[] {
	try {
		const value: unknown = JSON.parse(store?.getItem(storageKey) ?? '[]');
		return Array.isArray(value) ? (value as SavedArea[]) : [];
	} catch {
		return [];
	}
}

function writeAreas(areas: SavedArea[], store: KeyValueStore | undefined): void {
	try {
		store?.setItem(storageKey, JSON.stringify(areas));
	} catch {
		// Storage refused: the tiles stay cached; only the list is lost.
	}
}

/** The saved areas on this device (of one space when given), newest first. */
export function savedAreas(space?: string, store = defaultStore()): SavedArea[] {
	return readAreas(store)
		.filter((area) => space === undefined || area.space === space)
		.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** The URL of every tile of an area, as Leaflet asks for them. */
export function* areaTileUrls(
	template: string,
	bounds: TileBounds,
	zMin: number,
	zMax: number
): Generator<string> {
	for (const { z, x, y } of tilesInBounds(bounds, zMin, zMax))
		yield expandTemplate(template, z, x, y);
}

export interface SaveOptions {
	space: string;
	tiles: TileConfig;
	bounds: TileBounds;
	zMin: number;
	zMax: number;
	onProgress?: (progress: SaveProgress) => void;
	/** Aborting stops the download; the tiles saved so far stay, as an incomplete area. */
	signal?: AbortSignal;
	fetchFn?: typeof fetch;
	cacheStorage?: CacheStorage;
	store?: KeyValueStore;
	now?: () => Date;
}

/**
 * Downloads an area's tiles into the saved-tiles cache, `downloadConcurrency` at a time,
 * skipping tiles already saved; reports progress after every tile and records the area. A
 * refused area (`planArea`) throws a `TileSaveError` before any request.
 */
export async function saveArea(options: SaveOptions): Promise<SavedArea> {
	const { tiles, bounds, zMin, zMax, signal } = options;
	const plan = planArea(tiles, bounds, zMin, zMax);
	if (plan.refusal === 'bulk-not-allowed')
		throw new TileSaveError(plan.refusal, 'The tile server does not allow saving areas.');
	if (plan.refusal === 'too-many-tiles')
		throw new TileSaveError(
			plan.refusal,
			`The area has ${plan.count} tiles; at most ${tiles.maxSavedTiles} can be saved.`
		);
	const storage = options.cacheStorage ?? globalThis.caches;
	if (!storage) throw new TileSaveError('no-storage', 'This browser cannot save tiles.');
	const fetchFn = options.fetchFn ?? ((input, init) => globalThis.fetch(input, init));
	const cache = await storage.open(savedTilesCache);
	const progress: SaveProgress = {
		total: plan.count,
		done: 0,
		saved: 0,
		skipped: 0,
		failed: 0,
		bytes: 0
	};
	options.onProgress?.({ ...progress });

	const coords: Iterator<TileCoord> = tilesInBounds(bounds, zMin, zMax);
	let taken = 0;
	const next = (): TileCoord | undefined => {
		// The count was checked; this keeps the promise even if the two ever disagreed.
		if (signal?.aborted || taken >= tiles.maxSavedTiles) return undefined;
		const step = coords.next();
		if (step.done) return undefined;
		taken++;
		return step.value;
	};

	async function saveTile({ z, x, y }: TileCoord): Promise<void> {
		const url = expandTemplate(tiles.url, z, x, y);
		if (await cache.match(url, { ignoreVary: true })) {
			progress.skipped++;
			return;
		}
		try {
			const response = await fetchFn(url, { mode: 'cors', credentials: 'omit', signal });
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			const body = await response.blob();
			// Only the type travels: the body is decoded, and a tile is a tile whoever asks.
			const type = response.headers.get('content-type') ?? body.type;
			await cache.put(
				url,
				new Response(body, { status: 200, headers: type ? { 'content-type': type } : {} })
			);
			progress.saved++;
			progress.bytes += body.size;
		} catch (error) {
			if (signal?.aborted) throw error;
			progress.failed++;
		}
	}

	async function worker(): Promise<void> {
		for (let coord = next(); coord; coord = next()) {
			try {
				await saveTile(coord);
			} catch {
				return; // aborted
			}
			progress.done++;
			options.onProgress?.({ ...progress });
		}
	}

	await Promise.all(Array.from({ length: downloadConcurrency }, worker));

	const now = (options.now ?? (() => new Date()))();
	const area: SavedArea = {
		id: `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
		space: options.space,
		bounds: { ...bounds },
		zMin,
		zMax,
		template: tiles.url,
		count: plan.count,
		saved: progress.saved + progress.skipped,
		failed: progress.failed,
		bytes: progress.bytes,
		complete: !signal?.aborted,
		savedAt: now.toISOString()
	};
	if (area.saved > 0 || area.complete) {
		const store = options.store ?? defaultStore();
		writeAreas([...readAreas(store), area], store);
	}
	return area;
}

/**
 * Forgets a saved area and removes its tiles from the cache, except those another saved area
 * still holds. Returns how many tiles were removed.
 */
export async function deleteArea(
	id: string,
	options: { cacheStorage?: CacheStorage; store?: KeyValueStore } = {}
): Promise<number> {
	const store = options.store ?? defaultStore();
	const areas = readAreas(store);
	const area = areas.find((a) => a.id === id);
	if (!area) return 0;
	const rest = areas.filter((a) => a.id !== id);
	writeAreas(rest, store);
	const keep = new Set<string>();
	for (const other of rest)
		for (const url of areaTileUrls(other.template, other.bounds, other.zMin, other.zMax))
			keep.add(url);
	const storage = options.cacheStorage ?? globalThis.caches;
	if (!storage) return 0;
	const cache = await storage.open(savedTilesCache);
	let removed = 0;
	for (const url of areaTileUrls(area.template, area.bounds, area.zMin, area.zMax)) {
		if (keep.has(url)) continue;
		if (await cache.delete(url, { ignoreVary: true })) removed++;
	}
	return removed;
}

/**
 * Tile arithmetic for maps (issue 5): which slippy-map tiles (Web Mercator, z/x/y as
 * OpenStreetMap numbers them) cover an area over a range of zoom levels, how many they are,
 * roughly how many bytes they take, and the URL of one tile from the hub's URL template.
 * Pure: the offline-area download and the service worker use these, nothing here fetches.
 */

/** An area in degrees (WGS 84), as Leaflet's LatLngBounds gives it. */
export interface TileBounds {
	south: number;
	west: number;
	north: number;
	east: number;
}

export interface TileCoord {
	z: number;
	x: number;
	y: number;
}

/** The subdomains `{s}` cycles through, as Leaflet's default. */
export const tileSubdomains: readonly string[] = ['a', 'b', 'c'];

/** Web Mercator stops here: the square world map of the tiles. */
const maxLatitude = 85.0511287798066;

/** A raster tile's typical size; OpenStreetMap-style PNG tiles average about 15 KB. */
export const averageTileBytes = 15_000;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The tile column of a longitude at zoom `z`. */
export function tileX(lng: number, z: number): number {
	const n = 2 ** z;
	return clamp(Math.floor(((lng + 180) / 360) * n), 0, n - 1);
}

/** The tile row of a latitude at zoom `z` (row 0 is the north). */
export function tileY(lat: number, z: number): number {
	const n = 2 ** z;
	const rad = (clamp(lat, -maxLatitude, maxLatitude) * Math.PI) / 180;
	const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
	return clamp(Math.floor(y), 0, n - 1);
}

/** The tile ranges (inclusive) covering `bounds` at zoom `z`. */
export function tileRange(bounds: TileBounds, z: number) {
	const west = Math.min(bounds.west, bounds.east);
	const east = Math.max(bounds.west, bounds.east);
	const north = Math.max(bounds.north, bounds.south);
	const south = Math.min(bounds.north, bounds.south);
	return {
		minX: tileX(west, z),
		maxX: tileX(east, z),
		minY: tileY(north, z),
		maxY: tileY(south, z)
	};
}

function checkZooms(zMin: number, zMax: number): void {
	if (!Number.isInteger(zMin) || !Number.isInteger(zMax) || zMin < 0 || zMax > 24 || zMin > zMax)
		throw new RangeError(`A zoom range is whole numbers 0–24, lowest first (${zMin}–${zMax}).`);
}

/** Every tile covering `bounds` from zoom `zMin` to `zMax`, lowest zoom first, lazily. */
export function* tilesInBounds(
	bounds: TileBounds,
	zMin: number,
	zMax: number
): Generator<TileCoord, void, undefined> {
	checkZooms(zMin, zMax);
	for (let z = zMin; z <= zMax; z++) {
		const { minX, maxX, minY, maxY } = tileRange(bounds, z);
		for (let x = minX; x <= maxX; x++) for (let y = minY; y <= maxY; y++) yield { z, x, y };
	}
}

/** How many tiles `tilesInBounds` yields, without listing them. */
export function tileCount(bounds: TileBounds, zMin: number, zMax: number): number {
	checkZooms(zMin, zMax);
	let count = 0;
	for (let z = zMin; z <= zMax; z++) {
		const { minX, maxX, minY, maxY } = tileRange(bounds, z);
		count += (maxX - minX + 1) * (maxY - minY + 1);
	}
	return count;
}

/** A size estimate in bytes for `count` tiles of `avgBytes` each. */
export function estimateBytes(count: number, avgBytes = averageTileBytes): number {
	return Math.max(0, Math.round(count * avgBytes));
}

/**
 * The URL of one tile from a template with `{z}`, `{x}`, `{y}` (or `{-y}`, the TMS row),
 * `{s}` (a subdomain, chosen as Leaflet does so both ask the same URL) and `{r}` (the retina
 * suffix; empty: Plaza asks standard tiles).
 */
export function expandTemplate(
	template: string,
	z: number,
	x: number,
	y: number,
	subdomains: readonly string[] = tileSubdomains
): string {
	const s = subdomains.length ? subdomains[Math.abs(x + y) % subdomains.length]! : '';
	return template
		.replaceAll('{z}', String(z))
		.replaceAll('{x}', String(x))
		.replaceAll('{-y}', String(2 ** z - 1 - y))
		.replaceAll('{y}', String(y))
		.replaceAll('{s}', s)
		.replaceAll('{r}', '');
}

/** Every origin tiles of `template` come from (one per subdomain when it has `{s}`). */
export function tileOrigins(
	template: string,
	subdomains: readonly string[] = tileSubdomains
): string[] {
	const hosts = template.includes('{s}') && subdomains.length ? subdomains : [''];
	const origins = hosts.map((s) => new URL(expandTemplate(template, 0, 0, 0, [s])).origin);
	return [...new Set(origins)];
}

/** Whether `hostname` is openstreetmap.org or one of its subdomains. */
export function isOpenStreetMapHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/\.$/, '');
	return host === 'openstreetmap.org' || host.endsWith('.openstreetmap.org');
}

/**
 * Whether tiles of `template` come from OpenStreetMap's own servers, whose tile usage policy
 * forbids bulk downloads (saving areas); false for a template that is not a URL.
 */
export function fromOpenStreetMap(template: string): boolean {
	try {
		return isOpenStreetMapHost(new URL(expandTemplate(template, 0, 0, 0)).hostname);
	} catch {
		return false;
	}
}

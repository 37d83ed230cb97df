/**
 * The offline-map page's decisions, kept out of the components so they can be tested: whether
 * saving is offered at all, which zooms to start with, the area's bounds, sizes as text.
 */
import type { TileConfig } from '$lib/domain/map';
import { boundaryBounds } from '$lib/domain/map-geometry';
import type { Boundary } from '$lib/domain/map';
import { fromOpenStreetMap, type TileBounds } from '$lib/domain/tiles';

/** Whether the page offers to save areas, and if not, whether OpenStreetMap's policy is why. */
export type DownloadOffer = { allowed: true } | { allowed: false; openStreetMap: boolean };

export function downloadOffer(tiles: TileConfig): DownloadOffer {
	if (tiles.bulkDownload && !fromOpenStreetMap(tiles.url)) return { allowed: true };
	return { allowed: false, openStreetMap: fromOpenStreetMap(tiles.url) };
}

/** The zoom range to start with: the space's own zoom and three closer levels. */
export function defaultZooms(spaceZoom: number, maxZoom: number): { zMin: number; zMax: number } {
	const zMin = Math.min(Math.max(1, Math.round(spaceZoom)), maxZoom);
	return { zMin, zMax: Math.min(zMin + 3, maxZoom) };
}

/** A boundary's bounding box as tile bounds. */
export function boundaryTileBounds(boundary: Boundary): TileBounds {
	const [[south, west], [north, east]] = boundaryBounds(boundary);
	return { south, west, north, east };
}

/** Leaflet's LatLngBounds (or anything with its getters) as tile bounds. */
export function leafletTileBounds(bounds: {
	getSouth(): number;
	getWest(): number;
	getNorth(): number;
	getEast(): number;
}): TileBounds {
	const clampLng = (lng: number) => Math.max(-180, Math.min(180, lng));
	return {
		south: bounds.getSouth(),
		west: clampLng(bounds.getWest()),
		north: bounds.getNorth(),
		east: clampLng(bounds.getEast())
	};
}

/** A byte count as "1.4 MB" in `language`. */
export function formatBytes(bytes: number, language: string): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
	let value = Math.max(0, bytes);
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return new Intl.NumberFormat(language, {
		style: 'unit',
		unit: units[unit],
		unitDisplay: 'short',
		maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0
	}).format(value);
}

/** A count with the language's digit grouping. */
export function formatCount(count: number, language: string): string {
	return new Intl.NumberFormat(language).format(count);
}

import { describe, expect, it } from 'vitest';
import type { TileConfig } from '$lib/domain/map';
import {
	boundaryTileBounds,
	defaultZooms,
	downloadOffer,
	formatBytes
} from '$lib/ui/map/offline/offline';
import { placeholderTileUrl, tileLayerOptions } from '$lib/ui/map/tiles/layer';

const tiles = (url: string, bulkDownload: boolean): TileConfig => ({
	url,
	attribution: '© OpenStreetMap contributors',
	maxZoom: 19,
	bulkDownload,
	maxSavedTiles: 5000
});

describe('the offline-map page', () => {
	it('offers no download from OpenStreetMap, and says OpenStreetMap’s policy is why', () => {
		const osm = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
		expect(downloadOffer(tiles(osm, false))).toEqual({ allowed: false, openStreetMap: true });
		// Even a configuration that claims otherwise is not offered from OpenStreetMap.
		expect(
			downloadOffer(tiles('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', true))
		).toEqual({ allowed: false, openStreetMap: true });
	});

	it('offers a download only from a tile server that allows it', () => {
		const own = 'https://tiles.city.example/{z}/{x}/{y}.png';
		expect(downloadOffer(tiles(own, true))).toEqual({ allowed: true });
		expect(downloadOffer(tiles(own, false))).toEqual({ allowed: false, openStreetMap: false });
	});

	it('starts from the space’s zoom and three closer levels, within the server’s zooms', () => {
		expect(defaultZooms(15, 19)).toEqual({ zMin: 15, zMax: 18 });
		expect(defaultZooms(18, 19)).toEqual({ zMin: 18, zMax: 19 });
		expect(defaultZooms(19, 17)).toEqual({ zMin: 17, zMax: 17 });
	});

	it('takes a boundary’s bounding box', () => {
		const boundary = {
			type: 'Polygon' as const,
			coordinates: [
				[
					[9.92, 53.54],
					[9.96, 53.54],
					[9.95, 53.56],
					[9.92, 53.54]
				] as [number, number][]
			]
		};
		expect(boundaryTileBounds(boundary)).toEqual({
			south: 53.54,
			west: 9.92,
			north: 53.56,
			east: 9.96
		});
	});

	it('writes sizes in the reader’s language', () => {
		expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
		expect(formatBytes(75_000_000, 'en')).toBe('75 MB');
		expect(formatBytes(1_500_000, 'de')).toBe('1,5 MB');
	});
});

describe('the tile layer', () => {
	it('loads tiles with CORS, up to the server’s zoom, with a plain placeholder for missing ones', () => {
		const options = tileLayerOptions({
			...tiles('https://tiles.test/{z}/{x}/{y}.png', true),
			attribution: '<b>City</b> & Co'
		});
		expect(options).toMatchObject({
			crossOrigin: 'anonymous',
			maxZoom: 19,
			errorTileUrl: placeholderTileUrl
		});
		expect(options.attribution).toBe('&lt;b&gt;City&lt;/b&gt; &amp; Co');
		expect(placeholderTileUrl).toMatch(/^data:image\/svg\+xml,/);
		expect(decodeURIComponent(placeholderTileUrl)).toContain('fill="#ececec"');
	});
});

import { describe, expect, it } from 'vitest';
import {
	estimateBytes,
	expandTemplate,
	tileCount,
	tileOrigins,
	tilesInBounds,
	tileX,
	tileY,
	type TileBounds
} from '../../../src/lib/domain/tiles';

/** Roughly Hamburg's Altona district. */
const altona: TileBounds = { south: 53.54, west: 9.92, north: 53.56, east: 9.96 };

describe('tile numbers', () => {
	it('numbers tiles as OpenStreetMap does', () => {
		expect([tileX(0, 0), tileY(0, 0)]).toEqual([0, 0]);
		// Hamburg city hall at zoom 12 is tile 2161/1323 on openstreetmap.org.
		expect([tileX(9.9925, 12), tileY(53.5503, 12)]).toEqual([2161, 1323]);
		// The date line and the poles stay inside the world.
		expect(tileX(180, 3)).toBe(7);
		expect(tileX(-180, 3)).toBe(0);
		expect(tileY(90, 3)).toBe(0);
		expect(tileY(-90, 3)).toBe(7);
	});
});

describe('tilesInBounds and tileCount', () => {
	it('lists every tile of the area once, lowest zoom first, as many as tileCount says', () => {
		const tiles = [...tilesInBounds(altona, 10, 16)];
		expect(tiles.length).toBe(tileCount(altona, 10, 16));
		expect(new Set(tiles.map(({ z, x, y }) => `${z}/${x}/${y}`)).size).toBe(tiles.length);
		expect(tiles[0]!.z).toBe(10);
		expect(tiles.at(-1)!.z).toBe(16);
		const zooms = tiles.map((t) => t.z);
		expect(zooms).toEqual([...zooms].sort((a, b) => a - b));
		for (const { z, x, y } of tiles) {
			expect(x).toBeGreaterThanOrEqual(tileX(altona.west, z));
			expect(x).toBeLessThanOrEqual(tileX(altona.east, z));
			expect(y).toBeGreaterThanOrEqual(tileY(altona.north, z));
			expect(y).toBeLessThanOrEqual(tileY(altona.south, z));
		}
	});

	it('counts one tile at zoom 0 and the whole world at zoom 2', () => {
		const world = { south: -85, west: -180, north: 85, east: 180 };
		expect(tileCount(world, 0, 0)).toBe(1);
		expect(tileCount(world, 2, 2)).toBe(16);
		expect(tileCount(world, 0, 2)).toBe(1 + 4 + 16);
	});

	it('grows about four times per zoom level for a larger area', () => {
		const area = { south: 53.4, west: 9.7, north: 53.7, east: 10.3 };
		const at15 = tileCount(area, 15, 15);
		const at16 = tileCount(area, 16, 16);
		expect(at16 / at15).toBeGreaterThan(3.5);
		expect(at16 / at15).toBeLessThan(4.5);
	});

	it('accepts corners in either order', () => {
		const flipped = {
			south: altona.north,
			west: altona.east,
			north: altona.south,
			east: altona.west
		};
		expect(tileCount(flipped, 12, 14)).toBe(tileCount(altona, 12, 14));
	});

	it('is lazy: a huge range can be started without listing it', () => {
		const world = { south: -85, west: -180, north: 85, east: 180 };
		const first = tilesInBounds(world, 0, 20).next();
		expect(first.value).toEqual({ z: 0, x: 0, y: 0 });
	});

	it('refuses a zoom range that is not whole numbers, lowest first', () => {
		expect(() => tileCount(altona, 5, 4)).toThrow(RangeError);
		expect(() => tileCount(altona, 1.5, 4)).toThrow(RangeError);
		expect(() => [...tilesInBounds(altona, -1, 2)]).toThrow(RangeError);
	});
});

describe('estimateBytes', () => {
	it('multiplies by the average tile size (15 KB unless told)', () => {
		expect(estimateBytes(100)).toBe(1_500_000);
		expect(estimateBytes(10, 2048)).toBe(20_480);
		expect(estimateBytes(0)).toBe(0);
	});
});

describe('expandTemplate', () => {
	it('fills z, x, y, the TMS row and the retina suffix', () => {
		expect(expandTemplate('https://t.example/{z}/{x}/{y}.png', 12, 2161, 1323)).toBe(
			'https://t.example/12/2161/1323.png'
		);
		expect(expandTemplate('https://t.example/{z}/{x}/{-y}{r}.png', 3, 1, 2)).toBe(
			'https://t.example/3/1/5.png'
		);
	});

	it('picks the {s} subdomain as Leaflet does ((x + y) mod the number of subdomains)', () => {
		const template = 'https://{s}.tile.example/{z}/{x}/{y}.png';
		expect(expandTemplate(template, 5, 0, 0)).toBe('https://a.tile.example/5/0/0.png');
		expect(expandTemplate(template, 5, 1, 0)).toBe('https://b.tile.example/5/1/0.png');
		expect(expandTemplate(template, 5, 1, 1)).toBe('https://c.tile.example/5/1/1.png');
		expect(expandTemplate(template, 5, 2, 1)).toBe('https://a.tile.example/5/2/1.png');
		expect(expandTemplate(template, 5, 2, 1, ['x', 'y'])).toBe('https://y.tile.example/5/2/1.png');
	});
});

describe('tileOrigins', () => {
	it('is the one origin of a plain template and one per subdomain with {s}', () => {
		expect(tileOrigins('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual([
			'https://tile.openstreetmap.org'
		]);
		expect(tileOrigins('http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png')).toEqual([
			'http://127.0.0.1:8080'
		]);
		expect(tileOrigins('https://{s}.tiles.example/{z}/{x}/{y}.png')).toEqual([
			'https://a.tiles.example',
			'https://b.tiles.example',
			'https://c.tiles.example'
		]);
	});
});

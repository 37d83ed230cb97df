import { describe, expect, it } from 'vitest';
import type { Boundary } from '../../../src/lib/domain/map';
import {
	boundaryBounds,
	distanceMetres,
	geometryCentre,
	geometryInBoundary,
	pointInBoundary,
	positionsOf
} from '../../../src/lib/domain/map-geometry';
import type { IdeaGeometry, Position } from '../../../src/lib/domain/records/map';

/** A closed rectangle ring from west to east, south to north. */
function box(west: number, south: number, east: number, north: number): Position[] {
	return [
		[west, south],
		[east, south],
		[east, north],
		[west, north],
		[west, south]
	];
}

/** Rostock's city centre, roughly, with the Neuer Markt cut out as a hole. */
const centre: Boundary = {
	type: 'Polygon',
	coordinates: [box(12.12, 54.08, 12.16, 54.1), box(12.138, 54.087, 12.142, 54.089)]
};

/** Two districts apart from each other. */
const districts: Boundary = {
	type: 'MultiPolygon',
	coordinates: [[box(13.3, 52.5, 13.4, 52.55)], [box(13.5, 52.4, 13.6, 52.45)]]
};

/** Fiji's Taveuni side and its Lau side: one area cut at the antimeridian (RFC 7946 §3.1.9). */
const acrossDateLine: Boundary = {
	type: 'MultiPolygon',
	coordinates: [[box(179, -17.5, 180, -16.5)], [box(-180, -17.5, -179, -16.5)]]
};

describe('pointInBoundary', () => {
	it('finds a point inside, outside and on the edge of a polygon', () => {
		expect(pointInBoundary([12.13, 54.09], centre)).toBe(true);
		expect(pointInBoundary([12.2, 54.09], centre)).toBe(false);
		expect(pointInBoundary([12.12, 54.09], centre)).toBe(true);
	});

	it('treats a hole as outside', () => {
		expect(pointInBoundary([12.14, 54.088], centre)).toBe(false);
		expect(pointInBoundary([12.137, 54.088], centre)).toBe(true);
	});

	it('looks in every part of a MultiPolygon and not between them', () => {
		expect(pointInBoundary([13.35, 52.52], districts)).toBe(true);
		expect(pointInBoundary([13.55, 52.42], districts)).toBe(true);
		expect(pointInBoundary([13.45, 52.48], districts)).toBe(false);
	});

	it('takes an area cut at the antimeridian as one area on both sides of it', () => {
		expect(pointInBoundary([179.5, -17], acrossDateLine)).toBe(true);
		expect(pointInBoundary([-179.5, -17], acrossDateLine)).toBe(true);
		expect(pointInBoundary([180, -17], acrossDateLine)).toBe(true);
		expect(pointInBoundary([-180, -17], acrossDateLine)).toBe(true);
		expect(pointInBoundary([0, -17], acrossDateLine)).toBe(false);
		expect(pointInBoundary([178.5, -17], acrossDateLine)).toBe(false);
	});

	it('reads a ring from 170 to -170 as the long way round, as documented', () => {
		const naive: Boundary = { type: 'Polygon', coordinates: [box(-170, -20, 170, -10)] };
		expect(pointInBoundary([0, -15], naive)).toBe(true);
		expect(pointInBoundary([175, -15], naive)).toBe(false);
	});
});

describe('geometryInBoundary', () => {
	const point = (position: Position): IdeaGeometry => ({ type: 'Point', coordinates: position });

	it('accepts a point, a line and an area whose every position is inside', () => {
		expect(geometryInBoundary(point([12.13, 54.09]), centre)).toBe(true);
		const route: IdeaGeometry = {
			type: 'LineString',
			coordinates: [
				[12.125, 54.085],
				[12.13, 54.095],
				[12.15, 54.095]
			]
		};
		expect(geometryInBoundary(route, centre)).toBe(true);
		const park: IdeaGeometry = {
			type: 'Polygon',
			coordinates: [box(12.121, 54.081, 12.13, 54.085)]
		};
		expect(geometryInBoundary(park, centre)).toBe(true);
	});

	it('refuses when one position is outside or in a hole', () => {
		const route: IdeaGeometry = {
			type: 'LineString',
			coordinates: [
				[12.125, 54.085],
				[12.17, 54.085]
			]
		};
		expect(geometryInBoundary(route, centre)).toBe(false);
		expect(geometryInBoundary(point([12.14, 54.088]), centre)).toBe(false);
		const park: IdeaGeometry = { type: 'Polygon', coordinates: [box(12.15, 54.09, 12.17, 54.095)] };
		expect(geometryInBoundary(park, centre)).toBe(false);
	});

	it('refuses a line that jumps from one part of a MultiPolygon to the other only at its ends', () => {
		const jump: IdeaGeometry = {
			type: 'LineString',
			coordinates: [
				[13.35, 52.52],
				[13.45, 52.48],
				[13.55, 52.42]
			]
		};
		expect(geometryInBoundary(jump, districts)).toBe(false);
		const both: IdeaGeometry = {
			type: 'LineString',
			coordinates: [jump.coordinates[0]!, jump.coordinates[2]!]
		};
		// Every position is inside: the hub checks positions, not the edges between them.
		expect(geometryInBoundary(both, districts)).toBe(true);
	});
});

describe('distanceMetres', () => {
	it('is zero for the same position and symmetric', () => {
		expect(distanceMetres([12.13, 54.09], [12.13, 54.09])).toBe(0);
		const a: Position = [13.405, 52.52];
		const b: Position = [2.3522, 48.8566];
		expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
	});

	it('measures Berlin to Paris at about 878 km', () => {
		const metres = distanceMetres([13.405, 52.52], [2.3522, 48.8566]);
		expect(metres).toBeGreaterThan(876_000);
		expect(metres).toBeLessThan(880_000);
	});

	it('measures one degree of latitude at about 111.2 km', () => {
		expect(distanceMetres([0, 0], [0, 1])).toBeCloseTo(111_195, -1);
	});

	it('goes the short way across the antimeridian', () => {
		const metres = distanceMetres([179.5, 0], [-179.5, 0]);
		expect(metres).toBeCloseTo(111_195, -1);
	});
});

describe('geometryCentre', () => {
	it('gives a point itself', () => {
		expect(geometryCentre({ type: 'Point', coordinates: [12.1, 54.1] })).toEqual([12.1, 54.1]);
	});

	it('gives the middle vertex of a line, which lies on the route', () => {
		const coordinates: Position[] = [
			[0, 0],
			[1, 0],
			[1, 5],
			[2, 5],
			[9, 9]
		];
		expect(geometryCentre({ type: 'LineString', coordinates })).toEqual([1, 5]);
		expect(geometryCentre({ type: 'LineString', coordinates: coordinates.slice(0, 2) })).toEqual([
			1, 0
		]);
	});

	it('gives the centroid of an area, not the average of its corners', () => {
		const square = { type: 'Polygon' as const, coordinates: [box(10, 50, 12, 52)] };
		const [lng, lat] = geometryCentre(square);
		expect(lng).toBeCloseTo(11, 9);
		expect(lat).toBeCloseTo(51, 9);
		// An L of three unit squares: the corner-average would be (1, 1); the centroid is not.
		const l: IdeaGeometry = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[2, 0],
					[2, 1],
					[1, 1],
					[1, 2],
					[0, 2],
					[0, 0]
				]
			]
		};
		const [x, y] = geometryCentre(l);
		expect(x).toBeCloseTo(5 / 6, 9);
		expect(y).toBeCloseTo(5 / 6, 9);
	});

	it('falls back to the average for an area without area', () => {
		const flat: IdeaGeometry = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[1, 0],
					[2, 0],
					[0, 0]
				]
			]
		};
		expect(geometryCentre(flat)).toEqual([1, 0]);
	});
});

describe('boundaryBounds', () => {
	it('gives [[south, west], [north, east]] of a polygon', () => {
		expect(boundaryBounds(centre)).toEqual([
			[54.08, 12.12],
			[54.1, 12.16]
		]);
	});

	it('spans every part of a MultiPolygon', () => {
		expect(boundaryBounds(districts)).toEqual([
			[52.4, 13.3],
			[52.55, 13.6]
		]);
	});

	it('spans the whole width for an area cut at the antimeridian, as documented', () => {
		expect(boundaryBounds(acrossDateLine)).toEqual([
			[-17.5, -180],
			[-16.5, 180]
		]);
	});
});

describe('positionsOf', () => {
	it('lists every ring position of an area', () => {
		expect(positionsOf({ type: 'Polygon', coordinates: [box(0, 0, 1, 1)] })).toHaveLength(5);
	});
});

/**
 * Pure geometry for idea maps (issue 5), shared by the hub (push rules) and the app (lists,
 * distance sorting, clustering, fitting the map to a boundary). Positions are GeoJSON
 * [longitude, latitude] in degrees (RFC 7946).
 *
 * The antimeridian: longitudes are taken as they are, in [-180, 180], on a flat plate. A ring
 * never wraps around the back of the globe: [170, …] → [-170, …] is the long way round (through
 * Greenwich), not the 20° across the date line. An area that crosses the antimeridian is, as
 * RFC 7946 §3.1.9 asks, a MultiPolygon cut in two at ±180 — and then a point at 179.5 or at
 * -179.5 lies inside. 180 and -180 are different longitudes here; each belongs to the part
 * that has it on its edge. Distances do wrap: the haversine formula measures on the sphere.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Boundary } from './map';
import type { IdeaGeometry, Position } from './records/map';

/** The mean Earth radius (IUGG), in metres. */
export const earthRadiusMetres = 6_371_008.8;

/** South-west and north-east corners as Leaflet takes them: [[south, west], [north, east]]. */
export type LatLngBounds = [[south: number, west: number], [north: number, east: number]];

/** Whether `position` lies inside `boundary` or on its edge; holes are outside. */
export function pointInBoundary(position: Position, boundary: Boundary): boolean {
	// turf's types want GeoJSON's mutable number[] positions; the values are the same.
	return booleanPointInPolygon(position, boundary as Parameters<typeof booleanPointInPolygon>[1]);
}

/** Every position of a geometry, in order (a polygon's rings one after another). */
export function positionsOf(geometry: IdeaGeometry): Position[] {
	switch (geometry.type) {
		case 'Point':
			return [geometry.coordinates];
		case 'LineString':
			return geometry.coordinates;
		case 'Polygon':
			return geometry.coordinates.flat();
	}
}

/**
 * Whether a whole geometry lies in the boundary: every one of its positions does. (An edge
 * between two inside corners may still cut across a bay of a concave boundary; people draw
 * a route or an area in a few taps, and the hub checks what they placed, not what lies between.)
 */
export function geometryInBoundary(geometry: IdeaGeometry, boundary: Boundary): boolean {
	return positionsOf(geometry).every((position) => pointInBoundary(position, boundary));
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance between two positions in metres (haversine, spherical Earth). */
export function distanceMetres(a: Position, b: Position): number {
	const [lng1, lat1] = [radians(a[0]), radians(a[1])];
	const [lng2, lat2] = [radians(b[0]), radians(b[1])];
	const h =
		Math.sin((lat2 - lat1) / 2) ** 2 +
		Math.cos(lat1) * Math.cos(lat2) * Math.sin((lng2 - lng1) / 2) ** 2;
	return 2 * earthRadiusMetres * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The average of some positions (a ring's closing position counted once). */
function average(positions: Position[]): Position {
	const sum = positions.reduce(([x, y], [lng, lat]) => [x + lng, y + lat], [0, 0]);
	return [sum[0] / positions.length, sum[1] / positions.length];
}

/** The area centroid of a closed ring (shoelace); its average when the ring has no area. */
function ringCentre(ring: Position[]): Position {
	const open = ring.slice(0, -1);
	const [x0, y0] = open[0]!;
	let area = 0;
	let cx = 0;
	let cy = 0;
	// Relative to the first corner, so large coordinates lose no precision.
	for (let i = 0; i < open.length; i++) {
		const [x1, y1] = [open[i]![0] - x0, open[i]![1] - y0];
		const next = open[(i + 1) % open.length]!;
		const [x2, y2] = [next[0] - x0, next[1] - y0];
		const cross = x1 * y2 - x2 * y1;
		area += cross;
		cx += (x1 + x2) * cross;
		cy += (y1 + y2) * cross;
	}
	if (Math.abs(area) < 1e-18) return average(open);
	return [x0 + cx / (3 * area), y0 + cy / (3 * area)];
}

/**
 * One position standing for a geometry in lists, distance sorting and clusters: a point
 * itself, the middle vertex of a line (so it lies on the route), an area's centroid.
 */
export function geometryCentre(geometry: IdeaGeometry): Position {
	switch (geometry.type) {
		case 'Point':
			return geometry.coordinates;
		case 'LineString':
			return geometry.coordinates[Math.floor(geometry.coordinates.length / 2)]!;
		case 'Polygon':
			return ringCentre(geometry.coordinates[0]!);
	}
}

/**
 * The smallest latitude/longitude box around a boundary's outer rings, as
 * [[south, west], [north, east]]. A MultiPolygon cut at the antimeridian spans from -180 to 180.
 */
export function boundaryBounds(boundary: Boundary): LatLngBounds {
	const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
	let [south, west, north, east] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const polygon of polygons)
		for (const [lng, lat] of polygon[0]!) {
			south = Math.min(south, lat);
			north = Math.max(north, lat);
			west = Math.min(west, lng);
			east = Math.max(east, lng);
		}
	return [
		[south, west],
		[north, east]
	];
}

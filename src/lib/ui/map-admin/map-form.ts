/**
 * The pure logic of the map settings forms (staff): defaults for a new map, reading a boundary
 * from a GeoJSON file or pasted text, a boundary from drawn corners, category ids, the open
 * period in the facilitator's local time, and validation with the hub's own MapSettingsSchema.
 * No Leaflet and no DOM here, so it is tested on its own (tests/unit/domain/map-admin.test.ts).
 */
import * as v from 'valibot';
import {
	BoundarySchema,
	MapSettingsSchema,
	type Boundary,
	type MapCategory,
	type MapSettings
} from '$lib/domain/map';
import { validate } from '$lib/ui/staff/forms';

export const defaultZoom = 13;

/** A category's default look: the app's green and a pin. */
export const defaultCategoryColour = '#1f6f4a';

/** The settings a new map space starts with: centred where the facilitator said, one category. */
export function defaultMapSettings(
	center: { lat: number; lng: number },
	categoryLabel: string
): MapSettings {
	return {
		center,
		zoom: defaultZoom,
		boundary: null,
		categories: [{ id: 'idea', label: categoryLabel, colour: defaultCategoryColour, icon: 'pin' }],
		opensAt: null,
		closesAt: null
	};
}

/** A typed coordinate: a dot or a comma as decimal mark; NaN when it is not a number. */
export function parseCoordinate(text: string): number {
	const cleaned = text.trim().replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
	return Number(cleaned);
}

/** Why a boundary file or text was not taken; each has a translated message. */
export type BoundaryProblem =
	'empty' | 'notJson' | 'notGeoJson' | 'notArea' | 'noFeatures' | 'severalFeatures' | 'invalid';

export type BoundaryResult =
	{ ok: true; boundary: Boundary } | { ok: false; problem: BoundaryProblem };

const geometryTypes = [
	'Point',
	'MultiPoint',
	'LineString',
	'MultiLineString',
	'Polygon',
	'MultiPolygon',
	'GeometryCollection'
];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The geometry a GeoJSON object stands for, or why there is none. */
function geometryOf(value: unknown): Json | BoundaryProblem {
	if (!isObject(value) || typeof value.type !== 'string') return 'notGeoJson';
	if (value.type === 'FeatureCollection') {
		if (!Array.isArray(value.features)) return 'notGeoJson';
		const areas = value.features.filter((feature: unknown) => {
			const geometry = isObject(feature) ? feature.geometry : undefined;
			return (
				isObject(geometry) && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')
			);
		});
		if (areas.length > 1) return 'severalFeatures';
		if (areas.length === 0) return value.features.length === 0 ? 'noFeatures' : 'notArea';
		return geometryOf(areas[0]);
	}
	if (value.type === 'Feature')
		return isObject(value.geometry) ? geometryOf(value.geometry) : 'notArea';
	if (!geometryTypes.includes(value.type)) return 'notGeoJson';
	if (value.type !== 'Polygon' && value.type !== 'MultiPolygon') return 'notArea';
	return value;
}

/** [lng, lat] of a position (an altitude dropped); the value itself when it is not one. */
function flat(position: unknown): unknown {
	return Array.isArray(position) && position.length >= 2 ? [position[0], position[1]] : position;
}

/** A ring closed (its first position repeated at the end when a tool left it open). */
function closed(ring: unknown): unknown {
	if (!Array.isArray(ring) || ring.length < 3) return ring;
	const positions = ring.map(flat);
	const [first, last] = [positions[0], positions.at(-1)];
	const same =
		Array.isArray(first) && Array.isArray(last) && first[0] === last[0] && first[1] === last[1];
	return same ? positions : [...positions, first];
}

const rings = (polygon: unknown) => (Array.isArray(polygon) ? polygon.map(closed) : polygon);

/**
 * A boundary from GeoJSON text: a Polygon or MultiPolygon, a Feature holding one, or a
 * FeatureCollection with exactly one area among its features. Altitudes are dropped and open
 * rings closed; anything else is refused with the reason.
 */
export function parseBoundary(text: string): BoundaryResult {
	if (text.trim() === '') return { ok: false, problem: 'empty' };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'notJson' };
	}
	const geometry = geometryOf(json);
	if (typeof geometry === 'string') return { ok: false, problem: geometry };
	const coordinates = Array.isArray(geometry.coordinates)
		? geometry.type === 'Polygon'
			? rings(geometry.coordinates)
			: geometry.coordinates.map(rings)
		: geometry.coordinates;
	const parsed = v.safeParse(BoundarySchema, { type: geometry.type, coordinates });
	return parsed.success ? { ok: true, boundary: parsed.output } : { ok: false, problem: 'invalid' };
}

/** Corners as the map gives them, [lat, lng]. */
export type Corner = [lat: number, lng: number];

/** The area drawn by tapping corners, closed; undefined with fewer than three corners. */
export function drawnBoundary(corners: readonly Corner[]): Boundary | undefined {
	if (corners.length < 3) return undefined;
	const ring = corners.map(([lat, lng]) => [lng, lat] as [number, number]);
	return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** How many positions a boundary's outer rings have (the closing one not counted). */
export function boundaryCorners(boundary: Boundary): number {
	const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
	return polygons.reduce((sum, polygon) => sum + (polygon[0]?.length ?? 1) - 1, 0);
}

/** The boundary as pretty GeoJSON text, for the text field keyboard users edit. */
export function boundaryText(boundary: Boundary | null): string {
	return boundary ? JSON.stringify(boundary) : '';
}

/** A category id from its label: lowercase letters, digits and dashes, unused in `taken`. */
export function categoryId(label: string, taken: readonly string[]): string {
	const base =
		label
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/ß/g, 'ss')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 32)
			.replace(/-+$/, '') || 'category';
	if (!taken.includes(base)) return base;
	for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** The list with the item at `index` moved by `delta` (−1 up, +1 down); unchanged at the ends. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
	const target = index + delta;
	if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
	const next = [...list];
	const [item] = next.splice(index, 1);
	next.splice(target, 0, item!);
	return next;
}

/** A new category with a fresh id. */
export function newCategory(label: string, taken: readonly MapCategory[]): MapCategory {
	return {
		id: categoryId(
			label,
			taken.map((c) => c.id)
		),
		label,
		colour: defaultCategoryColour,
		icon: 'pin'
	};
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a datetime-local value in this device's time zone; '' for null. */
export function toLocalInput(iso: string | null): string {
	if (!iso) return '';
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return '';
	return (
		`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
		`T${pad(date.getHours())}:${pad(date.getMinutes())}`
	);
}

/** A datetime-local value (this device's time zone) as an ISO instant; null for ''. */
export function fromLocalInput(value: string): string | null | undefined {
	if (value.trim() === '') return null;
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
	if (!match) return undefined;
	const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
	const date = new Date(y!, mo! - 1, d!, h!, mi!, s!);
	if (date.getMonth() !== mo! - 1 || date.getDate() !== d) return undefined;
	return date.toISOString();
}

/** What the map settings form holds: numbers and times as typed. */
export interface MapFormInput {
	lat: string;
	lng: string;
	zoom: string;
	boundary: Boundary | null;
	categories: MapCategory[];
	opensAt: string;
	closesAt: string;
}

export function mapFormInput(settings: MapSettings): MapFormInput {
	return {
		lat: String(settings.center.lat),
		lng: String(settings.center.lng),
		zoom: String(settings.zoom),
		boundary: settings.boundary,
		categories: settings.categories.map((c) => ({ ...c })),
		opensAt: toLocalInput(settings.opensAt),
		closesAt: toLocalInput(settings.closesAt)
	};
}

/** Coordinates rounded to what a map shows (about 1 m), so the fields stay readable. */
export const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * The form as MapSettings, validated by the hub's schema: the settings, or one translated
 * error per field (by dot path: center.lat, zoom, the label of category 0, closesAt …).
 */
export function validateMapForm(input: MapFormInput) {
	const opensAt = fromLocalInput(input.opensAt);
	const closesAt = fromLocalInput(input.closesAt);
	const result = validate(MapSettingsSchema, {
		center: { lat: parseCoordinate(input.lat), lng: parseCoordinate(input.lng) },
		zoom: Number(input.zoom.trim() === '' ? Number.NaN : input.zoom),
		boundary: input.boundary,
		categories: input.categories,
		opensAt: opensAt === undefined ? 'not a time' : opensAt,
		closesAt: closesAt === undefined ? 'not a time' : closesAt
	});
	if (result.success) return result;
	// The period's order is a check on the whole object: show it at the closing time.
	const errors = { ...result.errors };
	if (errors.form && opensAt && closesAt) {
		errors.closesAt ??= { key: 'mapAdmin.period.order' };
		delete errors.form;
	}
	return { success: false as const, errors };
}

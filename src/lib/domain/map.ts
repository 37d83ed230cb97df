/**
 * Map spaces (issue 5): the settings a facilitator gives a map (where it opens, the boundary
 * ideas must fall in, the categories, the open period) and the tile source the hub is
 * configured with. Pure: geometry checks and tile arithmetic live in `map-geometry.ts`.
 */
import * as v from 'valibot';

/** Icons a category may show; the UI maps each name to an inline SVG. */
export const categoryIcons = [
	'bike',
	'bus',
	'tree',
	'sun',
	'home',
	'bench',
	'water',
	'recycle',
	'food',
	'heart',
	'star',
	'pin'
] as const;
export type CategoryIcon = (typeof categoryIcons)[number];

export const MapCategorySchema = v.strictObject({
	id: v.pipe(
		v.string('A category id is text.'),
		v.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A category id uses lowercase letters, digits, dashes.')
	),
	label: v.pipe(
		v.string('A category name is text.'),
		v.trim(),
		v.nonEmpty('Give the category a name.'),
		v.maxLength(60, 'A category name has at most 60 characters.')
	),
	colour: v.pipe(
		v.string('A colour is text.'),
		v.regex(/^#[0-9a-f]{6}$/, 'A colour looks like #1a7f37.')
	),
	icon: v.picklist(categoryIcons, 'Pick one of the listed icons.')
});
export type MapCategory = v.InferOutput<typeof MapCategorySchema>;

const Lat = v.pipe(v.number('A latitude is a number.'), v.minValue(-90), v.maxValue(90));
const Lng = v.pipe(v.number('A longitude is a number.'), v.minValue(-180), v.maxValue(180));
const LinearRing = v.pipe(
	v.array(v.tuple([Lng, Lat]), 'A ring is a list of [longitude, latitude] positions.'),
	v.minLength(4, 'A boundary ring has at least 4 positions.'),
	v.maxLength(10_000, 'A boundary has at most 10,000 positions.'),
	v.check((ring) => {
		const [first, last] = [ring[0]!, ring.at(-1)!];
		return first[0] === last[0] && first[1] === last[1];
	}, 'A boundary ring ends where it starts.')
);

/** A boundary: a GeoJSON Polygon or MultiPolygon (as drawn, or as an uploaded file holds). */
export const BoundarySchema = v.variant(
	'type',
	[
		v.object({
			type: v.literal('Polygon'),
			coordinates: v.pipe(v.array(LinearRing), v.minLength(1))
		}),
		v.object({
			type: v.literal('MultiPolygon'),
			coordinates: v.pipe(v.array(v.pipe(v.array(LinearRing), v.minLength(1))), v.minLength(1))
		})
	],
	'A boundary is a GeoJSON Polygon or MultiPolygon.'
);
export type Boundary = v.InferOutput<typeof BoundarySchema>;

const Instant = v.pipe(
	v.string('A time is text.'),
	v.isoTimestamp('A time looks like 2027-05-01T09:00:00Z.')
);

export const MapSettingsSchema = v.pipe(
	v.strictObject({
		center: v.strictObject({ lat: Lat, lng: Lng }),
		zoom: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(19)),
		boundary: v.nullable(BoundarySchema),
		categories: v.pipe(
			v.array(MapCategorySchema),
			v.minLength(1, 'A map needs at least one category.'),
			v.maxLength(20, 'A map has at most 20 categories.'),
			v.check(
				(list) => new Set(list.map((c) => c.id)).size === list.length,
				'Two categories have the same id.'
			)
		),
		/** When ideas may be added: null is "from now" / "until closed by hand". */
		opensAt: v.nullable(Instant),
		closesAt: v.nullable(Instant)
	}),
	v.check(
		(s) => !s.opensAt || !s.closesAt || Date.parse(s.opensAt) < Date.parse(s.closesAt),
		'The map closes after it opens.'
	)
);
export type MapSettings = v.InferOutput<typeof MapSettingsSchema>;

/** Whether ideas may be added at `now` (ms) by the period alone (the space status aside). */
export function withinPeriod(settings: Pick<MapSettings, 'opensAt' | 'closesAt'>, now: number) {
	if (settings.opensAt && now < Date.parse(settings.opensAt)) return false;
	if (settings.closesAt && now >= Date.parse(settings.closesAt)) return false;
	return true;
}

/**
 * The tile source, hub configuration (`PLAZA_TILE_*`). `bulkDownload` says the tile server
 * allows saving areas for offline use; it is never true for OpenStreetMap's own servers,
 * whose tile usage policy forbids bulk prefetching.
 */
export interface TileConfig {
	/** A URL template with {z}, {x}, {y} (and optionally {s}, {r}). */
	url: string;
	attribution: string;
	maxZoom: number;
	bulkDownload: boolean;
	/** The most tiles one saved area may hold. */
	maxSavedTiles: number;
}

/** Public hub configuration the app needs: GET /api/v1/config. */
export interface HubConfig {
	tiles: TileConfig;
}

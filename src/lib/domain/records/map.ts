/**
 * Idea-map records (issue 5): a map idea (a point, a route or an area with a category, a
 * title, a description and up to three photos), a support (one per person and idea) and a
 * comment. Field values stay scalars so each merges on its own; the geometry and the photo list
 * are JSON text this schema validates. Rules that need the space (its categories, boundary and
 * open period) live on the hub (server/sync/map.ts).
 */
import * as v from 'valibot';
import { isUuid } from '../ids';
import { LanguageSchema } from './idea';
import { isSha256 } from './photo';

export const mapLimits = {
	title: 140,
	text: 4000,
	comment: 1000,
	photos: 3,
	/** Positions in one line or area; more is a drawing mistake, not an idea. */
	positions: 500,
	categories: 20
} as const;

export type Position = [lng: number, lat: number];

export type IdeaGeometry =
	| { type: 'Point'; coordinates: Position }
	| { type: 'LineString'; coordinates: Position[] }
	| { type: 'Polygon'; coordinates: Position[][] };

export type GeometryKind = IdeaGeometry['type'];

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

const PositionSchema = v.pipe(
	v.tuple([
		v.pipe(v.number(), v.finite(), v.minValue(-180), v.maxValue(180)),
		v.pipe(v.number(), v.finite(), v.minValue(-90), v.maxValue(90))
	])
);

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

const GeometryObjectSchema = v.variant('type', [
	v.strictObject({ type: v.literal('Point'), coordinates: PositionSchema }),
	v.strictObject({
		type: v.literal('LineString'),
		coordinates: v.pipe(v.array(PositionSchema), v.minLength(2), v.maxLength(mapLimits.positions))
	}),
	v.strictObject({
		type: v.literal('Polygon'),
		// One outer ring, closed, at least a triangle; holes are not drawn by people.
		coordinates: v.pipe(
			v.tuple([
				v.pipe(
					v.array(PositionSchema),
					v.minLength(4),
					v.maxLength(mapLimits.positions),
					v.check((ring) => samePosition(ring[0]!, ring.at(-1)!))
				)
			])
		)
	})
]);

/** The geometry in a geometry field, or undefined when it is not one Plaza accepts. */
export function parseGeometry(text: string): IdeaGeometry | undefined {
	const parsed = v.safeParse(GeometryObjectSchema, parseJson(text));
	return parsed.success ? (parsed.output as IdeaGeometry) : undefined;
}

/** The photo blob names in a photos field, or undefined when it is not a valid list. */
export function parsePhotos(text: string): string[] | undefined {
	const list = parseJson(text);
	if (!Array.isArray(list) || list.length > mapLimits.photos) return undefined;
	if (!list.every((item) => typeof item === 'string' && isSha256(item))) return undefined;
	return new Set(list).size === list.length ? (list as string[]) : undefined;
}

const Text = (min: number, max: number, what: string) =>
	v.pipe(
		v.string(`${what} is text.`),
		v.trim(),
		v.minLength(min, `${what} cannot be empty.`),
		v.maxLength(max, `${what} has at most ${max} characters.`)
	);

const RecordIdSchema = v.pipe(
	v.string('An id is text.'),
	v.check(isUuid, 'An id is a UUID.'),
	v.toLowerCase()
);

const CreatedAtSchema = v.pipe(
	v.number('The creation time is a number.'),
	v.integer('The creation time is whole milliseconds.'),
	v.minValue(0, 'The creation time cannot be negative.')
);

const AuthorNameSchema = v.pipe(
	v.string('A display name is text.'),
	v.trim(),
	v.maxLength(60, 'A display name has at most 60 characters.')
);

export const MapIdeaFieldsSchema = v.strictObject({
	title: Text(1, mapLimits.title, 'A title'),
	text: v.pipe(
		v.string('The description is text.'),
		v.trim(),
		v.maxLength(mapLimits.text, `A description has at most ${mapLimits.text} characters.`)
	),
	/** The id of one of the map space's categories (the hub checks it is one). */
	category: Text(1, 40, 'A category'),
	/** GeoJSON geometry (RFC 7946, [lng, lat]) as JSON text: a Point, LineString or Polygon. */
	geometry: v.pipe(
		v.string('A geometry is JSON text.'),
		v.check(
			(text) => parseGeometry(text) !== undefined,
			`A geometry is a GeoJSON Point, LineString or closed Polygon of at most ${mapLimits.positions} positions.`
		)
	),
	/** A JSON list of up to 3 photo blob names (SHA-256), uploaded before the record. */
	photos: v.pipe(
		v.string('Photos are JSON text.'),
		v.check(
			(text) => parsePhotos(text) !== undefined,
			`Photos are a list of at most ${mapLimits.photos} different blob names.`
		)
	),
	language: LanguageSchema,
	authorName: AuthorNameSchema,
	createdAt: CreatedAtSchema
});
export type MapIdeaFields = v.InferOutput<typeof MapIdeaFieldsSchema>;
export const MapIdeaPatchSchema = v.partial(MapIdeaFieldsSchema);

/**
 * "I support this idea": its id is `oncePerPersonId(space, supportTarget(idea), participant)`,
 * so one person supports one idea once from every device; withdrawing deletes it.
 */
export const SupportFieldsSchema = v.strictObject({
	idea: RecordIdSchema,
	createdAt: CreatedAtSchema
});
export type SupportFields = v.InferOutput<typeof SupportFieldsSchema>;
export const SupportPatchSchema = v.partial(SupportFieldsSchema);

export function supportTarget(idea: string): string {
	return `support:${idea.toLowerCase()}`;
}

export const CommentFieldsSchema = v.strictObject({
	idea: RecordIdSchema,
	text: Text(1, mapLimits.comment, 'A comment'),
	language: LanguageSchema,
	authorName: AuthorNameSchema,
	createdAt: CreatedAtSchema
});
export type CommentFields = v.InferOutput<typeof CommentFieldsSchema>;
export const CommentPatchSchema = v.partial(CommentFieldsSchema);

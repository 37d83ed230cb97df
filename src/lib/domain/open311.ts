/**
 * Open311 GeoReport v2 (issue 5): the shapes the hub answers with and the checks of what city
 * systems send. A jurisdiction is one published map space; a service is one of its categories;
 * a service request is one of its map ideas. Pure: the hub (server/open311) does the I/O.
 *
 * Mapping decisions (the README's Open311 section says the same for integrators):
 * - `status` is the space's, not the idea's: every idea of a map is `open` while the space is
 *   open, within its open period and not past its retention date, and `closed` otherwise.
 * - `requested_datetime` is the idea's `createdAt`, `updated_datetime` the hub's last change.
 * - `lat`/`long` are the geometry's centre (`geometryCentre`): a line's middle vertex, an
 *   area's centroid; the whole geometry is an extended attribute.
 * - Ideas are not defects: every service carries `keywords: "idea"`, as Rostock's Klarschiff
 *   marks its idea categories, and support counts are extended attributes (`extensions=true`).
 */
import * as v from 'valibot';
import { isUuid } from './ids';
import { withinPeriod, type MapSettings } from './map';
import { mapLimits } from './records/map';

/** How many requests one answer holds at most, and the default window (the spec's). */
export const open311Limits = {
	maxRequests: 1000,
	windowDays: 90,
	/** Ids in one `service_request_id` list. */
	maxIds: 1000,
	/** The spec's maximum length of a request's description. */
	description: 4000,
	postBytes: 64 * 1024,
	/** POST requests per key and minute. */
	postsPerMinute: 60
} as const;

export const open311Keyword = 'idea';

/** An API key is shown once: `o311_` and 43 base64url characters (32 random bytes). */
export const apiKeyPattern = /^o311_[A-Za-z0-9_-]{43}$/;

/** One Open311 error; an error answer is a list of them. */
export interface Open311Error {
	code: number;
	description: string;
}

export interface Open311Service {
	service_code: string;
	service_name: string;
	description: string | null;
	metadata: false;
	type: 'realtime';
	keywords: string;
	group: string | null;
}

export type Open311Status = 'open' | 'closed';

export interface Open311ExtendedAttributes {
	title: string;
	/** Live supports of the idea. */
	support: number;
	/** The same count under the name Klarschiff's CitySDK extension uses. */
	votes: number;
	/** Live, visible comments. */
	comments: number;
	/** The idea's whole GeoJSON geometry ([lng, lat]): a Point, LineString or Polygon. */
	geometry: unknown;
	media_urls: string[];
	category_colour: string | null;
}

export interface Open311Request {
	service_request_id: string;
	status: Open311Status;
	status_notes: string | null;
	service_name: string | null;
	service_code: string;
	description: string;
	agency_responsible: string | null;
	service_notice: string | null;
	requested_datetime: string;
	updated_datetime: string;
	expected_datetime: null;
	address: null;
	address_id: null;
	zipcode: null;
	/** The geometry's centre; null only for a stored geometry that no longer parses. */
	lat: number | null;
	long: number | null;
	media_url: string | null;
	extended_attributes?: Open311ExtendedAttributes;
}

/** What POST requests.json answers: the created request plus the spec's receipt fields. */
export interface Open311Created extends Open311Request {
	account_id: null;
}

/** The facts about a map space its Open311 status depends on. */
export interface JurisdictionFacts {
	status: 'open' | 'closed';
	retentionUntil: string | null;
	map: Pick<MapSettings, 'opensAt' | 'closesAt'>;
}

/** `open` while the space takes ideas (open, within its period, not past retention). */
export function open311Status(space: JurisdictionFacts, now: number): Open311Status {
	const today = new Date(now).toISOString().slice(0, 10);
	const retained = space.retentionUntil === null || space.retentionUntil >= today;
	return space.status === 'open' && retained && withinPeriod(space.map, now) ? 'open' : 'closed';
}

/** The request's description: the title, then the text; at most 4000 UTF-16 units. */
export function requestDescription(title: string, text: string): string {
	const full = text ? `${title}\n\n${text}` : title;
	return full.length <= open311Limits.description
		? full
		: `${cutUtf16(full, open311Limits.description - 1)}…`;
}

/** At most `max` UTF-16 units, never ending on half a surrogate pair. */
function cutUtf16(text: string, max: number): string {
	const cut = text.slice(0, max);
	const last = cut.charCodeAt(cut.length - 1);
	return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * An idea's title and text from an Open311 description: the first line is the title (cut at a
 * word near 140 characters when longer, then the whole description is the text), the remaining
 * lines are the text.
 */
export function ideaTextOf(description: string): { title: string; text: string } {
	const trimmed = description.trim();
	const [first = '', ...rest] = trimmed.split(/\r?\n/);
	const line = first.trim();
	if (line.length <= mapLimits.title) return { title: line, text: rest.join('\n').trim() };
	const cut = cutUtf16(line, mapLimits.title - 1);
	const space = cut.lastIndexOf(' ');
	const title = `${(space >= 80 ? cut.slice(0, space) : cut).trimEnd()}…`;
	return { title, text: trimmed };
}

// ---- Input --------------------------------------------------------------------------------

/** A space id as a jurisdiction (the same rule as SpaceIdSchema, its own message). */
const JurisdictionSchema = v.pipe(
	v.string('jurisdiction_id is text.'),
	v.regex(
		/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
		'jurisdiction_id is the id of a map space, such as "harbour-ideas".'
	)
);

const categoryIdPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** A comma-separated list, each item checked by `item`, at most `max` items. */
function commaList(what: string, item: (value: string) => boolean, max: number) {
	return v.pipe(
		v.string(`${what} is text.`),
		v.transform((text) =>
			text
				.split(',')
				.map((part) => part.trim())
				.filter((part) => part !== '')
		),
		v.check((list) => list.length > 0, `${what} lists at least one value.`),
		v.check((list) => list.length <= max, `${what} lists at most ${max} values.`),
		v.check((list) => list.every(item), `${what} holds a value that is not valid.`)
	);
}

/** The W3C subset of ISO 8601 the spec asks for: a date and time with a time zone. */
const dateTimePattern =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Whether the date part names a real day (V8 would read 2027-02-30 as 2 March). */
function isCalendarDay(text: string): boolean {
	const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day && month <= 12;
}

function dateTime(name: string) {
	return v.pipe(
		v.string(`${name} is text.`),
		v.trim(),
		// An unencoded "+01:00" in a query string arrives as " 01:00".
		v.transform((text) => text.replace(/ (\d{2}:\d{2})$/, '+$1')),
		v.regex(
			dateTimePattern,
			`${name} is a date and time with a zone, such as 2027-05-01T09:00:00Z.`
		),
		v.check(isCalendarDay, `${name} is not a real date and time.`),
		v.transform((text) => Date.parse(text)),
		v.check((ms) => Number.isFinite(ms), `${name} is not a real date and time.`)
	);
}

/** GET requests.json: the spec's filters (unknown parameters are ignored). */
export const RequestsQuerySchema = v.object({
	jurisdiction_id: JurisdictionSchema,
	service_request_id: v.optional(commaList('service_request_id', isUuid, open311Limits.maxIds)),
	service_code: v.optional(commaList('service_code', (code) => categoryIdPattern.test(code), 100)),
	status: v.optional(commaList('status', (status) => status === 'open' || status === 'closed', 2)),
	start_date: v.optional(dateTime('start_date')),
	end_date: v.optional(dateTime('end_date')),
	extensions: v.optional(v.picklist(['true', 'false'], 'extensions is true or false.'), 'false')
});
export type RequestsQuery = v.InferOutput<typeof RequestsQuerySchema>;

/** GET services.json and GET requests/<id>.json. */
export const JurisdictionQuerySchema = v.object({
	jurisdiction_id: JurisdictionSchema,
	extensions: v.optional(v.picklist(['true', 'false'], 'extensions is true or false.'), 'false')
});

/** The window of requested_datetime a query covers, in ms; null when ids override it. */
export function requestWindow(
	query: Pick<RequestsQuery, 'start_date' | 'end_date'>,
	now: number
): { from: number; to: number } | { error: string } {
	const span = open311Limits.windowDays * 86_400_000;
	const { start_date: start, end_date: end } = query;
	if (start !== undefined && end !== undefined) {
		if (start > end) return { error: 'start_date is after end_date.' };
		if (end - start > span)
			return { error: `start_date and end_date span at most ${open311Limits.windowDays} days.` };
		return { from: start, to: end };
	}
	if (start !== undefined) return { from: start, to: start + span };
	if (end !== undefined) return { from: end - span, to: end };
	return { from: now - span, to: now };
}

const coordinate = (name: string, min: number, max: number) =>
	v.pipe(
		v.string(`${name} is a number.`),
		v.trim(),
		v.regex(/^-?\d{1,3}(?:\.\d+)?$/, `${name} is a number in decimal degrees (WGS 84).`),
		v.transform(Number),
		v.minValue(min, `${name} is at least ${min}.`),
		v.maxValue(max, `${name} is at most ${max}.`)
	);

const NamePart = (name: string) =>
	v.optional(
		v.pipe(v.string(`${name} is text.`), v.trim(), v.maxLength(60, `${name} is too long.`)),
		''
	);

/**
 * POST requests.json, every value as text (a form body, or JSON with its numbers turned into
 * text). `media_url`, `address_string`, `address_id`, `email`, `phone`, `device_id`,
 * `account_id` and `attribute[…]` are accepted and ignored: Plaza stores only photos uploaded
 * to the hub, geocodes nothing and keeps no contact details.
 */
export const PostRequestSchema = v.object({
	jurisdiction_id: JurisdictionSchema,
	api_key: v.pipe(v.string('api_key is text.'), v.maxLength(200, 'api_key is not valid.')),
	service_code: v.pipe(
		v.string('service_code is text.'),
		v.regex(categoryIdPattern, 'service_code is the code of one of the services.')
	),
	lat: coordinate('lat', -90, 90),
	long: coordinate('long', -180, 180),
	description: v.pipe(
		v.string('description is text.'),
		v.trim(),
		v.nonEmpty('description says what the idea is.'),
		v.maxLength(mapLimits.text, `description has at most ${mapLimits.text} characters.`)
	),
	first_name: NamePart('first_name'),
	last_name: NamePart('last_name'),
	locale: v.optional(v.string('locale is text.'), '')
});
export type PostRequest = v.InferOutput<typeof PostRequestSchema>;

/** An idea's language from an Open311 `locale` ("de", "de_DE", "pt-BR"), else `fallback`. */
export function languageOf(locale: string, fallback: string): string {
	const match = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}))?$/.exec(locale.trim());
	if (!match) return fallback;
	const language = match[1]!.toLowerCase();
	return match[2] ? `${language}-${match[2].toUpperCase()}` : language;
}

// ---- API keys (staff) -----------------------------------------------------------------------

export const CreateApiKeySchema = v.strictObject({
	label: v.pipe(
		v.string('A label is text.'),
		v.trim(),
		v.nonEmpty('Give the key a label, such as the name of the system that uses it.'),
		v.maxLength(60, 'A label has at most 60 characters.')
	)
});

/** An API key as its space's staff see it (never the key itself after it was created). */
export interface ApiKeyView {
	id: string;
	label: string;
	/** The participant the key writes as. */
	participant: string;
	createdAt: string;
	createdBy: string | null;
	revokedAt: string | null;
	lastUsedAt: string | null;
}

/** POST /api/v1/spaces/<space>/api-keys: the key, shown this once. */
export interface CreatedApiKey {
	key: ApiKeyView;
	secret: string;
}

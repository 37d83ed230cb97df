/**
 * Open311 GeoReport v2 on the hub, JSON only, under /api/v1/open311/v2/:
 *
 * - GET services.json?jurisdiction_id=<space>: one service per category of a published map;
 * - GET requests.json?jurisdiction_id=<space>&…: its visible ideas, with the spec's filters
 *   (service_request_id overrides the others; start_date/end_date default to the last 90 days
 *   and span at most 90; at most 1000, newest first); `extensions=true` adds
 *   `extended_attributes` (title, support, comments, the whole geometry, every photo);
 * - GET requests/<id>.json?jurisdiction_id=<space>: a list of one;
 * - POST requests.json (form or JSON) with an `api_key` of the space: adds a point idea as the
 *   key's participant through `hub.push`, so it meets exactly the rules of a pushed idea.
 *
 * Errors are the spec's `[{ code, description }]`: 400 for a missing jurisdiction_id or a bad
 * parameter, 404 for an unknown jurisdiction, request or service_code, 403 for a missing or bad
 * api_key, 429 past the POST rate limit. Hidden and deleted ideas never appear. Only published
 * map spaces are jurisdictions for GET; POST needs a live key of the (map) space.
 */
import * as v from 'valibot';
import type { Actor } from '$lib/domain/auth';
import { formatHlc } from '$lib/domain/hlc';
import { isUuid, newId } from '$lib/domain/ids';
import {
	ideaTextOf,
	JurisdictionQuerySchema,
	languageOf,
	open311Limits,
	open311Status,
	PostRequestSchema,
	requestWindow,
	RequestsQuerySchema,
	type Open311Created,
	type Open311Request
} from '$lib/domain/open311';
import { describeIssues, protocolVersion, type PushRequest } from '$lib/domain/protocol';
import { mapIdeas, type IdeaFilter } from '../exports/map-ideas';
import { readBytes } from '../http';
import type { Ctx } from '../http/context';
import { RateLimiter } from '../http/rate-limit';
import { spaceById } from '../spaces/views';
import { cors, Open311Failure, open311Error, open311Json } from './errors';
import { toRequest, toServices, type Jurisdiction } from './format';
import { findApiKey, nextPushSeq } from './keys';

type Params = Record<string, string>;

function queryOf(request: Request): Params {
	return Object.fromEntries(new URL(request.url).searchParams);
}

/** The schema's output, or a 400 naming the first problem. */
function check<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (!result.success) throw new Open311Failure(400, describeIssues(result.issues));
	return result.output;
}

/**
 * The map space a `jurisdiction_id` names: 400 when there is none, 404 when no map space
 * (published, for `published`) has this id.
 */
async function jurisdiction(ctx: Ctx, params: Params, published: boolean): Promise<Jurisdiction> {
	const id = params.jurisdiction_id?.trim();
	if (!id)
		throw new Open311Failure(
			400,
			'jurisdiction_id was not provided: it is the id of a published map space of this hub.'
		);
	const space = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(id)
		? await spaceById(ctx.hub.db, id)
		: null;
	if (!space || space.kind !== 'map' || !space.map || (published && !space.published))
		throw new Open311Failure(404, `jurisdiction_id provided was not found: ${id}`);
	return space as Jurisdiction;
}

function requestContext(space: Jurisdiction, request: Request, ctx: Ctx, extensions: boolean) {
	return {
		space,
		status: open311Status(space, ctx.now),
		origin: new URL(request.url).origin,
		extensions
	};
}

/** GET /api/v1/open311/v2/services.json */
export async function handleServices(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const params = queryOf(request);
		const space = await jurisdiction(ctx, params, true);
		check(JurisdictionQuerySchema, params);
		return open311Json(toServices(space), 200, cors);
	} catch (error) {
		return open311Error(error, cors);
	}
}

/** GET /api/v1/open311/v2/requests.json */
export async function handleRequests(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const params = queryOf(request);
		const space = await jurisdiction(ctx, params, true);
		const query = check(RequestsQuerySchema, params);
		const context = requestContext(space, request, ctx, query.extensions === 'true');
		const filter: IdeaFilter = { limit: open311Limits.maxRequests, newestFirst: true };
		if (query.service_request_id) {
			// The spec: a list of ids overrides every other filter.
			filter.ids = query.service_request_id.map((id) => id.toLowerCase());
		} else {
			if (query.status && !query.status.includes(context.status)) return open311Json([], 200, cors);
			const window = requestWindow(query, ctx.now);
			if ('error' in window) throw new Open311Failure(400, window.error);
			Object.assign(filter, { ...window, categories: query.service_code });
		}
		const ideas = await mapIdeas(ctx.hub.db, space.id, filter);
		const body: Open311Request[] = ideas.map((idea) => toRequest(idea, context));
		return open311Json(body, 200, cors);
	} catch (error) {
		return open311Error(error, cors);
	}
}

/** GET /api/v1/open311/v2/requests/<id>.json */
export async function handleRequest(request: Request, id: string, ctx: Ctx): Promise<Response> {
	try {
		const params = queryOf(request);
		const space = await jurisdiction(ctx, params, true);
		const query = check(JurisdictionQuerySchema, params);
		const notFound = new Open311Failure(404, `service_request_id provided was not found: ${id}`);
		if (!isUuid(id)) throw notFound;
		const [idea] = await mapIdeas(ctx.hub.db, space.id, { ids: [id.toLowerCase()] });
		if (!idea) throw notFound;
		const context = requestContext(space, request, ctx, query.extensions === 'true');
		return open311Json([toRequest(idea, context)], 200, cors);
	} catch (error) {
		return open311Error(error, cors);
	}
}

// ---- POST ---------------------------------------------------------------------------------

const minute = 60_000;
const postLimits = new WeakMap<object, RateLimiter>();

/** POSTs per client address and minute, counted before the key is checked (no guessing). */
function postLimiter(hub: object): RateLimiter {
	let limiter = postLimits.get(hub);
	if (!limiter) {
		limiter = new RateLimiter(open311Limits.postsPerMinute, minute);
		postLimits.set(hub, limiter);
	}
	return limiter;
}

/** The body's parameters: a form (urlencoded or multipart, files ignored) or a JSON object. */
async function bodyOf(request: Request): Promise<Params> {
	const type = (request.headers.get('content-type') ?? '').toLowerCase();
	const bytes = await readBytes(request, open311Limits.postBytes);
	const text = () => new TextDecoder().decode(bytes);
	if (type.startsWith('application/x-www-form-urlencoded'))
		return Object.fromEntries(new URLSearchParams(text()));
	if (type.startsWith('multipart/form-data')) {
		const form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
			headers: { 'content-type': type }
		})
			.formData()
			.catch(() => {
				throw new Open311Failure(400, 'The form body could not be read.');
			});
		const params: Params = {};
		for (const [key, value] of form) if (typeof value === 'string') params[key] = value;
		return params;
	}
	if (/^application\/json\s*(;|$)/.test(type)) {
		let body: unknown;
		try {
			body = JSON.parse(text());
		} catch {
			throw new Open311Failure(400, 'The body is not valid JSON.');
		}
		if (body === null || typeof body !== 'object' || Array.isArray(body))
			throw new Open311Failure(400, 'Send the parameters as one JSON object.');
		const params: Params = {};
		for (const [key, value] of Object.entries(body)) {
			if (typeof value === 'string' || typeof value === 'number') params[key] = String(value);
			else if (value !== null && value !== undefined)
				throw new Open311Failure(400, `${key} is text or a number.`);
		}
		return params;
	}
	throw new Open311Failure(
		400,
		'Send the parameters as application/x-www-form-urlencoded (or multipart/form-data, or JSON).'
	);
}

const serviceNotice = (title: string) =>
	`The idea is on the map "${title}" now, where people can see, support and discuss it.`;

/** POST /api/v1/open311/v2/requests.json */
export async function handlePostRequest(request: Request, ctx: Ctx): Promise<Response> {
	try {
		postLimiter(ctx.hub).enforce(ctx.ip, ctx.now);
		// The spec sends parameters in the body; the query string may carry some of them too.
		const params = { ...queryOf(request), ...(await bodyOf(request)) };
		const space = await jurisdiction(ctx, params, false);
		if (!params.api_key) throw new Open311Failure(403, 'api_key was not provided.');
		const key = await findApiKey(ctx.hub.db, params.api_key, ctx.now);
		if (!key || key.space !== space.id)
			throw new Open311Failure(403, 'api_key is not valid for this jurisdiction.');
		if (!params.lat || !params.long)
			throw new Open311Failure(
				400,
				'lat and long are required: this hub does not geocode address_string or address_id.'
			);
		const body = check(PostRequestSchema, params);
		if (!space.map.categories.some((category) => category.id === body.service_code))
			throw new Open311Failure(404, `service_code provided was not found: ${body.service_code}`);
		const id = newId();
		await push(ctx, space, key, id, body);
		const [idea] = await mapIdeas(ctx.hub.db, space.id, { ids: [id] });
		if (!idea) throw new Error('A pushed Open311 idea is missing.');
		const created: Open311Created = {
			...toRequest(idea, requestContext(space, request, ctx, false)),
			service_notice: serviceNotice(space.title),
			account_id: null
		};
		return open311Json([created]);
	} catch (error) {
		return open311Error(error);
	}
}

/** Pushes the idea as the key's participant; a refusal becomes an Open311 error. */
async function push(
	ctx: Ctx,
	space: Jurisdiction,
	key: { id: string; participant: string; label: string },
	id: string,
	body: v.InferOutput<typeof PostRequestSchema>
): Promise<void> {
	const { title, text } = ideaTextOf(body.description);
	const names = `${body.first_name} ${body.last_name}`.trim();
	const patch = {
		title,
		text,
		category: body.service_code,
		geometry: JSON.stringify({ type: 'Point', coordinates: [body.long, body.lat] }),
		photos: '[]',
		language: languageOf(body.locale, space.languages?.[0] ?? 'en'),
		authorName: (names || key.label).slice(0, 60),
		createdAt: ctx.now
	};
	const actor: Actor = { kind: 'participant', participant: key.participant, space: space.id };
	const seq = await nextPushSeq(ctx.hub.db, key.id, ctx.now);
	const pushRequest: PushRequest = {
		protocol: protocolVersion,
		// The key is the "device" of its pushes: one receipt per POST, numbered per key.
		deviceId: key.id,
		participant: key.participant,
		batches: [
			{
				seq,
				mutations: [
					{
						id,
						type: 'mapIdea',
						space: space.id,
						hlc: formatHlc({ wall: ctx.now, counter: 0, node: key.participant }),
						patch
					}
				]
			}
		]
	};
	const response = await ctx.hub.push(pushRequest, actor, ctx.now);
	const result = response.results[0]?.mutations[0];
	if (result?.status === 'applied') return;
	const status = result?.code === 'forbidden' ? 403 : result?.code === 'unknown-space' ? 404 : 400;
	throw new Open311Failure(status, result?.message ?? 'The hub refused this idea.');
}

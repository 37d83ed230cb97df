/**
 * The sync API as plain functions from a Request and a context (hub, actor, address, clock)
 * to a Response. Routes stay thin and pass `context(event)`; tests build the context by hand.
 */
import { PlazaError } from '$lib/domain/errors';
import { authorOf, canModerate, canPull } from '$lib/domain/policy';
import { acceptedProtocols, PullQuerySchema, PushRequestSchema } from '$lib/domain/protocol';
import { SpaceIdSchema } from '$lib/domain/space';
import type { Hub } from './hub';
import { json, parse, readJson, toErrorResponse } from './http';
import type { Ctx } from './http/context';
import { rateLimits } from './http/rate-limit';
import { openapi } from './openapi';
import { requireAccess } from './sync/access';
import { changeStream } from './sync/live';
import { requireSpace } from './sync/spaces';
import { pendingHeader, recordPending } from './workshop/devices';

function checkProtocol(protocol: unknown): void {
	if (protocol === undefined || acceptedProtocols.includes(Number(protocol))) return;
	throw new PlazaError(
		'unsupported-protocol',
		`This hub speaks sync protocol ${acceptedProtocols.join(' or ')}; please update the app.`,
		426
	);
}

/** Push needs someone to write as; 120 pushes a minute per token or account, else per address. */
function admitPush(ctx: Ctx): void {
	const author = authorOf(ctx.actor);
	if (!author) throw new PlazaError('unauthorised', 'Join the space or log in to take part.', 401);
	rateLimits(ctx.hub).push.enforce(author, ctx.now);
}

/** POST /api/v1/sync/push */
export async function handlePush(request: Request, ctx: Ctx): Promise<Response> {
	try {
		admitPush(ctx);
		const body = await readJson(request);
		// A newer client may send a shape this hub cannot read: answer its version first.
		if (body !== null && typeof body === 'object' && 'protocol' in body)
			checkProtocol(typeof body.protocol === 'number' ? body.protocol : undefined);
		return json(await ctx.hub.push(parse(PushRequestSchema, body), ctx.actor, ctx.now));
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** The space, once `actor` may read it: 404 unknown, 401 nobody asking, 403 not allowed. */
async function readableSpace(ctx: Ctx, id: string) {
	const space = await requireSpace(ctx.hub.db, id);
	requireAccess(ctx.actor, canPull(ctx.actor, space));
	return space;
}

/** GET /api/v1/sync/pull?space=…&after=…&limit=… */
export async function handlePull(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const params = Object.fromEntries(new URL(request.url).searchParams);
		checkProtocol(params.protocol);
		const { space, after, limit } = parse(PullQuerySchema, params);
		const info = await readableSpace(ctx, space);
		const seesHidden = canModerate(ctx.actor, info);
		// The device's count of unsent changes, for the live board (workshop/devices.ts).
		const pending = request.headers.get(pendingHeader);
		await recordPending(ctx.hub.db, info.id, ctx.actor, pending, ctx.now);
		return json(await ctx.hub.pull({ space, after, limit, seesHidden }));
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/events?space=…[&token=…] (Server-Sent Events) */
export async function handleEvents(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const params = new URL(request.url).searchParams;
		const space = parse(SpaceIdSchema, params.get('space') ?? '');
		await readableSpace(ctx, space);
		return new Response(changeStream(ctx.hub.live, space, request.signal), {
			headers: {
				'content-type': 'text/event-stream; charset=utf-8',
				'cache-control': 'no-store',
				'x-accel-buffering': 'no'
			}
		});
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/health */
export function handleHealth(hub: Hub, version: string): Response {
	return json({ status: 'ok', engine: hub.db.engine, epoch: hub.epoch, version });
}

/** GET /api/v1/openapi.json */
export function handleOpenapi(): Response {
	return json(openapi);
}

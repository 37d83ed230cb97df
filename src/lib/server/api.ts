/**
 * The hub API as plain functions from a Request (and a hub) to a Response. Routes stay thin
 * and call these with `getHub()`; tests call them with a hub of their own.
 */
import * as v from 'valibot';
import { PlazaError } from '$lib/domain/errors';
import {
	acceptedProtocols,
	describeIssues,
	PullQuerySchema,
	PushRequestSchema
} from '$lib/domain/protocol';
import { SpaceIdSchema } from '$lib/domain/space';
import type { Hub } from './hub';
import { json, readJson, toErrorResponse } from './http';
import { openapi } from './openapi';
import { changeStream } from './sync/live';

function checkProtocol(protocol: unknown): void {
	if (protocol === undefined || acceptedProtocols.includes(Number(protocol))) return;
	throw new PlazaError(
		'unsupported-protocol',
		`This hub speaks sync protocol ${acceptedProtocols.join(' or ')}; please update the app.`,
		426
	);
}

function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (!result.success) throw new PlazaError('invalid-request', describeIssues(result.issues));
	return result.output;
}

/** POST /api/v1/sync/push */
export async function handlePush(request: Request, hub: Hub): Promise<Response> {
	try {
		const body = await readJson(request);
		// A newer client may send a shape this hub cannot read: answer its version first.
		if (body !== null && typeof body === 'object' && 'protocol' in body)
			checkProtocol(typeof body.protocol === 'number' ? body.protocol : undefined);
		return json(await hub.push(parse(PushRequestSchema, body)));
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/sync/pull?space=…&after=…&limit=… */
export async function handlePull(request: Request, hub: Hub): Promise<Response> {
	try {
		const params = Object.fromEntries(new URL(request.url).searchParams);
		checkProtocol(params.protocol);
		const query = parse(PullQuerySchema, params);
		return json(await hub.pull({ space: query.space, after: query.after, limit: query.limit }));
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/events?space=… (Server-Sent Events) */
export function handleEvents(request: Request, hub: Hub): Response {
	try {
		const space = parse(SpaceIdSchema, new URL(request.url).searchParams.get('space') ?? '');
		return new Response(changeStream(hub.live, space, request.signal), {
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

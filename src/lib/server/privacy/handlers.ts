/**
 * HTTP handlers of a participant's own data: GET (export) and DELETE (erase) /api/v1/me/data,
 * and PATCH /api/v1/me (their display name).
 */
import { UpdateMeSchema } from '$lib/domain/auth';
import { SpaceIdSchema } from '$lib/domain/space';
import { json, parse, readJson, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { eraseMyData, exportMyData, renameMe } from './my-data';

function spaceOf(request: Request): string {
	return parse(SpaceIdSchema, new URL(request.url).searchParams.get('space') ?? '');
}

/** GET /api/v1/me/data?space=… → `{ space, participant, records }`. */
export async function handleExportMyData(request: Request, ctx: Ctx): Promise<Response> {
	try {
		return json(await exportMyData(ctx.hub.db, spaceOf(request), ctx.actor));
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** DELETE /api/v1/me/data?space=… → `{ erased, policy }`; the token is revoked afterwards. */
export async function handleEraseMyData(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const space = spaceOf(request);
		const { hub, actor, now } = ctx;
		const outcome = await hub.db.transaction((tx) => eraseMyData(tx, space, actor, now));
		if (outcome.seq !== undefined) await hub.announce(new Map([[space, outcome.seq]]));
		return json({ erased: outcome.erased, policy: outcome.policy });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** PATCH /api/v1/me?space=… {displayName} → `{ displayName }` (participant token). */
export async function handleUpdateMe(request: Request, ctx: Ctx): Promise<Response> {
	try {
		const space = spaceOf(request);
		const body = parse(UpdateMeSchema, await readJson(request, 4096));
		return json({ displayName: await renameMe(ctx.hub.db, space, ctx.actor, body.displayName) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

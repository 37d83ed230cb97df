/**
 * HTTP handlers of moderation: hide/unhide (staff), report (participants and staff), the list
 * of reports (staff). Each takes the route's path parameters as they came.
 */
import { ModerationSchema } from '$lib/domain/auth';
import { IdSchema } from '$lib/domain/protocol';
import { SpaceIdSchema } from '$lib/domain/space';
import { json, parse, readJson, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { setHidden } from './moderation';
import { fileReport, listReports } from './reports';

/** A reason is short: this bounds what a moderation body may cost to read. */
const bodyBytes = 16 * 1024;

function target(space: string, record: string) {
	return { space: parse(SpaceIdSchema, space), record: parse(IdSchema, record).toLowerCase() };
}

/** POST /api/v1/spaces/{space}/records/{record}/hide and …/unhide, body `{ reason }`. */
export async function handleModeration(
	request: Request,
	ctx: Ctx,
	params: { space: string; record: string },
	hide: boolean
): Promise<Response> {
	try {
		const { space, record } = target(params.space, params.record);
		const { reason } = parse(ModerationSchema, await readJson(request, bodyBytes));
		const { hub, actor, now } = ctx;
		const seq = await hub.db.transaction((tx) =>
			setHidden(tx, { space, record, actor, hide, reason, now })
		);
		await hub.announce(new Map([[space, seq]]));
		return json({ record, hidden: hide, cursor: `${hub.epoch}.${seq}` });
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** POST /api/v1/spaces/{space}/records/{record}/report, body `{ reason }` → 201. */
export async function handleReport(
	request: Request,
	ctx: Ctx,
	params: { space: string; record: string }
): Promise<Response> {
	try {
		const { space, record } = target(params.space, params.record);
		const { reason } = parse(ModerationSchema, await readJson(request, bodyBytes));
		return json({ report: await fileReport(ctx.hub.db, space, record, ctx.actor, reason) }, 201);
	} catch (error) {
		return toErrorResponse(error);
	}
}

/** GET /api/v1/spaces/{space}/reports (staff), newest first. */
export async function handleListReports(ctx: Ctx, space: string): Promise<Response> {
	try {
		const id = parse(SpaceIdSchema, space);
		return json({ reports: await listReports(ctx.hub.db, id, ctx.actor) });
	} catch (error) {
		return toErrorResponse(error);
	}
}

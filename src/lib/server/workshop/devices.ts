/**
 * What the participants' devices say about input they have not sent yet: the live board's
 * "waiting devices" (issue 4; docs/sync-protocol.md, "Waiting devices").
 *
 * With every pull a device sends `Plaza-Pending: <n>`, the number of changes of that space its
 * outbox still holds once the push before the pull is done (changes the hub refused are not
 * counted: they wait for the person, not for the network). The hub keeps, per participant, the
 * last number and when it came. A device that is offline cannot report at all, so the board
 * also counts the joined devices the hub has not heard from for `silentAfterMs`: an online
 * device pulls at least once a minute.
 *
 * Reports are advisory: a missing or malformed header changes nothing and never fails a pull.
 */
import * as v from 'valibot';
import type { Actor } from '$lib/domain/auth';
import type { Queryable } from '../db/client';
import { json, toErrorResponse } from '../http';
import type { Ctx } from '../http/context';
import { requireManagedSpace } from '../spaces/handlers';

/** The request header of a pull that carries the report (the client sends the same name). */
export const pendingHeader = 'plaza-pending';

/** A joined device the hub has not heard from for this long counts as "not heard from". */
export const silentAfterMs = 120_000;

/**
 * An unchanged number is written again only after this long, so that a room of phones pulling
 * on every change does not turn each pull into a write; "heard from" is exact to this much.
 */
export const reportRefreshMs = 30_000;

/** A count of changes: plain decimal digits, at most a million. */
const PendingSchema = v.pipe(
	v.string(),
	v.trim(),
	v.regex(/^\d{1,7}$/),
	v.transform(Number),
	v.maxValue(1_000_000)
);

/** The number a `Plaza-Pending` header reports, or undefined when there is none or it is bad. */
export function parsePending(header: string | null): number | undefined {
	if (header === null) return undefined;
	const parsed = v.safeParse(PendingSchema, header);
	return parsed.success ? parsed.output : undefined;
}

/**
 * Keeps a participant's report for `space`: only a participant of that space reports (staff
 * devices and published-space readers do not), and only while their token is valid.
 */
export async function recordPending(
	db: Queryable,
	space: string,
	actor: Actor,
	header: string | null,
	now: number
): Promise<void> {
	if (actor.kind !== 'participant' || actor.space !== space) return;
	const pending = parsePending(header);
	if (pending === undefined) return;
	await db.query(
		`UPDATE participants SET pending = $3::integer, reported_at = $4::timestamptz
		WHERE space = $1 AND participant = $2::uuid AND revoked_at IS NULL
			AND (pending IS DISTINCT FROM $3::integer OR reported_at IS NULL
				OR reported_at < $5::timestamptz)`,
		[
			space,
			actor.participant,
			pending,
			new Date(now).toISOString(),
			new Date(now - reportRefreshMs).toISOString()
		]
	);
}

/** The board's counts of the joined (not revoked) devices of a space. */
export interface DeviceSummary {
	/** Devices that joined and were not revoked. */
	joined: number;
	/** Devices whose last report said they hold changes not yet sent. */
	waiting: number;
	/** The changes those reports add up to. */
	pendingChanges: number;
	/** Joined devices the hub has not heard from (joined or reported) for `silentAfterSeconds`. */
	silent: number;
	silentAfterSeconds: number;
}

export async function deviceSummary(
	db: Queryable,
	space: string,
	now: number
): Promise<DeviceSummary> {
	const [row] = await db.query<Record<'joined' | 'waiting' | 'changes' | 'silent', unknown>>(
		`SELECT count(*) AS joined,
			count(*) FILTER (WHERE pending > 0) AS waiting,
			coalesce(sum(pending), 0) AS changes,
			count(*) FILTER (
				WHERE GREATEST(joined_at, coalesce(reported_at, joined_at)) < $2::timestamptz
			) AS silent
		FROM participants WHERE space = $1 AND revoked_at IS NULL`,
		[space, new Date(now - silentAfterMs).toISOString()]
	);
	return {
		joined: Number(row?.joined ?? 0),
		waiting: Number(row?.waiting ?? 0),
		pendingChanges: Number(row?.changes ?? 0),
		silent: Number(row?.silent ?? 0),
		silentAfterSeconds: silentAfterMs / 1000
	};
}

/** GET /api/v1/spaces/<id>/devices (staff) → `DeviceSummary`. */
export async function handleDevices(id: string, ctx: Ctx): Promise<Response> {
	try {
		const space = await requireManagedSpace(ctx, id);
		return json(await deviceSummary(ctx.hub.db, space.id, ctx.now), 200, {
			'cache-control': 'no-store'
		});
	} catch (error) {
		return toErrorResponse(error);
	}
}

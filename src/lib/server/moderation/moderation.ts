/**
 * Hiding and unhiding a contribution. Both are ordinary record changes for sync: they go
 * through the push write path (space lock, one new cursor value), so every device pulls the
 * change and the live channel announces it. Hiding stamps `hidden_clock`, a hub clock newer
 * than anything the record holds: non-staff devices get a tombstone with that clock and drop
 * the record. Unhiding writes `deleted: false` with a still newer clock (unless the author
 * really deleted it), so those devices take it back.
 */
import type { Actor } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import { canModerate } from '$lib/domain/policy';
import { audit } from '../audit';
import type { Queryable } from '../db/client';
import { requireAccess } from '../sync/access';
import { requireSpace, type HubSpace } from '../sync/spaces';
import {
	hubClock,
	loadRecords,
	lockSpaces,
	recordClock,
	writeRecords,
	type LoadedRecord
} from '../sync/write';

export interface ModerationRequest {
	space: string;
	record: string;
	actor: Actor;
	hide: boolean;
	reason: string;
	now: number;
}

/** The record of `space`, or 404: a record of another space is as good as unknown here. */
export async function recordIn(
	tx: Queryable,
	space: string,
	record: string
): Promise<LoadedRecord> {
	const found = (await loadRecords(tx, [record.toLowerCase()])).get(record.toLowerCase());
	if (!found || found.space !== space)
		throw new PlazaError('not-found', 'There is no such contribution in this space.', 404);
	return found;
}

/** Hides or unhides one record; resolves to the space's new cursor seq (for the live channel). */
export async function setHidden(tx: Queryable, request: ModerationRequest): Promise<number> {
	const { actor, hide, reason, now } = request;
	const space = await requireSpace(tx, request.space);
	requireAccess(actor, canModerate(actor, space));
	await lockSpaces(tx, [space.id]);
	const record = await recordIn(tx, space.id, request.record);
	const clock = hubClock(now, recordClock(record));
	const next = { ...record, fields: { ...record.fields }, clocks: { ...record.clocks } };
	if (!hide && next.fields.deleted !== true) {
		next.fields.deleted = false;
		next.clocks.deleted = clock;
	}
	const seqs = await writeRecords(tx, [next], now);
	await tx.query(
		`UPDATE records SET hidden = $2, hidden_reason = $3, hidden_by = $4,
			hidden_at = $5::timestamptz, hidden_clock = $6 WHERE id = $1`,
		hide
			? [record.id, true, reason, staffId(actor), new Date(now).toISOString(), clock]
			: [record.id, false, null, null, null, null]
	);
	await audit(tx, moderationEntry(space, actor, hide, record.id, reason, now));
	return seqs.get(space.id)!;
}

function staffId(actor: Actor): string | null {
	return actor.kind === 'account' ? actor.accountId : null;
}

function moderationEntry(
	space: HubSpace,
	actor: Actor,
	hide: boolean,
	record: string,
	reason: string,
	now: number
) {
	return {
		organisation: space.organisation,
		actor: staffId(actor) ?? '',
		actorName: actor.kind === 'account' ? actor.name : '',
		action: hide ? 'record.hide' : 'record.unhide',
		target: `${space.id}/${record}`,
		detail: { space: space.id, record, reason },
		at: now
	};
}

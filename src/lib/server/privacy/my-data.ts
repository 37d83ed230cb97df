/**
 * A participant's own data (GDPR access and erasure), reached with their participant token.
 *
 * Erasure follows the space's `erasePolicy`: `delete` turns each of their records into a
 * tombstone whose content fields are emptied, `anonymise` keeps the text but empties the
 * author name; either way the author becomes the nil UUID, the change goes through the push
 * write path with a hub clock newer than anything on the record (so every device syncs it),
 * their reports go, and their participant row is revoked so the token stops working. The photos
 * they uploaded (blobs) are deleted unless a live record still shows them: someone else's, or
 * their own kept anonymised.
 */
import type { Actor } from '$lib/domain/auth';
import type { Fields } from '$lib/domain/merge';
import { PlazaError } from '$lib/domain/errors';
import type { RemoteRecord } from '$lib/domain/protocol';
import { audit } from '../audit';
import { deleteUnreferencedBlobs } from '../blobs/store';
import type { Queryable } from '../db/client';
import { requireAccess } from '../sync/access';
import { requireSpace, type HubSpace } from '../sync/spaces';
import { hubClock, lockSpaces, recordClock, writeRecords, type LoadedRecord } from '../sync/write';

export const nilUuid = '00000000-0000-0000-0000-000000000000';

export interface MyData {
	space: string;
	participant: string;
	records: RemoteRecord[];
}

/** The participant of `space` asking, or 401/403. */
async function participantOf(db: Queryable, space: string, actor: Actor) {
	const info = await requireSpace(db, space);
	const own = actor.kind === 'participant' && actor.space === info.id;
	requireAccess(actor, own);
	return { info, participant: (actor as { participant: string }).participant.toLowerCase() };
}

async function recordsOf(db: Queryable, space: string, participant: string) {
	return db.query<LoadedRecord>(
		`SELECT id, space, type, author, fields, clocks, hidden, hidden_clock AS "hiddenClock"
		FROM records WHERE space = $1 AND author = $2::uuid ORDER BY seq`,
		[space, participant]
	);
}

export async function exportMyData(db: Queryable, space: string, actor: Actor): Promise<MyData> {
	const { info, participant } = await participantOf(db, space, actor);
	const rows = await recordsOf(db, info.id, participant);
	const records = rows.map(({ id, type, space, author, fields, clocks, hidden }) => ({
		id,
		type,
		space,
		author,
		fields,
		clocks,
		...(hidden ? { hidden: true } : {})
	}));
	return { space: info.id, participant, records };
}

/**
 * Changes the participant's display name in the space (what its facilitators see in the list
 * of participants); records keep the author name they were written with.
 */
export async function renameMe(
	db: Queryable,
	space: string,
	actor: Actor,
	displayName: string
): Promise<string> {
	const { info, participant } = await participantOf(db, space, actor);
	const rows = await db.query(
		`UPDATE participants SET display_name = $3
		WHERE space = $1 AND participant = $2::uuid AND revoked_at IS NULL RETURNING 1`,
		[info.id, participant, displayName]
	);
	if (rows.length === 0)
		throw new PlazaError('token-revoked', 'The facilitators removed you from this space.', 403);
	return displayName;
}

/** What erasing leaves of one record under the space's policy. */
function erased(record: LoadedRecord, space: HubSpace, clock: string): LoadedRecord {
	const fields: Fields = { ...record.fields };
	const clocks = { ...record.clocks };
	const set = (key: string, value: Fields[string]) => {
		fields[key] = value;
		clocks[key] = clock;
	};
	if (space.erasePolicy === 'delete') {
		for (const key of Object.keys(fields)) if (key !== 'deleted') set(key, null);
		set('deleted', true);
	} else if ('authorName' in fields) set('authorName', '');
	return { ...record, author: nilUuid, fields, clocks };
}

export interface EraseOutcome {
	erased: number;
	policy: HubSpace['erasePolicy'];
	/** The space's cursor after the erase, when any record changed. */
	seq?: number;
}

export async function eraseMyData(
	tx: Queryable,
	space: string,
	actor: Actor,
	now: number
): Promise<EraseOutcome> {
	const { info, participant } = await participantOf(tx, space, actor);
	await lockSpaces(tx, [info.id]);
	const records = await recordsOf(tx, info.id, participant);
	const changed = records.map((record) => erased(record, info, hubClock(now, recordClock(record))));
	const seqs = await writeRecords(tx, changed, now);
	const blobs = await deleteUnreferencedBlobs(tx, info.id, participant);
	await tx.query('DELETE FROM reports WHERE space = $1 AND reporter = $2::uuid', [
		info.id,
		participant
	]);
	await tx.query(
		`UPDATE participants SET revoked_at = $3::timestamptz, display_name = '',
			pending = NULL, reported_at = NULL
		WHERE space = $1 AND participant = $2::uuid`,
		[info.id, participant, new Date(now).toISOString()]
	);
	await audit(tx, {
		organisation: info.organisation,
		actor: participant,
		actorName: '',
		action: 'participant.erase',
		target: info.id,
		detail: { records: changed.length, policy: info.erasePolicy, blobs },
		at: now
	});
	return { erased: changed.length, policy: info.erasePolicy, seq: seqs.get(info.id) };
}

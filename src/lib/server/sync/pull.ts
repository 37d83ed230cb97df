/**
 * Pull: cursor paging over one space, and the tombstone purge that bounds how old a cursor may
 * be. A cursor is `EPOCH.SEQ`; SEQ is the space counter of push.ts, so "rows with seq > after,
 * in seq order" never skips a change (writers commit in seq order).
 */
import { PlazaError } from '$lib/domain/errors';
import {
	formatCursor,
	limits,
	parseCursor,
	type PullResponse,
	type RemoteRecord
} from '$lib/domain/protocol';
import type { Db } from '../db/client';

export interface PullOptions {
	space: string;
	after?: string;
	limit?: number;
	/** Staff see hidden records as they are; everyone else gets them as tombstones. */
	seesHidden?: boolean;
}

interface PulledRow extends Omit<RemoteRecord, 'hidden' | 'hiddenReason'> {
	seq: unknown;
	hidden: boolean;
	hiddenReason: string | null;
	hiddenClock: string | null;
}

/**
 * What one reader gets of a stored record. A hidden record reaches non-staff as a bare
 * tombstone whose `deleted` clock (set when it was hidden) beats every clock the device holds,
 * so the device drops it; its content never leaves the hub.
 */
function view(row: PulledRow, seesHidden: boolean): RemoteRecord {
	const { id, type, space, author, fields, clocks } = row;
	if (!row.hidden) return { id, type, space, author, fields, clocks };
	if (seesHidden)
		return {
			id,
			type,
			space,
			author,
			fields,
			clocks,
			hidden: true,
			hiddenReason: row.hiddenReason ?? ''
		};
	const clock = row.hiddenClock ?? clocks.deleted ?? '';
	return {
		id,
		type,
		space,
		author,
		fields: { deleted: true },
		clocks: { deleted: clock },
		hidden: true
	};
}

const mustRefetch = (message: string) => new PlazaError('must-refetch', message, 409);

export async function pullChanges(
	db: Db,
	epoch: string,
	options: PullOptions
): Promise<PullResponse> {
	const limit = options.limit ?? limits.pullDefault;
	// Read the space's counter BEFORE the records: everything up to it is committed, so an empty
	// page may move the cursor there without passing a change still in flight.
	const [space] = await db.query<{ seq: unknown; horizon: unknown }>(
		'SELECT seq, horizon FROM spaces WHERE id = $1',
		[options.space]
	);
	const current = Number(space?.seq ?? 0);
	let after = 0;
	if (options.after !== undefined) {
		const cursor = parseCursor(options.after);
		if (cursor.epoch !== epoch)
			throw mustRefetch('This hub was reset since the last sync; the space is loaded again.');
		if (cursor.seq < Number(space?.horizon ?? 0))
			throw mustRefetch('This device was away longer than deleted items are kept.');
		if (cursor.seq > current) throw mustRefetch('This cursor is ahead of the hub.');
		after = cursor.seq;
	}
	const rows = await db.query<PulledRow>(
		`SELECT id, type, space, author, fields, clocks, seq, hidden,
			hidden_reason AS "hiddenReason", hidden_clock AS "hiddenClock"
		FROM records WHERE space = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
		[options.space, after, limit + 1]
	);
	const more = rows.length > limit;
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	const changes = page.map((row) => view(row, options.seesHidden ?? false));
	const cursor = formatCursor(epoch, last ? Number(last.seq) : Math.max(after, current));
	return { changes, cursor, more };
}

/**
 * Deletes tombstones older than `limits.tombstoneDays` and raises each space's horizon past
 * them: a cursor below the horizon may have missed a purged delete and must refetch. Each
 * space is purged under its row lock, like a push. Returns how many records were removed.
 */
export async function purgeTombstones(db: Db, now = Date.now()): Promise<number> {
	const cutoff = new Date(now - limits.tombstoneDays * 86_400_000).toISOString();
	const spaces = await db.query<{ space: string }>(
		'SELECT DISTINCT space FROM records WHERE deleted AND updated_at < $1::timestamptz ORDER BY space',
		[cutoff]
	);
	let removed = 0;
	for (const { space } of spaces) {
		removed += await db.transaction(async (tx) => {
			await tx.query('SELECT 1 FROM spaces WHERE id = $1 FOR UPDATE', [space]);
			const gone = await tx.query<{ seq: unknown }>(
				'DELETE FROM records WHERE space = $1 AND deleted AND updated_at < $2::timestamptz RETURNING seq',
				[space, cutoff]
			);
			const top = Math.max(0, ...gone.map((row) => Number(row.seq)));
			await tx.query('UPDATE spaces SET horizon = GREATEST(horizon, $2) WHERE id = $1', [
				space,
				top
			]);
			return gone.length;
		});
	}
	return removed;
}

/**
 * The one write path for records on the hub, shared by push, moderation and erasure: lock the
 * spaces, read the records, take one cursor value per changed record from its space inside the
 * same transaction, upsert. The space row lock serialises writers per space, so cursor order is
 * commit order and a reader paging by cursor never skips a change (docs/decisions/0002).
 */
import { formatHlc, parseHlc } from '$lib/domain/hlc';
import { latestClock } from '$lib/domain/merge';
import type { Queryable } from '../db/client';
import type { StoredRecord } from './apply';

/** The record as stored, with its moderation state. */
export interface LoadedRecord extends StoredRecord {
	hidden: boolean;
	hiddenClock: string | null;
}

/** Locks existing space rows in id order, so two writers over the same spaces cannot deadlock. */
export async function lockSpaces(tx: Queryable, spaces: string[]): Promise<void> {
	if (spaces.length === 0) return;
	await tx.query('SELECT id FROM spaces WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [
		[...spaces].sort()
	]);
}

export async function loadRecords(
	tx: Queryable,
	ids: string[]
): Promise<Map<string, LoadedRecord>> {
	if (ids.length === 0) return new Map();
	const rows = await tx.query<LoadedRecord>(
		`SELECT id, space, type, author, fields, clocks, hidden, hidden_clock AS "hiddenClock"
		FROM records WHERE id = ANY($1::uuid[])`,
		[ids]
	);
	return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A clock for a change the hub itself makes (moderation, erasure): later than now and than
 * every clock the record carries, so it wins the merge on every device.
 */
export function hubClock(now: number, ...after: (string | null | undefined)[]): string {
	const latest = after.filter((c): c is string => !!c).reduce((a, b) => (b > a ? b : a), '');
	if (!latest || parseHlc(latest).wall < now)
		return formatHlc({ wall: now, counter: 0, node: 'hub' });
	const last = parseHlc(latest);
	return formatHlc({ wall: last.wall, counter: last.counter + 1, node: 'hub' });
}

/** The latest clock of a record including its hide clock. */
export function recordClock(record: LoadedRecord): string {
	const latest = latestClock(record);
	return record.hiddenClock && record.hiddenClock > latest ? record.hiddenClock : latest;
}

/**
 * Takes one cursor value per changed record from its space, then upserts them in one go.
 * Returns space → its cursor after the write. The spaces must be locked already.
 */
export async function writeRecords(
	tx: Queryable,
	records: StoredRecord[],
	now: number
): Promise<Map<string, number>> {
	const bySpace = new Map<string, StoredRecord[]>();
	for (const record of records)
		bySpace.set(record.space, [...(bySpace.get(record.space) ?? []), record]);
	const seqs = new Map<string, number>();
	const rows: Record<string, unknown>[] = [];
	for (const [space, list] of [...bySpace].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const [row] = await tx.query<{ seq: unknown }>(
			'UPDATE spaces SET seq = seq + $2 WHERE id = $1 RETURNING seq',
			[space, list.length]
		);
		const top = Number(row!.seq);
		seqs.set(space, top);
		list.forEach(({ id, type, author, fields, clocks }, i) => {
			const deleted = fields.deleted === true;
			rows.push({
				id,
				space,
				type,
				author,
				fields,
				clocks,
				deleted,
				seq: top - list.length + 1 + i
			});
		});
	}
	if (rows.length === 0) return seqs;
	// The author changes only when a participant's data is anonymised; a push keeps it.
	await tx.query(
		`INSERT INTO records (id, space, type, author, fields, clocks, deleted, seq, updated_at)
		SELECT r.id, r.space, r.type, r.author, r.fields, r.clocks, r.deleted, r.seq, $2::timestamptz
		FROM jsonb_to_recordset(($1::text)::jsonb) AS r(id uuid, space text, type text,
			author uuid, fields jsonb, clocks jsonb, deleted boolean, seq bigint)
		ON CONFLICT (id) DO UPDATE SET author = excluded.author, fields = excluded.fields,
			clocks = excluded.clocks, deleted = excluded.deleted, seq = excluded.seq,
			updated_at = excluded.updated_at`,
		[JSON.stringify(rows), new Date(now).toISOString()]
	);
	return seqs;
}

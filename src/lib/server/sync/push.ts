/**
 * Push: each outbox row (batch) is applied in ONE transaction together with its receipt.
 *
 * - The receipt row `(deviceId, seq)` is inserted first. If it already exists, the batch is a
 *   replay (same body hash → `duplicate`) or a conflicting resend (other hash → rejected) and
 *   nothing is written. Concurrent resends wait on the primary key, so one of them applies.
 * - The spaces the batch writes to are locked in id order before records are read. The space
 *   row lock serialises writers per space, so the cursor a writer takes by
 *   `UPDATE spaces SET seq = seq + n … RETURNING seq` is also its commit order, and a reader
 *   paging by cursor can never skip a change (docs/decisions/0002).
 * - Each changed record gets its own cursor value; unchanged records (older or replayed
 *   clocks) are not written at all.
 */
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/client';
import {
	formatCursor,
	type BatchResult,
	type MutationResult,
	type PushBatch,
	type PushRequest,
	type PushResponse
} from '$lib/domain/protocol';
import { applyMutation, prepareMutation, type PreparedMutation, type StoredRecord } from './apply';

/** JSON with object keys sorted, so equal batches hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export interface PushOutcome {
	response: PushResponse;
	/** Space → its cursor after this push, for every space this push changed. */
	changed: Map<string, number>;
}

/** Applies a validated push; `now` is the hub's clock (ms), used for the HLC clamp. */
export async function pushBatches(
	db: Db,
	epoch: string,
	request: PushRequest,
	now = Date.now()
): Promise<PushOutcome> {
	const results: BatchResult[] = [];
	const changed = new Map<string, number>();
	for (const batch of request.batches) {
		const outcome = await db.transaction((tx) => applyBatch(tx, request, batch, now));
		results.push(outcome.result);
		for (const [space, seq] of outcome.seqs) changed.set(space, seq);
	}
	const spaces = [...new Set(request.batches.flatMap((b) => b.mutations.map((m) => m.space)))];
	const rows = await db.query<{ id: string; seq: unknown }>(
		'SELECT id, seq FROM spaces WHERE id = ANY($1::text[])',
		[spaces]
	);
	const seqs = new Map(rows.map((row) => [row.id, Number(row.seq)]));
	const checkpoints = Object.fromEntries(
		spaces.map((space) => [space, formatCursor(epoch, seqs.get(space) ?? 0)])
	);
	return { response: { protocol: request.protocol, results, checkpoints }, changed };
}

async function applyBatch(
	tx: Queryable,
	request: PushRequest,
	batch: PushBatch,
	now: number
): Promise<{ result: BatchResult; seqs: Map<string, number> }> {
	const hash = createHash('sha256').update(canonicalJson(batch)).digest('hex');
	const fresh = await tx.query(
		'INSERT INTO receipts (device_id, seq, hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING seq',
		[request.deviceId, batch.seq, hash]
	);
	if (fresh.length === 0)
		return { result: await replay(tx, request.deviceId, batch, hash), seqs: new Map() };

	const results: MutationResult[] = [];
	const prepared: PreparedMutation[] = [];
	batch.mutations.forEach((mutation, index) => {
		const outcome = prepareMutation(mutation, index, now);
		if ('status' in outcome) results[index] = outcome;
		else prepared.push(outcome);
	});
	await lockSpaces(tx, [...new Set(prepared.map((p) => p.mutation.space))].sort());
	const ids = new Set(prepared.map((p) => p.mutation.id.toLowerCase()));
	const records = await loadRecords(tx, [...ids]);
	const dirty = new Set<string>();
	for (const p of prepared)
		results[p.index] = applyMutation(p, records, dirty, request.participant);
	const seqs = await writeRecords(
		tx,
		[...dirty].map((id) => records.get(id)!),
		now
	);
	await tx.query(
		'UPDATE receipts SET results = ($3::text)::jsonb WHERE device_id = $1 AND seq = $2',
		[request.deviceId, batch.seq, JSON.stringify(results)]
	);
	return { result: { seq: batch.seq, status: 'applied', mutations: results }, seqs };
}

/** The answer to a batch this hub has a receipt for. */
async function replay(
	tx: Queryable,
	deviceId: string,
	batch: PushBatch,
	hash: string
): Promise<BatchResult> {
	const [receipt] = await tx.query<{ hash: string; results: MutationResult[] | null }>(
		'SELECT hash, results FROM receipts WHERE device_id = $1 AND seq = $2',
		[deviceId, batch.seq]
	);
	if (receipt?.hash !== hash) {
		const message = 'This device already sent a different batch with this number.';
		return {
			seq: batch.seq,
			status: 'rejected',
			code: 'conflicting-resend',
			message,
			mutations: batch.mutations.map((m) => ({
				id: m.id,
				status: 'rejected',
				code: 'conflicting-resend',
				message
			}))
		};
	}
	// What was applied the first time is a duplicate now; what was rejected stays rejected.
	const first = receipt.results ?? [];
	const mutations = batch.mutations.map((m, i): MutationResult =>
		first[i]?.status === 'rejected' ? first[i] : { id: m.id, status: 'duplicate' }
	);
	return { seq: batch.seq, status: 'duplicate', mutations };
}

async function lockSpaces(tx: Queryable, spaces: string[]): Promise<void> {
	if (spaces.length === 0) return;
	await tx.query(
		'INSERT INTO spaces (id) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT DO NOTHING',
		[spaces]
	);
	await tx.query('SELECT id FROM spaces WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [
		spaces
	]);
}

async function loadRecords(tx: Queryable, ids: string[]): Promise<Map<string, StoredRecord>> {
	const rows = await tx.query<StoredRecord>(
		'SELECT id, space, type, author, fields, clocks FROM records WHERE id = ANY($1::uuid[])',
		[ids]
	);
	return new Map(rows.map((row) => [row.id, row]));
}

/** Takes one cursor value per changed record from its space, then upserts them in one go. */
async function writeRecords(
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
		list.forEach((record, i) => {
			const deleted = record.fields.deleted === true;
			rows.push({ ...record, deleted, seq: top - list.length + 1 + i });
		});
	}
	if (rows.length === 0) return seqs;
	await tx.query(
		`INSERT INTO records (id, space, type, author, fields, clocks, deleted, seq, updated_at)
		SELECT r.id, r.space, r.type, r.author, r.fields, r.clocks, r.deleted, r.seq, $2::timestamptz
		FROM jsonb_to_recordset(($1::text)::jsonb) AS r(id uuid, space text, type text,
			author uuid, fields jsonb, clocks jsonb, deleted boolean, seq bigint)
		ON CONFLICT (id) DO UPDATE SET fields = excluded.fields, clocks = excluded.clocks,
			deleted = excluded.deleted, seq = excluded.seq, updated_at = excluded.updated_at`,
		[JSON.stringify(rows), new Date(now).toISOString()]
	);
	return seqs;
}

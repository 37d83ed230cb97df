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
 * - Every mutation is authorised on its own (`canPush`): a space that does not exist, is
 *   closed, or a change the actor may not make is refused for that mutation only. The author
 *   of a new record is the actor (participant id or account id), never what the body claims.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '$lib/domain/auth';
import { PlazaError } from '$lib/domain/errors';
import { authorOf, canPush, isStaff } from '$lib/domain/policy';
import {
	formatCursor,
	type BatchResult,
	type Mutation,
	type MutationResult,
	type PushBatch,
	type PushRequest,
	type PushResponse
} from '$lib/domain/protocol';
import type { Db, Queryable } from '../db/client';
import {
	applyMutation,
	prepareMutation,
	rejected,
	type PreparedMutation,
	type StoredRecord
} from './apply';
import { allRules, MapRules, type PushRules } from './map';
import { PledgeRules } from './pledge';
import { loadSpaces, type HubSpace } from './spaces';
import { WorkshopRules } from './workshop';
import { loadRecords, lockSpaces, writeRecords, type LoadedRecord } from './write';

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

interface PushContext {
	request: PushRequest;
	actor: Actor;
	/** The author id of this actor's writes. */
	author: string;
	spaces: Map<string, HubSpace>;
}

/**
 * Applies a validated push by `actor` (not anonymous: the handler answers 401 first); `now` is
 * the hub's clock (ms), used for the HLC clamp.
 */
export async function pushBatches(
	db: Db,
	epoch: string,
	request: PushRequest,
	actor: Actor,
	now = Date.now()
): Promise<PushOutcome> {
	const author = authorOf(actor);
	if (!author) throw new PlazaError('unauthorised', 'Join the space or log in to take part.', 401);
	const spaceIds = [...new Set(request.batches.flatMap((b) => b.mutations.map((m) => m.space)))];
	const spaces = await loadSpaces(db, spaceIds);
	const context: PushContext = { request, actor, author, spaces };
	const results: BatchResult[] = [];
	const changed = new Map<string, number>();
	for (const batch of request.batches) {
		const outcome = await db.transaction((tx) => applyBatch(tx, context, batch, now));
		results.push(outcome.result);
		for (const [space, seq] of outcome.seqs) changed.set(space, seq);
	}
	const known = spaceIds.filter((space) => spaces.has(space));
	const rows = await db.query<{ id: string; seq: unknown }>(
		'SELECT id, seq FROM spaces WHERE id = ANY($1::text[])',
		[known]
	);
	const seqs = new Map(rows.map((row) => [row.id, Number(row.seq)]));
	const checkpoints = Object.fromEntries(
		known.map((space) => [space, formatCursor(epoch, seqs.get(space) ?? 0)])
	);
	return { response: { protocol: request.protocol, results, checkpoints }, changed };
}

/** Refuses what the space itself rules out, before any record is read. */
function checkSpace(mutation: Mutation, spaces: Map<string, HubSpace>): MutationResult | undefined {
	const space = spaces.get(mutation.space);
	if (!space) return rejected(mutation.id, 'unknown-space', 'There is no space with this id.');
	if (space.status !== 'open')
		return rejected(mutation.id, 'space-closed', 'This space is closed to new contributions.');
	return undefined;
}

async function applyBatch(
	tx: Queryable,
	context: PushContext,
	batch: PushBatch,
	now: number
): Promise<{ result: BatchResult; seqs: Map<string, number> }> {
	const { request, actor, author, spaces } = context;
	const hash = createHash('sha256').update(canonicalJson(batch)).digest('hex');
	const fresh = await tx.query(
		'INSERT INTO receipts (device_id, seq, hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING seq',
		[request.deviceId, batch.seq, hash]
	);
	if (fresh.length === 0)
		return { result: await replay(tx, request.deviceId, batch, hash), seqs: new Map() };

	const results: MutationResult[] = [];
	const open: number[] = [];
	batch.mutations.forEach((mutation, index) => {
		const refused = checkSpace(mutation, spaces);
		if (refused) results[index] = refused;
		else open.push(index);
	});
	const mutations = open.map((index) => batch.mutations[index]!);
	await lockSpaces(tx, [...new Set(mutations.map((m) => m.space))]);
	const records: Map<string, StoredRecord & Partial<LoadedRecord>> = await loadRecords(tx, [
		...new Set(mutations.map((m) => m.id.toLowerCase()))
	]);
	const dirty = new Set<string>();
	const rules = allRules(
		new MapRules(tx, records, now),
		new WorkshopRules(tx, records),
		new PledgeRules(tx, records, now)
	);
	for (const index of open) {
		const mutation = batch.mutations[index]!;
		const stored = records.get(mutation.id.toLowerCase());
		// A record of another space is refused by applyMutation as space-mismatch.
		const existing =
			stored?.space === mutation.space
				? { author: stored.author, hidden: stored.hidden ?? false }
				: undefined;
		if (!canPush(actor, spaces.get(mutation.space)!, mutation, existing)) {
			results[index] = rejected(mutation.id, 'forbidden', 'You may not make this change here.');
			continue;
		}
		const prepared = prepareMutation(mutation, index, now);
		results[index] =
			'status' in prepared
				? prepared
				: await applyChecked(
						prepared,
						{ records, dirty, rules, author },
						isStaff(actor, spaces.get(mutation.space)!)
					);
	}
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

interface BatchState {
	records: Map<string, StoredRecord>;
	dirty: Set<string>;
	rules: PushRules;
	author: string;
}

/** Applies one mutation, then undoes it when the map, workshop or pledge rules refuse it. */
async function applyChecked(
	prepared: PreparedMutation,
	{ records, dirty, rules, author }: BatchState,
	staff: boolean
): Promise<MutationResult> {
	const key = prepared.mutation.id.toLowerCase();
	const before = records.get(key);
	const wasDirty = dirty.has(key);
	const result = applyMutation(prepared, records, dirty, author);
	const after = records.get(key);
	if (result.status !== 'applied' || !after || after === before) return result;
	const refused = await rules.check({ after, created: !before, patch: prepared.patch, staff });
	if (!refused) return result;
	if (before) records.set(key, before);
	else records.delete(key);
	if (!wasDirty) dirty.delete(key);
	return refused;
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

/**
 * The outbox: pending mutations in rows keyed by a per-device `seq` (the hub's receipt key).
 *
 * Life of a row: `waiting` → `sent` (pushed, no answer yet) → deleted once the hub answers
 * `applied`/`duplicate` for it. A mutation leaves the outbox only after the hub confirmed it.
 * Rejected mutations stay in their row with state `rejected` and a reason per mutation, until
 * the person retries (a NEW row and seq: the old seq's receipt would answer its old result)
 * or discards them (the record falls back to its confirmed state plus other pending patches).
 */
import { mergeStates, patchState, type RecordState } from '$lib/domain/merge';
import type { BatchResult, Mutation, MutationResult } from '$lib/domain/protocol';
import { limits } from '$lib/domain/protocol';
import { getDb, type LocalRecord, type OutboxRow, type PlazaDb, type Rejection } from './db';
import { ensureIdentity } from './meta';
import { translateStorageError } from './persistence';
import { announceLocalWrite } from './local-writes';

const encoder = new TextEncoder();

/** Serialized size of a row's mutations, as they will travel in a push. */
export function rowBytes(row: OutboxRow): number {
	return encoder.encode(JSON.stringify(row.mutations)).length;
}

/** The space of a row: the store writes each row within one space. */
export function rowSpace(row: OutboxRow): string {
	return row.mutations[0]?.space ?? '';
}

/** The spaces that have rows waiting to be pushed (or sent without an answer), sorted. */
export async function spacesToPush(): Promise<string[]> {
	const spaces = new Set<string>();
	await getDb().outbox.each((row) => {
		if (row.state !== 'rejected') spaces.add(rowSpace(row));
	});
	return [...spaces].sort();
}

/**
 * Rows to push next, in seq order, within the given bounds (always at least one row); only
 * rows of `space` when given, since each space is pushed with its own token.
 */
export async function takeBatches(
	maxMutations: number = limits.mutationsPerPush,
	maxBytes: number = limits.pushBytes,
	maxBatches: number = limits.batchesPerPush,
	space?: string
): Promise<OutboxRow[]> {
	const taken: OutboxRow[] = [];
	let mutations = 0;
	let bytes = 0;
	await getDb()
		.outbox.orderBy('seq')
		.until(() => taken.length >= maxBatches)
		.each((row) => {
			if (row.state === 'rejected') return;
			if (space !== undefined && rowSpace(row) !== space) return;
			const size = rowBytes(row);
			const fits = mutations + row.mutations.length <= maxMutations && bytes + size <= maxBytes;
			if (taken.length > 0 && !fits) return;
			taken.push(row);
			mutations += row.mutations.length;
			bytes += size;
		});
	return taken;
}

async function moveState(seqs: number[], from: OutboxRow['state'], to: OutboxRow['state']) {
	const db = getDb();
	await db.transaction('rw', db.outbox, async () => {
		const rows = await db.outbox.bulkGet(seqs);
		const moved = rows.filter((r): r is OutboxRow => r?.state === from);
		await db.outbox.bulkPut(moved.map((row) => ({ ...row, state: to })));
	});
}

/** Rows handed to the network: the UI shows them as sent, still not confirmed. */
export function markSent(seqs: number[]): Promise<void> {
	return moveState(seqs, 'waiting', 'sent');
}

/** The push never reached the hub: show the rows as waiting again (they will be re-sent). */
export function markWaiting(seqs: number[]): Promise<void> {
	return moveState(seqs, 'sent', 'waiting');
}

function resultFor(result: BatchResult, mutation: Mutation, index: number): MutationResult {
	if (result.status === 'rejected' && result.mutations.length === 0)
		return { id: mutation.id, status: 'rejected', code: result.code, message: result.message };
	const byIndex = result.mutations[index];
	if (byIndex?.id === mutation.id) return byIndex;
	return (
		result.mutations.find((m) => m.id === mutation.id) ?? {
			id: mutation.id,
			status: 'rejected',
			code: 'server-error',
			message: 'The hub did not answer for this change.'
		}
	);
}

/** Remember on the record that the hub now holds this mutation. */
async function confirm(db: PlazaDb, mutation: Mutation): Promise<void> {
	const record = await db.records.get(mutation.id);
	if (!record) return;
	const confirmed = mergeStates(
		record.confirmed ?? { fields: {}, clocks: {} },
		patchState(mutation.patch, mutation.hlc)
	);
	await db.records.put({ ...record, confirmed });
}

async function applyBatchResult(db: PlazaDb, result: BatchResult): Promise<void> {
	const row = await db.outbox.get(result.seq);
	if (!row || row.state === 'rejected') return;
	const rejected: Mutation[] = [];
	const reasons: Rejection[] = [];
	for (const [index, mutation] of row.mutations.entries()) {
		const answer = resultFor(result, mutation, index);
		if (answer.status !== 'rejected') {
			await confirm(db, mutation);
			continue;
		}
		rejected.push(mutation);
		reasons.push({
			code: answer.code ?? result.code ?? 'invalid-record',
			message: answer.message ?? result.message ?? ''
		});
	}
	if (rejected.length === 0) return db.outbox.delete(result.seq);
	const records = [...new Set(rejected.map((m) => m.id))];
	await db.outbox.put({ ...row, mutations: rejected, records, reasons, state: 'rejected' });
}

/** Apply the hub's answer to a push: confirmed rows go, rejected mutations stay with reasons. */
export async function applyPushResults(results: BatchResult[]): Promise<void> {
	const db = getDb();
	try {
		await db.transaction('rw', db.outbox, db.records, async () => {
			for (const result of results) await applyBatchResult(db, result);
		});
	} catch (error) {
		throw translateStorageError(error);
	}
}

/** Queue the rejected mutations of a row again as a new row; returns the new seq. */
export async function retryRejected(seq: number): Promise<number | undefined> {
	const db = getDb();
	const queued = await db.transaction('rw', db.outbox, async () => {
		const row = await db.outbox.get(seq);
		if (!row || row.state !== 'rejected') return undefined;
		await db.outbox.delete(seq);
		return db.outbox.add({ mutations: row.mutations, records: row.records, state: 'waiting' });
	});
	if (queued !== undefined) announceLocalWrite();
	return queued;
}

/**
 * The state a record falls back to: what the hub confirmed joined with the patches still
 * pending. A record the hub never confirmed and nothing else pending is dropped (`null`).
 */
async function revertedState(db: PlazaDb, record: LocalRecord): Promise<RecordState | null> {
	const rows = await db.outbox.where('records').equals(record.id).toArray();
	const patches = rows
		.flatMap((row) => row.mutations)
		.filter((m) => m.id === record.id)
		.map((m) => patchState(m.patch, m.hlc));
	if (!record.confirmed && patches.length === 0) return null;
	return patches.reduce(mergeStates, record.confirmed ?? { fields: {}, clocks: {} });
}

/** Drop the rejected mutations of a row and roll their records back (see `revertedState`). */
export async function discardRejected(seq: number): Promise<void> {
	const db = getDb();
	await db.transaction('rw', db.outbox, db.records, async () => {
		const row = await db.outbox.get(seq);
		if (!row || row.state !== 'rejected') return;
		await db.outbox.delete(seq);
		for (const id of row.records) {
			const record = await db.records.get(id);
			if (!record) continue;
			const state = await revertedState(db, record);
			if (!state) await db.records.delete(id);
			else await db.records.put({ ...record, ...state, deleted: state.fields.deleted ? 1 : 0 });
		}
	});
}

export interface UnsyncedExport {
	app: 'plaza';
	exportedAt: string;
	deviceId: string;
	participant: string;
	outbox: OutboxRow[];
	records: LocalRecord[];
}

/** Everything the hub has not confirmed yet, for "save as file" in settings. */
export async function exportUnsynced(): Promise<UnsyncedExport> {
	const db = getDb();
	return db.transaction('rw', db.outbox, db.records, db.meta, async () => {
		const identity = await ensureIdentity(db);
		const outbox = await db.outbox.orderBy('seq').toArray();
		const ids = [...new Set(outbox.flatMap((row) => row.records))];
		const records = (await db.records.bulkGet(ids)).filter((r): r is LocalRecord => !!r);
		return {
			app: 'plaza',
			exportedAt: new Date().toISOString(),
			deviceId: identity.deviceId,
			participant: identity.participant,
			outbox,
			records
		};
	});
}

/**
 * Read models for the UI. Plain async functions over the database, meant to run inside
 * Dexie's `liveQuery` (see live.svelte.ts) so every open tab re-renders when any tab writes.
 */
import { liveQuery } from 'dexie';
import type { Mutation } from '$lib/domain/protocol';
import type { IdeaFields } from '$lib/domain/records';
import { getDb, type LocalRecord, type OutboxRow, type OutboxState, type Rejection } from './db';

export type SyncState = 'waiting' | 'sent' | 'confirmed' | 'rejected';

/** A record as the UI shows it: its fields and how far its last change got. */
export interface RecordView<F> {
	id: string;
	space: string;
	author: string;
	fields: F;
	syncState: SyncState;
	rejection?: Rejection;
	/** Hidden by a facilitator: only staff devices still hold such a record. */
	hidden?: boolean;
	hiddenReason?: string;
}

export type IdeaView = RecordView<IdeaFields>;

export interface PendingInfo {
	state: OutboxState;
	rejection?: Rejection;
}

/** A rejection outranks waiting, which outranks sent: show what needs the person first. */
const rank: Record<OutboxState, number> = { sent: 0, waiting: 1, rejected: 2 };

export function pendingByRecord(rows: OutboxRow[]): Map<string, PendingInfo> {
	const map = new Map<string, PendingInfo>();
	for (const row of rows) {
		row.mutations.forEach((mutation, i) => {
			const known = map.get(mutation.id);
			if (known && rank[known.state] >= rank[row.state]) return;
			map.set(mutation.id, { state: row.state, rejection: row.reasons?.[i] });
		});
	}
	return map;
}

export function toView<F = IdeaFields>(
	record: LocalRecord,
	pending: Map<string, PendingInfo>
): RecordView<F> {
	const info = pending.get(record.id);
	const view: RecordView<F> = {
		id: record.id,
		space: record.space,
		author: record.author,
		fields: record.fields as unknown as F,
		syncState: info?.state ?? 'confirmed'
	};
	if (info?.rejection) view.rejection = info.rejection;
	if (record.hidden) view.hidden = true;
	if (record.hiddenReason) view.hiddenReason = record.hiddenReason;
	return view;
}

/**
 * The ideas of a space that are not deleted, newest first. Hidden ideas reach a participant's
 * device as tombstones and so are gone here; a staff device keeps them, flagged `hidden`.
 */
export async function ideasInSpace(space: string): Promise<IdeaView[]> {
	const db = getDb();
	// toArray then filter: a Dexie filter walks a cursor, far slower than one getAll.
	const all = await db.records.where('[space+type]').equals([space, 'idea']).toArray();
	const records = all.filter((record) => record.deleted === 0);
	const pending = pendingByRecord(await db.outbox.toArray());
	const newest = (r: LocalRecord) => Number(r.fields.createdAt ?? 0);
	records.sort((a, b) => newest(b) - newest(a) || (a.id < b.id ? 1 : -1));
	return records.map((record) => toView(record, pending));
}

/** One idea, or undefined when it does not exist or was deleted. */
export async function idea(id: string): Promise<IdeaView | undefined> {
	const db = getDb();
	const record = await db.records.get(id);
	if (!record || record.deleted || record.type !== 'idea') return undefined;
	const rows = await db.outbox.where('records').equals(id).toArray();
	return toView(record, pendingByRecord(rows));
}

export interface OutboxSummary {
	/** Mutations not yet handed to the hub. */
	waiting: number;
	/** Mutations pushed but not yet confirmed. */
	sent: number;
	/** Mutations the hub refused, waiting for the person to retry or discard. */
	rejected: number;
	total: number;
}

/** Counts of unconfirmed mutations by state. */
export async function outboxSummary(): Promise<OutboxSummary> {
	const summary: OutboxSummary = { waiting: 0, sent: 0, rejected: 0, total: 0 };
	await getDb().outbox.each((row) => {
		summary[row.state] += row.mutations.length;
		summary.total += row.mutations.length;
	});
	return summary;
}

export interface RejectedMutation {
	/** The outbox row to pass to `retryRejected` / `discardRejected`. */
	seq: number;
	mutation: Mutation;
	rejection: Rejection;
}

/** Every refused mutation with its reason, oldest first, for the UI's list. */
export async function rejectedMutations(): Promise<RejectedMutation[]> {
	const rows = await getDb().outbox.where('state').equals('rejected').sortBy('seq');
	return rows.flatMap((row) =>
		row.mutations.map((mutation, i) => ({
			seq: row.seq!,
			mutation,
			rejection: row.reasons?.[i] ?? { code: 'invalid-record', message: '' }
		}))
	);
}

/** Call `listener` with the outbox summary now and after every change, from any tab. */
export function watchOutboxSummary(listener: (summary: OutboxSummary) => void): () => void {
	const subscription = liveQuery(outboxSummary).subscribe({ next: listener, error: () => {} });
	return () => subscription.unsubscribe();
}

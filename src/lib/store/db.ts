/**
 * The one Dexie database of a device.
 *
 * - `records` holds every synced record in its merged local state: the last confirmed state
 *   (what the hub has acknowledged or sent) joined with the pending patches of the outbox.
 *   `confirmed` is kept beside it so a discarded rejection can be rolled back.
 * - `outbox` holds pending mutations grouped in rows (a bulk write is one row per
 *   `limits.mutationsPerBatch` mutations); `records` is a multi-entry index of the ids a row
 *   touches; a row leaves only once the hub confirmed it.
 * - `meta` holds small keyed values: identity, the local HLC, per-space cursors, participant
 *   tokens, the joined spaces' public info and the cached staff account.
 *
 * Nothing here touches `indexedDB` at import time: SvelteKit imports this module in Node.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Mutation } from '$lib/domain/protocol';
import type { RecordType } from '$lib/domain/records';
import type { RecordState } from '$lib/domain/merge';
import { dbStatus } from './status.svelte';

export interface LocalRecord extends RecordState {
	id: string;
	type: RecordType;
	space: string;
	author: string;
	/** 1 when the tombstone won; a number so it can be indexed. */
	deleted: 0 | 1;
	/** The state the hub has confirmed, without pending local patches. */
	confirmed?: RecordState;
	/** Moderation, as the hub last said: only staff devices keep a hidden record's content. */
	hidden?: 0 | 1;
	hiddenReason?: string;
}

export type OutboxState = 'waiting' | 'sent' | 'rejected';

export interface Rejection {
	code: string;
	message: string;
}

export interface OutboxRow {
	seq?: number;
	mutations: Mutation[];
	/** Ids of the records the mutations touch (multi-entry index). */
	records: string[];
	state: OutboxState;
	/** For a rejected row: the reason for each mutation, same order as `mutations`. */
	reasons?: Rejection[];
}

/** A photo's bytes, keyed by their SHA-256; uploaded before the records that refer to them. */
export interface BlobRow {
	sha256: string;
	space: string;
	bytes: Uint8Array;
	type: string;
	state: 'waiting' | 'uploaded';
}

/**
 * A pledge's check-in reminder (issue 6): kept on this device only, never synced; the person
 * opted in here, and nothing is sent anywhere.
 */
export interface ReminderRow {
	pledge: string;
	space: string;
	enabled: boolean;
	channel: 'notification' | 'in-app';
	/** The local day (YYYY-MM-DD) a notification was last shown; '' for never. */
	lastShownOn: string;
}

export interface MetaRow {
	key: string;
	value: unknown;
}

export class PlazaDb extends Dexie {
	records!: EntityTable<LocalRecord, 'id'>;
	outbox!: EntityTable<OutboxRow, 'seq'>;
	meta!: EntityTable<MetaRow, 'key'>;
	blobs!: EntityTable<BlobRow, 'sha256'>;
	reminders!: EntityTable<ReminderRow, 'pledge'>;

	constructor(options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
		super('plaza', options);
		this.version(1).stores({
			records: 'id, space, [space+type]',
			outbox: '++seq, *records, state',
			meta: 'key'
		});
		// Workshop records point at their activity: notes, clusters, votes and answers of one
		// activity are read by this index (records without `fields.activity` are not in it).
		this.version(2).stores({
			records: 'id, space, [space+type], [type+fields.activity]'
		});
		// Photos (store/blobs.ts): bytes by hash, found by space and upload state.
		this.version(3).stores({ blobs: 'sha256, [space+state]' });
		// Pledge reminders (store/reminders.ts): device-local, by pledge and by space.
		this.version(4).stores({ reminders: 'pledge, space' });
		// Another tab opened a newer version: step aside (Dexie closes us) and ask for a reload.
		this.on('versionchange', () => {
			dbStatus.set('outdated');
		});
	}
}

let instance: PlazaDb | null = null;

/** The device's database, created on first use. */
export function getDb(): PlazaDb {
	instance ??= new PlazaDb();
	return instance;
}

/**
 * Swap the current database without closing the old one (tests give each test, or each
 * simulated device, its own fake IndexedDB). `null` forgets it.
 */
export function replaceDb(db: PlazaDb | null): void {
	instance = db;
}

/**
 * Open the database and record whether IndexedDB works here. Private windows of some browsers
 * refuse it: the UI then says that nothing will be kept.
 */
export async function openDb(): Promise<boolean> {
	if (typeof indexedDB === 'undefined' && !instance) {
		dbStatus.set('unavailable');
		return false;
	}
	try {
		await getDb().open();
		dbStatus.set('open');
		return true;
	} catch {
		dbStatus.set('unavailable');
		return false;
	}
}

/**
 * Merging what the hub sends into the local store. Pulled records are joined with the local
 * state by `mergeStates`; pending local patches carry their own clocks, so a newer local edit
 * stays applied over an older pulled value until the hub confirms it, and a newer remote
 * value wins over an older local one. The per-space cursor advances in the same transaction.
 */
import { latestClock, mergeStates, type RecordState } from '$lib/domain/merge';
import type { RemoteRecord } from '$lib/domain/protocol';
import { getDb, type LocalRecord } from './db';
import { ensureIdentity, getMeta, metaKeys, openClock, setMeta, type SpaceMeta } from './meta';
import { translateStorageError } from './persistence';

const empty: RecordState = { fields: {}, clocks: {} };

/**
 * A record hidden by moderation, as non-staff devices get it: only the tombstone. Its content
 * is dropped here instead of merged, so nothing of it stays on the device, and so an unhide
 * (the full record again, `hidden` unset) merges into an empty state and rebuilds it, rather
 * than losing to the tombstone's clock.
 */
function isHiddenTombstone(remote: RemoteRecord): boolean {
	return remote.hidden === true && Object.keys(remote.fields).every((key) => key === 'deleted');
}

function mergeRemote(local: LocalRecord | undefined, remote: RemoteRecord): LocalRecord {
	const base = {
		id: remote.id,
		type: remote.type,
		space: remote.space,
		author: local?.author ?? remote.author
	};
	if (isHiddenTombstone(remote))
		return { ...base, author: remote.author, ...empty, deleted: 1, hidden: 1 };
	const incoming = { fields: remote.fields, clocks: remote.clocks };
	const merged = mergeStates(local ?? empty, incoming);
	const record: LocalRecord = {
		...base,
		...merged,
		deleted: merged.fields.deleted ? 1 : 0,
		confirmed: mergeStates(local?.confirmed ?? empty, incoming)
	};
	if (remote.hidden) {
		record.hidden = 1;
		if (remote.hiddenReason) record.hiddenReason = remote.hiddenReason;
	}
	return record;
}

/** Merge one pulled page into the store and move the space's cursor to `cursor`. */
export async function applyPulled(
	space: string,
	changes: RemoteRecord[],
	cursor: string
): Promise<void> {
	const db = getDb();
	const ours = changes.filter((change) => change.space === space);
	try {
		await db.transaction('rw', db.records, db.meta, async () => {
			const locals = await db.records.bulkGet(ours.map((change) => change.id));
			const merged = ours.map((change, i) => mergeRemote(locals[i], change));
			await db.records.bulkPut(merged);
			const identity = await ensureIdentity(db);
			const clock = await openClock(db, identity.deviceId);
			// Later local writes must sort after everything seen, or they would lose to it.
			const latest = ours.map(latestClock).reduce((a, b) => (b > a ? b : a), '');
			if (latest) clock.receive(latest);
			await clock.save();
			const key = metaKeys.space(space);
			const meta = (await getMeta<SpaceMeta>(db, key)) ?? {};
			await setMeta(db, key, { ...meta, cursor });
		});
	} catch (error) {
		throw translateStorageError(error);
	}
}

/**
 * After `must-refetch`: forget the synced rows of a space and its cursor, but keep the outbox
 * and every record it touches, so nothing the person wrote is lost; the next pull refills.
 */
export async function resetSpace(space: string): Promise<void> {
	const db = getDb();
	await db.transaction('rw', db.records, db.outbox, db.meta, async () => {
		const pending = new Set(await db.outbox.orderBy('records').uniqueKeys());
		await db.records
			.where('space')
			.equals(space)
			.filter((record) => !pending.has(record.id))
			.delete();
		const key = metaKeys.space(space);
		const meta = (await getMeta<SpaceMeta>(db, key)) ?? {};
		await setMeta(db, key, { checkpoint: meta.checkpoint });
	});
}

/** The sync bookkeeping of a space (cursor, checkpoint). */
export async function spaceMeta(space: string): Promise<SpaceMeta> {
	return (await getMeta<SpaceMeta>(getDb(), metaKeys.space(space))) ?? {};
}

/** Record the hub sequence a push landed at, per space ("synced" once a pull passes it). */
export async function setCheckpoints(checkpoints: Record<string, string>): Promise<void> {
	const db = getDb();
	await db.transaction('rw', db.meta, async () => {
		for (const [space, checkpoint] of Object.entries(checkpoints)) {
			const key = metaKeys.space(space);
			const meta = (await getMeta<SpaceMeta>(db, key)) ?? {};
			await setMeta(db, key, { ...meta, checkpoint });
		}
	});
}

/** Spaces to pull: the ones the UI opened plus every space this device has records in. */
export async function syncedSpaces(): Promise<string[]> {
	const db = getDb();
	const watched = (await getMeta<string[]>(db, metaKeys.watched)) ?? [];
	const withRecords = (await db.records.orderBy('space').uniqueKeys()) as string[];
	return [...new Set([...watched, ...withRecords])].sort();
}

/** Remember that the UI has this space open, so it is pulled from now on. */
export async function watchSpace(space: string): Promise<void> {
	const db = getDb();
	await db.transaction('rw', db.meta, async () => {
		const watched = (await getMeta<string[]>(db, metaKeys.watched)) ?? [];
		if (!watched.includes(space)) await setMeta(db, metaKeys.watched, [...watched, space]);
	});
}

/** When the last full sync finished, in ms since the epoch. */
export async function lastSyncedAt(): Promise<number | null> {
	return (await getMeta<number>(getDb(), metaKeys.lastSyncedAt)) ?? null;
}

export async function setLastSyncedAt(at: number): Promise<void> {
	await setMeta(getDb(), metaKeys.lastSyncedAt, at);
}

/** The spaces the UI has opened on this device. */
export async function watchedSpaces(): Promise<string[]> {
	return (await getMeta<string[]>(getDb(), metaKeys.watched)) ?? [];
}

/** Stop following a space (after erasing this device's part in it). */
export async function unwatchSpace(space: string): Promise<void> {
	const db = getDb();
	await db.transaction('rw', db.meta, async () => {
		const watched = (await getMeta<string[]>(db, metaKeys.watched)) ?? [];
		await setMeta(
			db,
			metaKeys.watched,
			watched.filter((item) => item !== space)
		);
	});
}

/**
 * Photos as blobs: bytes kept on the device keyed by their SHA-256, with a state. A blob is
 * `waiting` until the hub holds it, then `uploaded`; the same bytes stored twice are one blob.
 * A record refers to a blob by a `sha256` field; the push holds an outbox row while a blob it
 * refers to is still waiting here (`heldRows`), so the hub never sees a photo before its bytes.
 */
import { Dexie } from 'dexie';
import type { Mutation } from '$lib/domain/protocol';
import { parsePhotos, type PhotoFields } from '$lib/domain/records';
import { getDb, type BlobRow } from './db';
import { rowSpace } from './outbox';
import { translateStorageError } from './persistence';
import { announceLocalWrite } from './local-writes';
import { pendingByRecord, toView, type RecordView } from './queries';
import { createRecord } from './write';

export type PhotoView = RecordView<PhotoFields>;

const hashPattern = /^[0-9a-f]{64}$/;

/** The lowercase hex SHA-256 of some bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keep bytes for a space; returns their hash. Storing known bytes again changes nothing (an
 * uploaded blob stays uploaded).
 */
export async function storeBlob(space: string, bytes: Uint8Array, type: string): Promise<string> {
	const sha256 = await sha256Hex(bytes);
	const db = getDb();
	try {
		await db.transaction('rw', db.blobs, async () => {
			if (await db.blobs.get(sha256)) return;
			await db.blobs.add({ sha256, space, bytes, type, state: 'waiting' });
		});
	} catch (error) {
		throw translateStorageError(error);
	}
	announceLocalWrite();
	return sha256;
}

/** One blob of this device, or undefined. */
export function getBlob(sha256: string): Promise<BlobRow | undefined> {
	return getDb().blobs.get(sha256);
}

/** The blobs of a space the hub does not hold yet. */
export function waitingBlobs(space: string): Promise<BlobRow[]> {
	return getDb().blobs.where('[space+state]').equals([space, 'waiting']).toArray();
}

/** Forget a space's blobs (erasing the space's local data); call inside or outside a write. */
export async function dropBlobsOf(space: string): Promise<void> {
	await getDb()
		.blobs.where('[space+state]')
		.between([space, Dexie.minKey], [space, Dexie.maxKey])
		.delete();
}

/** The hub holds this blob now. */
export async function markBlobUploaded(sha256: string): Promise<void> {
	await getDb().blobs.update(sha256, { state: 'uploaded' });
}

/** The blob hashes a mutation refers to (a `sha256` field holding a hash, a map idea's photos). */
export function blobsOf(mutation: Mutation): string[] {
	const value = mutation.patch.sha256;
	const photos = mutation.patch.photos;
	if (mutation.type === 'mapIdea' && typeof photos === 'string') return parsePhotos(photos) ?? [];
	return typeof value === 'string' && hashPattern.test(value) ? [value] : [];
}

/**
 * The seqs of rows that must not be pushed yet: rows referring to a blob still waiting on this
 * device, and later rows touching the same records (a patch must not overtake its creation).
 */
export async function heldRows(space: string): Promise<Set<number>> {
	const rows = (await getDb().outbox.toArray()).filter(
		(row) => row.state !== 'rejected' && rowSpace(row) === space
	);
	const hashes = [...new Set(rows.flatMap((row) => row.mutations.flatMap(blobsOf)))];
	const blobs = await getDb().blobs.bulkGet(hashes);
	const waiting = new Set(blobs.filter((b) => b?.state === 'waiting').map((b) => b!.sha256));
	const held = new Set<number>();
	const heldRecords = new Set<string>();
	for (const row of [...rows].sort((a, b) => a.seq! - b.seq!)) {
		const refers = row.mutations.some((m) => blobsOf(m).some((hash) => waiting.has(hash)));
		if (!refers && !row.records.some((id) => heldRecords.has(id))) continue;
		held.add(row.seq!);
		row.records.forEach((id) => heldRecords.add(id));
	}
	return held;
}

/**
 * Keep a photo's bytes and add its record to an activity; returns the record's id. The blob is
 * stored first: a crash in between leaves only bytes that are uploaded and never shown.
 */
export async function addPhoto(
	space: string,
	activity: string,
	bytes: Uint8Array,
	type: string,
	caption = ''
): Promise<string> {
	const sha256 = await storeBlob(space, bytes, type);
	return createRecord('photo', space, { activity, sha256, caption });
}

/** The photos of an activity that are not deleted, oldest first (for `liveQuery`). */
export async function photosInActivity(activity: string): Promise<PhotoView[]> {
	const db = getDb();
	const [records, rows] = await Promise.all([
		db.records.where('[type+fields.activity]').equals(['photo', activity]).toArray(),
		db.outbox.toArray()
	]);
	const pending = pendingByRecord(rows);
	return records
		.filter((record) => record.deleted === 0)
		.map((record) => toView<PhotoFields>(record, pending))
		.sort((a, b) => a.fields.createdAt - b.fields.createdAt || (a.id < b.id ? -1 : 1));
}

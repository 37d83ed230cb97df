import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '$lib/domain/ids';
import {
	addPhoto,
	blobsOf,
	dropBlobsOf,
	getBlob,
	heldRows,
	markBlobUploaded,
	photosInActivity,
	sha256Hex,
	storeBlob,
	waitingBlobs
} from '$lib/store/blobs';
import type { PlazaDb } from '$lib/store/db';
import { createIdea } from '$lib/store/records';
import { updateRecord } from '$lib/store/write';
import { ideaForm } from '$tests/fixtures/records';
import { freshDb } from './fresh-db';

let db: PlazaDb;
beforeEach(() => {
	db = freshDb();
});

const bytes = (...values: number[]) => new Uint8Array(values);

describe('blobs', () => {
	it('hashes bytes as lower-case hex SHA-256', async () => {
		// SHA-256 of the three bytes "abc".
		expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('keeps bytes keyed by their hash, waiting, and once per content', async () => {
		const sha = await storeBlob('park', bytes(1, 2, 3), 'image/png');
		expect(sha).toBe(await sha256Hex(bytes(1, 2, 3)));
		const blob = await getBlob(sha);
		expect(blob).toMatchObject({ sha256: sha, space: 'park', type: 'image/png', state: 'waiting' });
		expect([...blob!.bytes]).toEqual([1, 2, 3]);

		await markBlobUploaded(sha);
		expect(await storeBlob('park', bytes(1, 2, 3), 'image/png')).toBe(sha);
		expect(await db.blobs.count()).toBe(1);
		expect((await getBlob(sha))?.state).toBe('uploaded');
		expect(await waitingBlobs('park')).toEqual([]);
	});

	it('lists waiting blobs per space', async () => {
		const a = await storeBlob('park', bytes(1), 'image/jpeg');
		await storeBlob('square', bytes(2), 'image/jpeg');
		expect((await waitingBlobs('park')).map((b) => b.sha256)).toEqual([a]);
	});

	it('forgets the blobs of one space, waiting or uploaded', async () => {
		await markBlobUploaded(await storeBlob('park', bytes(1), 'image/jpeg'));
		await storeBlob('park', bytes(2), 'image/jpeg');
		const kept = await storeBlob('square', bytes(3), 'image/jpeg');
		await dropBlobsOf('park');
		expect((await db.blobs.toArray()).map((b) => b.sha256)).toEqual([kept]);
	});
});

describe('photos', () => {
	it('stores the blob and a photo record that refers to it', async () => {
		const activity = newId();
		const id = await addPhoto('park', activity, bytes(9, 9), 'image/jpeg', ' Flip chart ');
		const [photo] = await photosInActivity(activity);
		expect(photo).toMatchObject({ id, syncState: 'waiting' });
		expect(photo!.fields.caption).toBe('Flip chart');
		expect((await getBlob(photo!.fields.sha256))?.state).toBe('waiting');
		const [row] = await db.outbox.toArray();
		expect(blobsOf(row!.mutations[0]!)).toEqual([photo!.fields.sha256]);
	});

	it('holds rows that refer to a waiting blob, and later patches of those records', async () => {
		const activity = newId();
		const idea = await createIdea('park', ideaForm());
		const photo = await addPhoto('park', activity, bytes(7), 'image/jpeg');
		await updateRecord(photo, { caption: 'Later' });
		const rows = await db.outbox.orderBy('seq').toArray();
		const [ideaRow, photoRow, captionRow] = rows.map((r) => r.seq!);
		expect(rows[0]!.records).toEqual([idea]);
		expect(await heldRows('park')).toEqual(new Set([photoRow, captionRow]));
		expect(ideaRow).toBeDefined();

		const [blob] = await waitingBlobs('park');
		await markBlobUploaded(blob!.sha256);
		expect(await heldRows('park')).toEqual(new Set());
	});
});

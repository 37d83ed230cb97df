/**
 * Blob storage on the hub: image bytes named by their SHA-256, per space, in the `blobs` table
 * (bytea; the same SQL on PGlite and PostgreSQL). Storing is idempotent: the name is the hash
 * of the bytes, so a second upload of a name holds the same bytes and changes nothing.
 */
import type { BlobType } from '$lib/domain/records/photo';
import type { Queryable } from '../db/client';

export interface StoredBlob {
	type: BlobType;
	bytes: Uint8Array<ArrayBuffer>;
}

/** Stores the bytes unless the space holds them already; true when this call stored them. */
export async function storeBlob(
	db: Queryable,
	blob: { space: string; sha256: string; type: BlobType; bytes: Uint8Array; uploadedBy: string }
): Promise<boolean> {
	const rows = await db.query(
		`INSERT INTO blobs (space, sha256, type, size, bytes, uploaded_by)
		VALUES ($1, $2, $3, $4, $5, $6::uuid) ON CONFLICT DO NOTHING RETURNING sha256`,
		[blob.space, blob.sha256, blob.type, blob.bytes.byteLength, blob.bytes, blob.uploadedBy]
	);
	return rows.length > 0;
}

/** The blob of this space and name, or undefined. */
export async function loadBlob(
	db: Queryable,
	space: string,
	sha256: string
): Promise<StoredBlob | undefined> {
	const [row] = await db.query<{ type: BlobType; bytes: Uint8Array }>(
		'SELECT type, bytes FROM blobs WHERE space = $1 AND sha256 = $2',
		[space, sha256]
	);
	return row ? { type: row.type, bytes: new Uint8Array(row.bytes) } : undefined;
}

/** Whether the space holds a blob of this name. */
export async function hasBlob(db: Queryable, space: string, sha256: string): Promise<boolean> {
	const rows = await db.query('SELECT 1 FROM blobs WHERE space = $1 AND sha256 = $2', [
		space,
		sha256
	]);
	return rows.length > 0;
}

/**
 * SQL condition: a live record of blob `b`'s space still refers to it, a `photo` by its
 * `sha256` or a `mapIdea` in its `photos` list (JSON text of SHA-256 names, matched with its
 * quotes so only a whole name counts). Hidden records are live: moderators may unhide them.
 */
const stillShown = `EXISTS (
	SELECT 1 FROM records r
	WHERE r.space = b.space AND NOT r.deleted AND (
		(r.type = 'photo' AND r.fields->>'sha256' = b.sha256)
		OR (r.type = 'mapIdea'
			AND position('"' || b.sha256 || '"' IN coalesce(r.fields->>'photos', '')) > 0)
	)
)`;

/**
 * Deletes the blobs `uploadedBy` put into `space` that no live record refers to any more (a
 * participant erasing their data: their own records are tombstones by then, or kept
 * anonymised and still showing the photo). Returns how many went.
 */
export async function deleteUnreferencedBlobs(
	db: Queryable,
	space: string,
	uploadedBy: string
): Promise<number> {
	const gone = await db.query(
		`DELETE FROM blobs b WHERE b.space = $1 AND b.uploaded_by = $2::uuid AND NOT ${stillShown}
		RETURNING b.sha256`,
		[space, uploadedBy]
	);
	return gone.length;
}

/** Deletes every blob of these spaces (retention); returns how many went per space. */
export async function deleteBlobsOfSpaces(
	db: Queryable,
	spaces: string[]
): Promise<Map<string, number>> {
	const gone = await db.query<{ space: string }>(
		'DELETE FROM blobs WHERE space = ANY($1::text[]) RETURNING space',
		[spaces]
	);
	const counts = new Map<string, number>();
	for (const { space } of gone) counts.set(space, (counts.get(space) ?? 0) + 1);
	return counts;
}

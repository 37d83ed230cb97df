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

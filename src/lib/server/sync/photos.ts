/**
 * The hub's rule for `photo` records: the photo belongs to an activity of its space, and the
 * hub already holds the blob it names in that space. The client uploads blobs before it
 * pushes the mutations that refer to them, so `missing-blob` means a client that skipped
 * (or lost) the upload; the mutation is refused and nothing points at bytes nobody has.
 */
import type { MutationResult } from '$lib/domain/protocol';
import { hasBlob } from '../blobs/store';
import type { Queryable } from '../db/client';
import { rejected, type StoredRecord } from './apply';

export async function checkPhoto(
	tx: Queryable,
	after: StoredRecord,
	patch: StoredRecord['fields'],
	activity: StoredRecord | undefined
): Promise<MutationResult | undefined> {
	if (after.fields.deleted === true) return undefined;
	if (activity?.type !== 'activity')
		return rejected(after.id, 'invalid-record', 'A photo belongs to an activity of this space.');
	if (!Object.hasOwn(patch, 'sha256')) return undefined;
	if (await hasBlob(tx, after.space, String(after.fields.sha256))) return undefined;
	return rejected(after.id, 'missing-blob', 'Upload the photo before the record that shows it.');
}

/**
 * A participant's own data on this device: what they contributed to a space, and erasing
 * their part in it once the hub has confirmed the erase (GDPR "right to erasure").
 */
import { getDb, type OutboxRow, type PlazaDb } from './db';
import { getMeta, metaKeys, type Identity } from './meta';
import { ideasInSpace, type IdeaView } from './queries';
import { setSpaceToken } from './spaces';
import { unwatchSpace } from './remote';
import { dropBlobsOf } from './blobs';

/**
 * The ideas this device's participant wrote in a space, newest first. Reads only (no identity
 * is created), so it runs inside a `liveQuery`.
 */
export async function myContributions(space: string): Promise<IdeaView[]> {
	const identity = await getMeta<Identity>(getDb(), metaKeys.identity);
	if (!identity) return [];
	const ideas = await ideasInSpace(space);
	return ideas.filter((idea) => idea.author === identity.participant);
}

/** Drop every mutation of `space` from the outbox; rows left empty go. */
async function dropOutboxOf(db: PlazaDb, space: string): Promise<void> {
	const rows = await db.outbox.toArray();
	for (const row of rows) {
		const keep = row.mutations.map((mutation, i) => ({ mutation, reason: row.reasons?.[i] }));
		const others = keep.filter(({ mutation }) => mutation.space !== space);
		if (others.length === row.mutations.length) continue;
		if (others.length === 0) {
			await db.outbox.delete(row.seq!);
			continue;
		}
		const mutations = others.map(({ mutation }) => mutation);
		const updated: OutboxRow = {
			...row,
			mutations,
			records: [...new Set(mutations.map((m) => m.id))]
		};
		if (row.reasons) updated.reasons = others.map(({ reason }) => reason!);
		await db.outbox.put(updated);
	}
}

/**
 * Forget this device's part in a space, after the hub confirmed the erase: its records (the
 * participant's own and the others' copies, which without a token could never sync again),
 * the pending outbox mutations, the token, the cached info and the sync bookkeeping.
 */
export async function eraseLocalData(space: string): Promise<void> {
	const db = getDb();
	await db.transaction('rw', [db.records, db.outbox, db.meta, db.blobs, db.reminders], async () => {
		await db.records.where('space').equals(space).delete();
		await db.reminders.where('space').equals(space).delete();
		await dropBlobsOf(space);
		await dropOutboxOf(db, space);
		await setSpaceToken(space, null);
		await db.meta.bulkDelete([metaKeys.spaceInfo(space), metaKeys.space(space)]);
		await unwatchSpace(space);
	});
}

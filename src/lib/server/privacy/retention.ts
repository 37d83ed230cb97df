/**
 * Retention: once a space is past its `retention_until` date it is closed, every participant
 * row is deleted, which removes the links between devices and what they wrote (their tokens
 * stop working), and its photos' bytes (blobs) are deleted: a photo may show people. The photo
 * records stay with their captions. Run at hub start-up and daily, like the tombstone purge.
 */
import { audit } from '../audit';
import { deleteBlobsOfSpaces } from '../blobs/store';
import type { Db } from '../db/client';

/** UTC calendar date of `now`; a space is kept through its retention date, inclusive. */
function today(now: number): string {
	return new Date(now).toISOString().slice(0, 10);
}

/** Closes the spaces past retention; returns their ids. */
export async function applyRetention(db: Db, now = Date.now()): Promise<string[]> {
	return db.transaction(async (tx) => {
		const due = await tx.query<{ id: string; organisation: string | null }>(
			`SELECT id, organisation::text AS organisation FROM spaces s
			WHERE retention_until IS NOT NULL AND retention_until < $1::date
				AND (status <> 'closed' OR EXISTS (SELECT 1 FROM participants p WHERE p.space = s.id)
					OR EXISTS (SELECT 1 FROM blobs b WHERE b.space = s.id))
			ORDER BY id FOR UPDATE`,
			[today(now)]
		);
		const ids = due.map((space) => space.id);
		if (ids.length === 0) return [];
		await tx.query(`UPDATE spaces SET status = 'closed' WHERE id = ANY($1::text[])`, [ids]);
		const gone = await tx.query<{ space: string }>(
			'DELETE FROM participants WHERE space = ANY($1::text[]) RETURNING space',
			[ids]
		);
		const blobs = await deleteBlobsOfSpaces(tx, ids);
		for (const space of due)
			await audit(tx, {
				organisation: space.organisation,
				actor: 'hub',
				actorName: 'Plaza hub',
				action: 'space.retention',
				target: space.id,
				detail: {
					participants: gone.filter((row) => row.space === space.id).length,
					blobs: blobs.get(space.id) ?? 0
				},
				at: now
			});
		return ids;
	});
}

import * as v from 'valibot';
import { PlazaError } from '$lib/domain/errors';
import { describeIssues } from '$lib/domain/protocol';
import { IdeaFieldsSchema } from '$lib/domain/records';
import { getDb } from './db';
import { ensureIdentity, metaKeys, setMeta, type Identity } from './meta';

export type { Identity };

/** This device's id, the pseudonymous participant id and display name; made on first use. */
export function getIdentity(): Promise<Identity> {
	const db = getDb();
	return db.transaction('rw', db.meta, () => ensureIdentity(db));
}

/** Set the name shown beside this person's contributions (may be empty). */
export async function setDisplayName(name: string): Promise<Identity> {
	const parsed = v.safeParse(IdeaFieldsSchema.entries.authorName, name);
	if (!parsed.success) throw new PlazaError('invalid-record', describeIssues(parsed.issues));
	const db = getDb();
	return db.transaction('rw', db.meta, async () => {
		const identity = { ...(await ensureIdentity(db)), displayName: parsed.output };
		await setMeta(db, metaKeys.identity, identity);
		return identity;
	});
}

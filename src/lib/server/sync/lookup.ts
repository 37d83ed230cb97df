/**
 * What push rules (map.ts, pledge.ts) look up beyond the record a mutation changes: another
 * record by id, seen as the batch left it so far (push.ts keeps `records` current), else as
 * stored, read once per push; and whether a record carries its author's once-per-person id.
 */
import { oncePerPersonId } from '$lib/domain/ids';
import type { Queryable } from '../db/client';
import type { StoredRecord } from './apply';

export type Stored = StoredRecord & { hidden?: boolean };

export class RecordLookup {
	private readonly loaded = new Map<string, Stored | null>();

	/** `records`: the batch's records by lower-case id. */
	constructor(
		private readonly tx: Queryable,
		private readonly records: Map<string, Stored>
	) {}

	/** A live (not deleted, not hidden) record of `type` in `space` by id. */
	async live(space: string, type: string, id: string): Promise<Stored | undefined> {
		const key = id.toLowerCase();
		let found = this.records.get(key) ?? this.loaded.get(key);
		if (found === undefined) {
			const [row] = await this.tx.query<Stored>(
				`SELECT id, space, type, author, fields, clocks, hidden FROM records
				WHERE id = $1::uuid`,
				[key]
			);
			found = row ?? null;
			this.loaded.set(key, found);
		}
		if (!found || found.space !== space || found.type !== type) return undefined;
		return found.fields.deleted === true || found.hidden === true ? undefined : found;
	}
}

/**
 * Whether the record's id is the once-per-person id of its author and `target` (a token may
 * carry the author in upper case; the database gives it back in lower case).
 */
export function isOncePerPerson(record: StoredRecord, target: string): boolean {
	const id = record.id.toLowerCase();
	return [record.author, record.author.toLowerCase()].some(
		(author) => oncePerPersonId(record.space, target, author) === id
	);
}

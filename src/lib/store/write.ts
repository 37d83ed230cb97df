/**
 * The only write path of local records. Each write is one Dexie transaction over `records`,
 * `outbox` and `meta`: the record's new merged state and the mutation that carries it change
 * together, and the HLC is read and ticked in that same transaction (node = deviceId).
 * Input is validated with the record type's domain schema first; bad input writes nothing.
 * Every record type goes through these generic functions; ideas and workshop records only
 * wrap them.
 */
import * as v from 'valibot';
import { PlazaError } from '$lib/domain/errors';
import { newId, oncePerPersonId } from '$lib/domain/ids';
import { mergeStates, patchState, type Fields } from '$lib/domain/merge';
import { describeIssues, limits, type Mutation } from '$lib/domain/protocol';
import { recordTypes, type RecordType } from '$lib/domain/records';
import { SpaceIdSchema } from '$lib/domain/space';
import { getDb, type LocalRecord, type PlazaDb } from './db';
import { ensureIdentity, getMeta, metaKeys, openClock, setMeta, type Identity } from './meta';
import { announceLocalWrite } from './local-writes';
import { requestPersistence, translateStorageError } from './persistence';

/** Validate `input` with `schema`; a failure is an `invalid-record` with a readable message. */
export function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (!result.success) throw new PlazaError('invalid-record', describeIssues(result.issues));
	return result.output;
}

type Clock = Awaited<ReturnType<typeof openClock>>;
export type Writer = (db: PlazaDb, identity: Identity, clock: Clock) => Promise<Mutation[][]>;

let pendingWrites = 0;

/**
 * Whether a write has started and not yet committed. Forms clear as soon as a person presses
 * Enter (capture, notes); the page asks before unloading while this is true, so a card typed a
 * moment before leaving is not dropped with the page.
 */
export function hasPendingWrites(): boolean {
	return pendingWrites > 0;
}

/** Runs one write transaction: `writer` returns the outbox rows (mutation lists) it made. */
export async function write(writer: Writer): Promise<void> {
	const db = getDb();
	let firstContribution = false;
	pendingWrites++;
	try {
		await db.transaction('rw', db.records, db.outbox, db.meta, async () => {
			const identity = await ensureIdentity(db);
			const clock = await openClock(db, identity.deviceId);
			const rows = await writer(db, identity, clock);
			await db.outbox.bulkAdd(
				rows.map((mutations) => ({
					mutations,
					records: [...new Set(mutations.map((m) => m.id))],
					state: 'waiting' as const
				}))
			);
			await clock.save();
			firstContribution = !(await getMeta<boolean>(db, metaKeys.persistAsked));
			if (firstContribution) await setMeta(db, metaKeys.persistAsked, true);
		});
	} catch (error) {
		throw translateStorageError(error);
	} finally {
		pendingWrites--;
	}
	announceLocalWrite();
	if (firstContribution) void requestPersistence();
}

function chunk<T>(items: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

/** The full fields of a new record: `createdAt` is stamped when the type has one. */
function creationFields(type: RecordType, fields: Fields, now: number): Fields {
	const schema = recordTypes[type].fields;
	const stamped = 'createdAt' in schema.entries && fields.createdAt === undefined;
	return parse(schema, stamped ? { ...fields, createdAt: now } : fields) as Fields;
}

function newRecord(
	mutation: Mutation,
	author: string,
	patch: Fields,
	base?: LocalRecord
): LocalRecord {
	const state = mergeStates(base ?? { fields: {}, clocks: {} }, patchState(patch, mutation.hlc));
	const record: LocalRecord = {
		...(base ?? {}),
		id: mutation.id,
		type: mutation.type,
		space: mutation.space,
		author: base?.author ?? author,
		...state,
		deleted: state.fields.deleted ? 1 : 0
	};
	return record;
}

/** Create records of one type in one space; one transaction, outbox rows of ≤ mutationsPerBatch. */
export async function bulkCreateRecords(
	type: RecordType,
	space: string,
	list: Fields[]
): Promise<string[]> {
	parse(SpaceIdSchema, space);
	const now = Date.now();
	const parsed = list.map((fields) => creationFields(type, fields, now));
	const ids = parsed.map(() => newId());
	await write(async (db, identity, clock) => {
		const records: LocalRecord[] = [];
		const mutations = parsed.map((patch, i) => {
			const mutation: Mutation = { id: ids[i]!, type, space, hlc: clock.tick(), patch };
			records.push(newRecord(mutation, identity.participant, patch));
			return mutation;
		});
		await db.records.bulkAdd(records);
		return chunk(mutations, limits.mutationsPerBatch);
	});
	return ids;
}

/** Create one record with all its fields (`createdAt` defaults to now); returns its id. */
export async function createRecord(
	type: RecordType,
	space: string,
	fields: Fields
): Promise<string> {
	const [id] = await bulkCreateRecords(type, space, [fields]);
	return id!;
}

/** Patch a live record inside a write; `check` sees the record first and may refuse. */
async function patchInWrite(
	id: string,
	patch: Fields,
	check?: (record: LocalRecord) => Fields
): Promise<void> {
	await write(async (db, _identity, clock) => {
		const record = await db.records.get(id);
		if (!record || record.deleted)
			throw new PlazaError('not-found', 'This record no longer exists.', 404);
		const fields = check ? check(record) : patch;
		const mutation: Mutation = {
			id,
			type: record.type,
			space: record.space,
			hlc: clock.tick(),
			patch: fields
		};
		await db.records.put(newRecord(mutation, record.author, fields, record));
		return [[mutation]];
	});
}

/** Change some fields of a record, validated with its type's patch schema; {} writes nothing. */
export async function updateRecord(id: string, patch: Fields): Promise<void> {
	if (Object.keys(patch).length === 0) return;
	await patchInWrite(id, patch, (record) => parse(recordTypes[record.type].patch, patch) as Fields);
}

/** Delete a record: the tombstone is one more field under the same merge rule. */
export async function deleteRecord(id: string): Promise<void> {
	await patchInWrite(id, { deleted: true });
}

/**
 * Refuses a once-per-person write inside its transaction: gets the database, the record's id
 * and this person's participant id; throws a PlazaError to write nothing.
 */
export type OncePerPersonCheck = (db: PlazaDb, id: string, participant: string) => Promise<void>;

/**
 * Create or replace this person's one record for `target` (a vote on an item, an answer to an
 * activity). The id is `oncePerPersonId(space, target, participant)`, so every device of the
 * person writes the same record and the hub merges them. Each write carries every field, so
 * the hub can create the record from any of them (an earlier one may have been refused);
 * a deleted record comes back to life. Returns the id.
 */
export async function putOncePerPerson(
	type: RecordType,
	space: string,
	target: string,
	fields: Fields,
	check?: OncePerPersonCheck
): Promise<string> {
	parse(SpaceIdSchema, space);
	const full = parse(recordTypes[type].fields, fields) as Fields;
	let id = '';
	await write(async (db, identity, clock) => {
		id = oncePerPersonId(space, target, identity.participant);
		if (check) await check(db, id, identity.participant);
		const existing = await db.records.get(id);
		if (existing && (existing.type !== type || existing.space !== space))
			throw new PlazaError('type-mismatch', 'Another record already has this id.');
		const patch = existing?.deleted ? { ...full, deleted: false } : full;
		const mutation: Mutation = { id, type, space, hlc: clock.tick(), patch };
		await db.records.put(newRecord(mutation, identity.participant, patch, existing));
		return [[mutation]];
	});
	return id;
}

/**
 * The only write path of local records. Each write is one Dexie transaction over `records`,
 * `outbox` and `meta`: the record's new merged state and the mutation that carries it change
 * together, and the HLC is read and ticked in that same transaction (node = deviceId).
 * Input is validated with the domain schemas first; bad input writes nothing.
 */
import * as v from 'valibot';
import { PlazaError } from '$lib/domain/errors';
import { newId } from '$lib/domain/ids';
import { mergeStates, patchState, type Fields } from '$lib/domain/merge';
import { describeIssues, limits, type Mutation } from '$lib/domain/protocol';
import { IdeaFormSchema, type IdeaForm } from '$lib/domain/records';
import { SpaceIdSchema } from '$lib/domain/space';
import { getDb, type LocalRecord, type PlazaDb } from './db';
import { ensureIdentity, getMeta, metaKeys, openClock, setMeta, type Identity } from './meta';
import { announceLocalWrite } from './local-writes';
import { requestPersistence, translateStorageError } from './persistence';

const IdeaFormPatchSchema = v.partial(IdeaFormSchema);

function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (!result.success) throw new PlazaError('invalid-record', describeIssues(result.issues));
	return result.output;
}

type Clock = Awaited<ReturnType<typeof openClock>>;
type Writer = (db: PlazaDb, identity: Identity, clock: Clock) => Promise<Mutation[][]>;

/** Runs one write transaction: `write` returns the outbox rows (mutation lists) it made. */
async function write(writer: Writer): Promise<void> {
	const db = getDb();
	let firstContribution = false;
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
	}
	announceLocalWrite();
	if (firstContribution) void requestPersistence();
}

function ideaMutation(id: string, space: string, patch: Fields, hlc: string): Mutation {
	return { id, type: 'idea', space, hlc, patch };
}

function chunk<T>(items: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

/** Create ideas in one space; one transaction, outbox rows of ≤ mutationsPerBatch. */
export async function bulkCreateIdeas(space: string, forms: IdeaForm[]): Promise<string[]> {
	parse(SpaceIdSchema, space);
	const parsed = forms.map((form) => parse(IdeaFormSchema, form));
	const ids = parsed.map(() => newId());
	await write(async (db, identity, clock) => {
		const createdAt = Date.now();
		const records: LocalRecord[] = [];
		const mutations = parsed.map((form, i) => {
			const patch: Fields = { ...form, createdAt };
			const mutation = ideaMutation(ids[i]!, space, patch, clock.tick());
			const state = patchState(patch, mutation.hlc);
			records.push({
				id: mutation.id,
				type: 'idea',
				space,
				author: identity.participant,
				...state,
				deleted: 0
			});
			return mutation;
		});
		await db.records.bulkAdd(records);
		return chunk(mutations, limits.mutationsPerBatch);
	});
	return ids;
}

/** Create one idea; returns its id. */
export async function createIdea(space: string, form: IdeaForm): Promise<string> {
	const [id] = await bulkCreateIdeas(space, [form]);
	return id!;
}

async function patchRecord(id: string, patch: Fields): Promise<void> {
	await write(async (db, _identity, clock) => {
		const record = await db.records.get(id);
		if (!record || record.deleted)
			throw new PlazaError('not-found', 'This idea no longer exists.', 404);
		const mutation = ideaMutation(id, record.space, patch, clock.tick());
		const merged = mergeStates(record, patchState(patch, mutation.hlc));
		await db.records.put({ ...record, ...merged, deleted: merged.fields.deleted ? 1 : 0 });
		return [[mutation]];
	});
}

/** Change some fields of an idea; an empty patch writes nothing. */
export async function updateIdea(id: string, patch: Partial<IdeaForm>): Promise<void> {
	const parsed = parse(IdeaFormPatchSchema, patch) as Fields;
	if (Object.keys(parsed).length === 0) return;
	await patchRecord(id, parsed);
}

/** Delete an idea: the tombstone is one more field under the same merge rule. */
export async function deleteIdea(id: string): Promise<void> {
	await patchRecord(id, { deleted: true });
}

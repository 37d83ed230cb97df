/**
 * A facilitator's local actions (issue 6), `pledgeAction` records of one space, over the
 * generic write path (record + outbox in one transaction, synced like every record). Each
 * write is checked with the domain schema and, on the merged record, with `levelScaleProblem`:
 * the same rules the hub applies, so a facilitator sees a bad scale before it is ever sent.
 * Staff only: the hub refuses these records from participants.
 */
import { PlazaError } from '$lib/domain/errors';
import { levelScaleProblem, type PledgeActionFields } from '$lib/domain/records/pledge';
import { getDb } from './db';
import { pendingByRecord, toView, type RecordView } from './queries';
import { createRecord, deleteRecord, parse, updateRecord } from './write';
import { PledgeActionPatchSchema } from '$lib/domain/records/pledge';

export type PledgeActionView = RecordView<PledgeActionFields>;
/** What the form gives; the store stamps `createdAt`. */
export type PledgeActionInput = Omit<PledgeActionFields, 'createdAt'>;

function checkScale(fields: Pick<PledgeActionFields, 'levelMin' | 'levelMax'>): void {
	const problem = levelScaleProblem(fields);
	if (problem) throw new PlazaError('invalid-record', problem);
}

/** The local actions of a space that are not deleted, oldest first. For `live()`. */
export async function pledgeActionsInSpace(space: string): Promise<PledgeActionView[]> {
	const db = getDb();
	const records = await db.records.where('[space+type]').equals([space, 'pledgeAction']).toArray();
	const pending = pendingByRecord(await db.outbox.toArray());
	return records
		.filter((record) => record.deleted === 0)
		.map((record) => toView<PledgeActionFields>(record, pending))
		.sort((a, b) => a.fields.createdAt - b.fields.createdAt || (a.id < b.id ? -1 : 1));
}

/** Adds a local action to the space; returns its record id. */
export async function addPledgeAction(space: string, input: PledgeActionInput): Promise<string> {
	checkScale(input);
	return createRecord('pledgeAction', space, { ...input });
}

/** Changes some fields of a local action; the merged scale must still hold. */
export async function editPledgeAction(
	id: string,
	patch: Partial<PledgeActionInput>
): Promise<void> {
	const checked = parse(PledgeActionPatchSchema, patch);
	const record = await getDb().records.get(id);
	if (!record || record.deleted || record.type !== 'pledgeAction')
		throw new PlazaError('not-found', 'This action no longer exists.', 404);
	const current = record.fields as unknown as PledgeActionFields;
	checkScale({
		levelMin: checked.levelMin ?? current.levelMin,
		levelMax: checked.levelMax ?? current.levelMax
	});
	await updateRecord(id, checked);
}

/** Deletes a local action. Pledges already made keep their reference; the hub decides. */
export async function deletePledgeAction(id: string): Promise<void> {
	await deleteRecord(id);
}

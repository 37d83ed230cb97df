/**
 * A participant's workshop writes: notes, dot votes and answers, over the generic write path.
 * Votes and answers are once-per-person records (one vote record per item, one answer per
 * activity). The dot budget is checked here too, inside the write's transaction, with the same
 * domain rule the hub applies (`budgetProblem`): two tabs of one phone share the database, so
 * they can never spend more dots than the activity gives, even offline. The hub still has the
 * last word (`over-budget`, `activity-closed`); its refusals show on the record.
 */
import { PlazaError } from '$lib/domain/errors';
import { oncePerPersonId } from '$lib/domain/ids';
import type { Fields } from '$lib/domain/merge';
import {
	voteTarget,
	type ActivityFields,
	type ActivityKind,
	type NoteFields
} from '$lib/domain/records';
import { answerProblem, budgetProblem, type VoteLike } from '$lib/domain/workshop';
import type { PlazaDb } from './db';
import { createRecord, putOncePerPerson } from './write';

/** What a person types for a note; the store adds cluster '' and the creation time. */
export type NoteInput = Pick<
	NoteFields,
	'activity' | 'text' | 'category' | 'language' | 'authorName'
>;

/** Post a note to a brainstorm; returns its id. */
export async function addNote(space: string, input: NoteInput): Promise<string> {
	return createRecord('note', space, { ...input, cluster: '' });
}

/** The activity, which must exist here, be of `kind` and be open. */
async function openActivity(db: PlazaDb, id: string, kind: ActivityKind): Promise<ActivityFields> {
	const record = await db.records.get(id);
	const fields = record?.fields as unknown as ActivityFields | undefined;
	if (!record || record.deleted || record.type !== 'activity' || fields?.kind !== kind)
		throw new PlazaError('invalid-record', 'This activity is not on this device.');
	if (fields.status !== 'open')
		throw new PlazaError('activity-closed', 'This activity is not open.');
	return fields;
}

/** My votes with `item` set to `count`: what the budget is checked against. */
export function withVote(mine: VoteLike[], item: string, count: number): VoteLike[] {
	return [...mine.filter((vote) => vote.item !== item), { item, count }];
}

/**
 * Why setting `item` to `count` breaks the dot rules, or undefined when it fits: for the UI
 * (disable "+") and for `castVote`.
 */
export function voteProblem(
	rules: Pick<ActivityFields, 'dots' | 'maxPerItem'>,
	mine: VoteLike[],
	item: string,
	count: number
): string | undefined {
	return budgetProblem(withVote(mine, item, count), rules);
}

/** This person's other votes in an activity, found by their deterministic ids. */
async function otherVotes(
	db: PlazaDb,
	space: string,
	activity: string,
	participant: string,
	except: string
): Promise<VoteLike[]> {
	const records = await db.records
		.where('[type+fields.activity]')
		.equals(['vote', activity])
		.toArray();
	return records
		.filter((record) => record.deleted === 0 && record.id !== except)
		.map((record) => ({ id: record.id, item: String(record.fields.item) }))
		.filter(
			({ id, item }) => id === oncePerPersonId(space, voteTarget(activity, item), participant)
		)
		.map(({ id, item }) => ({
			item,
			count: Number(records.find((record) => record.id === id)?.fields.count ?? 0)
		}));
}

/**
 * Put `count` dots (0 takes them back) on a note or cluster of an open dot-vote activity.
 * Refused with `over-budget` when it would break the rules, `activity-closed` when the
 * activity is not open; nothing is written then.
 */
export async function castVote(
	space: string,
	activity: string,
	item: string,
	count: number
): Promise<string> {
	const fields: Fields = { activity, item, count };
	const target = voteTarget(activity, item);
	return putOncePerPerson('vote', space, target, fields, async (db, id, participant) => {
		const rules = await openActivity(db, activity, 'dot-vote');
		const mine = await otherVotes(db, space, activity, participant, id);
		const problem = voteProblem(rules, mine, item, count);
		if (problem) throw new PlazaError('over-budget', problem);
	});
}

/**
 * Answer a poll, rating or open question (`value` as the contract says: chosen ids, scores
 * or text); a second answer replaces the first. Checked against the activity first.
 */
export async function answerActivity(
	space: string,
	activity: string,
	value: string
): Promise<string> {
	const fields: Fields = { activity, value };
	return putOncePerPerson('answer', space, activity, fields, async (db) => {
		const record = await db.records.get(activity);
		const kind = (record?.fields.kind ?? 'poll') as ActivityKind;
		const rules = await openActivity(db, activity, kind);
		const problem = answerProblem(value, rules);
		if (problem) throw new PlazaError('invalid-record', problem);
	});
}

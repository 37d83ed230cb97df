/**
 * Read models of a workshop for the UI, meant to run inside `liveQuery` like queries.ts: the
 * activities of a space, and the notes, clusters, votes and answers of one activity (read by
 * the `[type+fields.activity]` index), each with its sync state. Read-only: no identity is
 * created here.
 */
import type {
	ActivityFields,
	AnswerFields,
	ClusterFields,
	NoteFields,
	RecordType,
	VoteFields
} from '$lib/domain/records';
import { getDb, type LocalRecord } from './db';
import { getMeta, metaKeys, type Identity } from './meta';
import { pendingByRecord, toView, type RecordView } from './queries';

export type ActivityView = RecordView<ActivityFields>;
export type NoteView = RecordView<NoteFields>;
export type ClusterView = RecordView<ClusterFields>;
export type VoteView = RecordView<VoteFields>;
export type AnswerView = RecordView<AnswerFields>;

async function views<F>(records: LocalRecord[]): Promise<RecordView<F>[]> {
	const live = records.filter((record) => record.deleted === 0);
	const pending = pendingByRecord(await getDb().outbox.toArray());
	return live.map((record) => toView<F>(record, pending));
}

async function ofActivity<F>(type: RecordType, activity: string): Promise<RecordView<F>[]> {
	const records = await getDb()
		.records.where('[type+fields.activity]')
		.equals([type, activity])
		.toArray();
	return views<F>(records);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function me(): Promise<string | undefined> {
	return (await getMeta<Identity>(getDb(), metaKeys.identity))?.participant;
}

/** The activities of a space that are not deleted, by position (then creation). */
export async function activitiesInSpace(space: string): Promise<ActivityView[]> {
	const records = await getDb().records.where('[space+type]').equals([space, 'activity']).toArray();
	const activities = await views<ActivityFields>(records);
	return activities.sort(
		(a, b) =>
			a.fields.position - b.fields.position || a.fields.createdAt - b.fields.createdAt || byId(a, b)
	);
}

/** The open activity with the lowest position: what the room does now; undefined when none. */
export async function currentActivity(space: string): Promise<ActivityView | undefined> {
	const activities = await activitiesInSpace(space);
	return activities.find((activity) => activity.fields.status === 'open');
}

/** One activity, or undefined when it is not on this device or was deleted. */
export async function activity(id: string): Promise<ActivityView | undefined> {
	const record = await getDb().records.get(id);
	if (!record || record.type !== 'activity') return undefined;
	return (await views<ActivityFields>([record]))[0];
}

/** The notes of an activity that are not deleted, oldest first. */
export async function notesInActivity(activity: string): Promise<NoteView[]> {
	const notes = await ofActivity<NoteFields>('note', activity);
	return notes.sort((a, b) => a.fields.createdAt - b.fields.createdAt || byId(a, b));
}

/** The clusters of an activity that are not deleted (merged ones included), by id. */
export async function clustersInActivity(activity: string): Promise<ClusterView[]> {
	return (await ofActivity<ClusterFields>('cluster', activity)).sort(byId);
}

/** Everyone's votes in a dot-vote activity that this device holds. */
export async function votesInActivity(activity: string): Promise<VoteView[]> {
	return (await ofActivity<VoteFields>('vote', activity)).sort(byId);
}

/** This person's votes in a dot-vote activity (zero counts included). */
export async function myVotes(activity: string): Promise<VoteView[]> {
	// Both reads start inside the live query's zone: awaiting one before starting the other
	// left the second unobserved, so a new vote did not re-run the query.
	const [votes, participant] = await Promise.all([votesInActivity(activity), me()]);
	return votes.filter((vote) => vote.author === participant);
}

/** Everyone's answers to an activity that this device holds. */
export async function answersInActivity(activity: string): Promise<AnswerView[]> {
	return (await ofActivity<AnswerFields>('answer', activity)).sort(byId);
}

/** This person's answer to an activity, if any. */
export async function myAnswer(activity: string): Promise<AnswerView | undefined> {
	const [answers, participant] = await Promise.all([answersInActivity(activity), me()]);
	return answers.find((answer) => answer.author === participant);
}

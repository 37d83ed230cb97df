/**
 * Read models of an idea map for the UI, meant to run inside `liveQuery` like queries.ts: the
 * ideas of a space with their support and comment counts, this person's supports, and the
 * comments of one idea, each with its sync state. Hidden ideas reach a participant's device as
 * tombstones and so are gone here; a staff device keeps them, flagged `hidden`.
 * Read-only: no identity is created here.
 */
import { oncePerPersonId } from '$lib/domain/ids';
import {
	parseGeometry,
	parsePhotos,
	supportTarget,
	type CommentFields,
	type IdeaGeometry,
	type MapIdeaFields,
	type RecordType,
	type SupportFields
} from '$lib/domain/records';
import { getDb, type LocalRecord } from './db';
import { getMeta, metaKeys, type Identity } from './meta';
import { pendingByRecord, toView, type PendingInfo, type RecordView } from './queries';

/** A map idea as the map and the list show it. */
export interface MapIdeaView extends RecordView<MapIdeaFields> {
	/** The parsed geometry; undefined only for a record no valid client wrote. */
	geometry: IdeaGeometry | undefined;
	photos: string[];
	supports: number;
	comments: number;
	/** Whether this person supports it. */
	supported: boolean;
}

export type SupportView = RecordView<SupportFields>;
export type CommentView = RecordView<CommentFields>;

const newestFirst = (a: LocalRecord, b: LocalRecord) =>
	Number(b.fields.createdAt ?? 0) - Number(a.fields.createdAt ?? 0) || (a.id < b.id ? 1 : -1);

async function live(space: string, type: RecordType): Promise<LocalRecord[]> {
	const all = await getDb().records.where('[space+type]').equals([space, type]).toArray();
	return all.filter((record) => record.deleted === 0);
}

async function participant(): Promise<string | undefined> {
	return (await getMeta<Identity>(getDb(), metaKeys.identity))?.participant;
}

function countBy(records: LocalRecord[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const record of records) {
		const idea = String(record.fields.idea);
		counts.set(idea, (counts.get(idea) ?? 0) + 1);
	}
	return counts;
}

/** Whether `support` is this person's (its id is their once-per-person id for its idea). */
function isMine(support: LocalRecord, me: string | undefined): boolean {
	if (!me) return false;
	return (
		support.id === oncePerPersonId(support.space, supportTarget(String(support.fields.idea)), me)
	);
}

function ideaView(
	record: LocalRecord,
	pending: Map<string, PendingInfo>,
	supports: Map<string, number>,
	comments: Map<string, number>,
	mine: Set<string>
): MapIdeaView {
	const view = toView<MapIdeaFields>(record, pending);
	return {
		...view,
		geometry: parseGeometry(String(record.fields.geometry)),
		photos: parsePhotos(String(record.fields.photos)) ?? [],
		supports: supports.get(record.id) ?? 0,
		comments: comments.get(record.id) ?? 0,
		supported: mine.has(record.id)
	};
}

/** The map ideas of a space that are not deleted, newest first, with their counts. */
export async function mapIdeasInSpace(space: string): Promise<MapIdeaView[]> {
	// Every read starts inside the live query's zone, so each table is observed.
	const [ideas, supports, comments, rows, me] = await Promise.all([
		live(space, 'mapIdea'),
		live(space, 'support'),
		live(space, 'comment'),
		getDb().outbox.toArray(),
		participant()
	]);
	const pending = pendingByRecord(rows);
	const mine = new Set(
		supports.filter((s) => isMine(s, me)).map((support) => String(support.fields.idea))
	);
	const supportCounts = countBy(supports);
	const commentCounts = countBy(comments);
	return ideas
		.sort(newestFirst)
		.map((record) => ideaView(record, pending, supportCounts, commentCounts, mine));
}

/** One map idea with its counts, or undefined when it is not here or was deleted. */
export async function mapIdea(id: string): Promise<MapIdeaView | undefined> {
	const record = await getDb().records.get(id);
	if (!record || record.deleted || record.type !== 'mapIdea') return undefined;
	const [supports, comments, rows, me] = await Promise.all([
		live(record.space, 'support'),
		live(record.space, 'comment'),
		getDb().outbox.where('records').equals(id).toArray(),
		participant()
	]);
	const ofIdea = (list: LocalRecord[]) => list.filter((r) => r.fields.idea === id);
	const mine = new Set(ofIdea(supports).some((s) => isMine(s, me)) ? [id] : []);
	return ideaView(
		record,
		pendingByRecord(rows),
		countBy(ofIdea(supports)),
		countBy(ofIdea(comments)),
		mine
	);
}

/** This person's supports in a space. */
export async function mySupports(space: string): Promise<SupportView[]> {
	const [supports, rows, me] = await Promise.all([
		live(space, 'support'),
		getDb().outbox.toArray(),
		participant()
	]);
	const pending = pendingByRecord(rows);
	return supports
		.filter((support) => isMine(support, me))
		.map((support) => toView<SupportFields>(support, pending));
}

/** The comments of an idea that are not deleted, oldest first. */
export async function commentsOfIdea(space: string, idea: string): Promise<CommentView[]> {
	const [comments, rows] = await Promise.all([live(space, 'comment'), getDb().outbox.toArray()]);
	const pending = pendingByRecord(rows);
	return comments
		.filter((comment) => comment.fields.idea === idea)
		.sort((a, b) => -newestFirst(a, b))
		.map((comment) => toView<CommentFields>(comment, pending));
}

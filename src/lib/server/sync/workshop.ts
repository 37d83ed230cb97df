/**
 * Workshop rules a push enforces beyond the record schemas (issue 4), checked on the merged
 * state of each note, cluster, vote, answer and activity inside the push transaction:
 *
 * - a note, cluster, vote or answer belongs to an activity of this space of the matching kind
 *   (else `invalid-record`), which is open (else `activity-closed`; staff may also capture
 *   notes into a closed activity and cluster any time);
 * - votes and answers carry their once-per-person id, so one person has one record per item;
 *   an existing one cannot move (a new activity or item would need a new id);
 * - after a vote, its author's votes in the activity sum to at most `dots` and no item holds
 *   more than `maxPerItem` (else `over-budget`). The space row lock push.ts takes before
 *   reading serialises pushes of one space, so two tabs racing can never both pass;
 * - an answer fits its activity (`answerProblem`);
 * - a photo belongs to an activity of this space and its blob is on the hub (`photos.ts`).
 * A refused mutation is rolled back by the caller; the rest of the batch still applies.
 */
import { oncePerPersonId } from '$lib/domain/ids';
import type { MutationResult } from '$lib/domain/protocol';
import {
	activityKindFor,
	parseOptions,
	voteTarget,
	type ActivityKind
} from '$lib/domain/records/workshop';
import { answerProblem, budgetProblem } from '$lib/domain/workshop';
import type { Queryable } from '../db/client';
import { rejected, type StoredRecord } from './apply';
import { checkPhoto } from './photos';

type Fields = StoredRecord['fields'];

/** What a rule needs to know about the mutation besides the merged record. */
export interface RuleInput {
	/** The record after the mutation was merged. */
	after: StoredRecord;
	/** Whether the hub had no such record before this mutation. */
	created: boolean;
	patch: Fields;
	staff: boolean;
}

const refuse = (id: string, message: string) => rejected(id, 'invalid-record', message);
const closed = (id: string) =>
	rejected(id, 'activity-closed', 'This activity is not open right now.');

export class WorkshopRules {
	private readonly loaded = new Map<string, StoredRecord | null>();
	private readonly voteSnapshots = new Map<string, StoredRecord[]>();

	/** `records`: the batch's records by lower-case id, as push.ts keeps them up to date. */
	constructor(
		private readonly tx: Queryable,
		private readonly records: Map<string, StoredRecord>
	) {}

	/** The refusal for this mutation, or undefined when it may stay. */
	async check(input: RuleInput): Promise<MutationResult | undefined> {
		switch (input.after.type) {
			case 'activity':
				return this.checkActivity(input);
			case 'cluster':
				return this.checkCluster(input);
			case 'note':
				return this.checkNote(input);
			case 'vote':
				return this.checkVote(input);
			case 'answer':
				return this.checkAnswer(input);
			case 'photo':
				return this.checkPhoto(input);
			default:
				return undefined;
		}
	}

	/** A live record of this space by id: from the batch first, then from the database. */
	private async record(space: string, id: string): Promise<StoredRecord | undefined> {
		const key = id.toLowerCase();
		let found = this.records.get(key) ?? this.loaded.get(key);
		if (found === undefined) {
			const [row] = await this.tx.query<StoredRecord>(
				'SELECT id, space, type, author, fields, clocks FROM records WHERE id = $1::uuid',
				[key]
			);
			found = row ?? null;
			this.loaded.set(key, found);
		}
		if (!found || found.space !== space || found.fields.deleted === true) return undefined;
		return found;
	}

	/** The activity a record points at, when it is one of `kinds` in the same space. */
	private async activityOf(
		record: StoredRecord,
		kinds: readonly ActivityKind[]
	): Promise<Fields | undefined> {
		const id = String(record.fields.activity ?? '');
		const activity = id ? await this.record(record.space, id) : undefined;
		if (activity?.type !== 'activity') return undefined;
		return kinds.includes(activity.fields.kind as ActivityKind) ? activity.fields : undefined;
	}

	private async checkActivity({ after }: RuleInput): Promise<MutationResult | undefined> {
		const f = after.fields;
		if (f.deleted === true || f.status === 'draft') return undefined;
		const count = (parseOptions(String(f.options)) ?? []).length;
		const dots = Number(f.dots);
		const perItem = Number(f.maxPerItem);
		if (f.kind === 'dot-vote' && (dots < 1 || perItem < 1 || perItem > dots))
			return refuse(after.id, 'A dot vote needs 1–20 dots and 1 to that many dots per item.');
		if ((f.kind === 'poll' || f.kind === 'rating') && count === 0)
			return refuse(after.id, 'A poll or a rating needs at least one option.');
		if (f.kind === 'rating' && Number(f.scale) < 2)
			return refuse(after.id, 'A rating needs a scale from 2 to 10.');
		if (f.kind === 'dot-vote' && f.target) {
			const target = await this.record(after.space, String(f.target));
			if (target?.type !== 'activity' || target.fields.kind !== 'brainstorm')
				return refuse(after.id, 'A dot vote targets a brainstorm of this workshop.');
		}
		return undefined;
	}

	private async checkPhoto({ after, patch }: RuleInput): Promise<MutationResult | undefined> {
		const id = String(after.fields.activity ?? '');
		const activity = id ? await this.record(after.space, id) : undefined;
		return checkPhoto(this.tx, after, patch, activity);
	}

	private async checkCluster({ after }: RuleInput): Promise<MutationResult | undefined> {
		if (!(await this.activityOf(after, ['brainstorm'])))
			return refuse(after.id, 'A cluster belongs to a brainstorm of this workshop.');
		if (String(after.fields.mergedInto) === after.id)
			return refuse(after.id, 'A cluster cannot be merged into itself.');
		return undefined;
	}

	private async checkNote(input: RuleInput): Promise<MutationResult | undefined> {
		const { after, created, patch, staff } = input;
		const activity = await this.activityOf(after, activityKindFor.note!);
		if (!activity) return refuse(after.id, 'A note belongs to a brainstorm of this workshop.');
		// Staff capture paper cards after the fact and cluster any time; never into a draft.
		const open = staff ? !created || activity.status !== 'draft' : activity.status === 'open';
		if (!open) return closed(after.id);
		if (after.fields.deleted === true || !Object.hasOwn(patch, 'category')) return undefined;
		const category = String(after.fields.category);
		const ids = (parseOptions(String(activity.categories)) ?? []).map((o) => o.id);
		if (category && !ids.includes(category))
			return refuse(after.id, 'category: Pick one of the categories of this brainstorm.');
		return undefined;
	}

	/**
	 * A vote or an answer carries the once-per-person id of its author and target, so one
	 * person has one record per item, and an existing one cannot move to another item.
	 */
	private checkIdentity(after: StoredRecord, target: string): MutationResult | undefined {
		const id = after.id.toLowerCase();
		const authors = [after.author, after.author.toLowerCase()];
		if (authors.some((author) => oncePerPersonId(after.space, target, author) === id))
			return undefined;
		return refuse(after.id, 'This id is not the once-per-person id of this person and item.');
	}

	private async checkVote(input: RuleInput): Promise<MutationResult | undefined> {
		const { after } = input;
		const activity = await this.activityOf(after, activityKindFor.vote!);
		if (!activity) return refuse(after.id, 'A vote belongs to a dot vote of this workshop.');
		if (activity.status !== 'open') return closed(after.id);
		const item = String(after.fields.item);
		const wrongId = this.checkIdentity(after, voteTarget(String(after.fields.activity), item));
		if (wrongId) return wrongId;
		if (after.fields.deleted === true) return undefined;
		if (input.created && !(await this.votable(after.space, item, activity)))
			return refuse(after.id, 'item: Vote for a note or a cluster of this workshop.');
		const mine = await this.votesOf(after);
		const problem = budgetProblem(
			mine.map((vote) => ({ item: String(vote.fields.item), count: Number(vote.fields.count) })),
			{ dots: Number(activity.dots), maxPerItem: Number(activity.maxPerItem) }
		);
		return problem ? rejected(after.id, 'over-budget', problem) : undefined;
	}

	/** A note or cluster of the dot vote's target brainstorm (any brainstorm without target). */
	private async votable(space: string, id: string, activity: Fields): Promise<boolean> {
		const item = await this.record(space, id);
		if (item?.type !== 'note' && item?.type !== 'cluster') return false;
		return !activity.target || item.fields.activity === activity.target;
	}

	/** The live votes of this vote's author in its activity, with the batch's changes. */
	private async votesOf(vote: StoredRecord): Promise<StoredRecord[]> {
		const activity = String(vote.fields.activity);
		const author = vote.author.toLowerCase();
		const key = `${activity}\u0000${author}`;
		let snapshot = this.voteSnapshots.get(key);
		if (!snapshot) {
			snapshot = await this.tx.query<StoredRecord>(
				`SELECT id, space, type, author, fields, clocks FROM records
				WHERE space = $1 AND type = 'vote' AND author = $2::uuid AND NOT deleted
					AND fields->>'activity' = $3`,
				[vote.space, author, activity]
			);
			this.voteSnapshots.set(key, snapshot);
		}
		const byId = new Map(snapshot.map((row) => [row.id, row]));
		for (const [id, record] of this.records)
			if (
				record.type === 'vote' &&
				record.author.toLowerCase() === author &&
				record.fields.activity === activity
			)
				byId.set(id, record);
		return [...byId.values()].filter((row) => row.fields.deleted !== true);
	}

	private async checkAnswer(input: RuleInput): Promise<MutationResult | undefined> {
		const { after } = input;
		const activity = await this.activityOf(after, activityKindFor.answer!);
		if (!activity) return refuse(after.id, 'An answer belongs to a poll, rating or question.');
		if (activity.status !== 'open') return closed(after.id);
		const wrongId = this.checkIdentity(after, String(after.fields.activity));
		if (wrongId) return wrongId;
		if (after.fields.deleted === true) return undefined;
		const problem = answerProblem(String(after.fields.value), {
			kind: activity.kind as ActivityKind,
			options: String(activity.options),
			multiple: activity.multiple === true,
			scale: Number(activity.scale)
		});
		return problem ? refuse(after.id, `value: ${problem}`) : undefined;
	}
}

import { beforeEach, describe, expect, it } from 'vitest';
import { oncePerPersonId } from '$lib/domain/ids';
import { activityDefaults, voteTarget, type ActivityKind } from '$lib/domain/records';
import type { PlazaDb } from '$lib/store/db';
import { applyPulled } from '$lib/store/remote';
import { addNote, answerActivity, castVote, voteProblem } from '$lib/store/workshop';
import {
	activitiesInSpace,
	answersInActivity,
	currentActivity,
	myAnswer,
	myVotes,
	notesInActivity,
	votesInActivity
} from '$lib/store/workshop-queries';
import { createRecord, deleteRecord, putOncePerPerson, updateRecord } from '$lib/store/write';
import { hlcAt } from '$tests/fixtures/records';
import { freshDb } from './fresh-db';

const space = 'town-hall';
let db: PlazaDb;
beforeEach(() => {
	db = freshDb();
});

async function newActivity(
	kind: ActivityKind,
	position: number,
	overrides: Record<string, string | number | boolean | null> = {}
): Promise<string> {
	const fields = { ...activityDefaults(kind, `Prompt ${position}`, position, 1), ...overrides };
	return createRecord('activity', space, fields);
}

const note = (activity: string, text = 'More trees') => ({
	activity,
	text,
	category: 'green-space',
	language: 'en',
	authorName: 'Ana'
});

async function me(): Promise<string> {
	return ((await db.meta.get('identity'))?.value as { participant: string }).participant;
}

describe('generic writes', () => {
	it('create, update and delete any record type with one outbox row each', async () => {
		const activity = await newActivity('brainstorm', 0);
		await updateRecord(activity, { status: 'open' });
		await deleteRecord(activity);
		const rows = await db.outbox.orderBy('seq').toArray();
		expect(rows.map((row) => row.mutations[0]?.patch)).toEqual([
			expect.objectContaining({ kind: 'brainstorm', status: 'draft', createdAt: 1 }),
			{ status: 'open' },
			{ deleted: true }
		]);
		expect((await db.records.get(activity))?.deleted).toBe(1);
	});

	it('validates with the type schema: a bad patch or missing field writes nothing', async () => {
		const activity = await newActivity('poll', 0);
		await expect(updateRecord(activity, { status: 'running' })).rejects.toMatchObject({
			code: 'invalid-record'
		});
		await expect(createRecord('note', space, { text: 'no activity' })).rejects.toMatchObject({
			code: 'invalid-record'
		});
		expect(await db.outbox.count()).toBe(1);
	});

	it('stamps createdAt on creation when the type has it', async () => {
		const activity = await newActivity('brainstorm', 0, { status: 'open' });
		const before = Date.now();
		const id = await addNote(space, note(activity));
		const record = await db.records.get(id);
		expect(record?.fields.createdAt).toBeGreaterThanOrEqual(before);
		expect(record?.fields.cluster).toBe('');
	});
});

describe('putOncePerPerson', () => {
	it('uses the deterministic id and upserts with every field', async () => {
		const activity = await newActivity('open-question', 0, { status: 'open' });
		const fields = { activity, value: 'First' };
		const id = await putOncePerPerson('answer', space, activity, fields);
		expect(id).toBe(oncePerPersonId(space, activity, await me()));
		await putOncePerPerson('answer', space, activity, { activity, value: 'Second' });
		expect(await db.records.filter((r) => r.type === 'answer').count()).toBe(1);
		const answers = await answersInActivity(activity);
		expect(answers.map((a) => [a.id, a.fields.value])).toEqual([[id, 'Second']]);
		const patches = (await db.outbox.orderBy('seq').toArray()).map((r) => r.mutations[0]!.patch);
		expect(patches.slice(1)).toEqual([
			{ activity, value: 'First' },
			{ activity, value: 'Second' }
		]);
	});

	it('brings a deleted record back', async () => {
		const activity = await newActivity('open-question', 0, { status: 'open' });
		const id = await putOncePerPerson('answer', space, activity, { activity, value: 'A' });
		await deleteRecord(id);
		await putOncePerPerson('answer', space, activity, { activity, value: 'B' });
		expect((await db.records.get(id))?.deleted).toBe(0);
		expect((await myAnswer(activity))?.fields.value).toBe('B');
	});
});

describe('live queries', () => {
	it('lists activities by position; the current one is the first open', async () => {
		const c = await newActivity('poll', 2, { status: 'open' });
		await newActivity('brainstorm', 0, { status: 'closed' });
		const b = await newActivity('rating', 1, { status: 'draft' });
		const list = await activitiesInSpace(space);
		expect(list.map((a) => a.fields.position)).toEqual([0, 1, 2]);
		expect((await currentActivity(space))?.id).toBe(c);
		await updateRecord(b, { status: 'open' });
		expect((await currentActivity(space))?.id).toBe(b);
		await updateRecord(b, { status: 'closed' });
		await updateRecord(c, { status: 'closed' });
		expect(await currentActivity(space)).toBeUndefined();
	});

	it('lists the live notes of one activity, oldest first, with their sync state', async () => {
		const one = await newActivity('brainstorm', 0, { status: 'open' });
		const two = await newActivity('brainstorm', 1, { status: 'open' });
		const a = await addNote(space, note(one, 'A'));
		await addNote(space, note(two, 'elsewhere'));
		const b = await addNote(space, note(one, 'B'));
		await deleteRecord(a);
		const notes = await notesInActivity(one);
		expect(notes.map((n) => [n.id, n.fields.text, n.syncState])).toEqual([[b, 'B', 'waiting']]);
	});

	it('myVotes and myAnswer see only this person', async () => {
		const vote = await newActivity('dot-vote', 0, { status: 'open' });
		const item = '0190a6f0-0000-7000-8000-000000000001';
		await castVote(space, vote, item, 2);
		const someone = oncePerPersonId(space, voteTarget(vote, item), 'someone-else');
		const clock = hlcAt(Date.now());
		await applyPulled(
			space,
			[
				{
					id: someone,
					type: 'vote',
					space,
					author: 'someone-else',
					fields: { activity: vote, item, count: 3 },
					clocks: { activity: clock, item: clock, count: clock }
				}
			],
			'1.1'
		);
		expect((await votesInActivity(vote)).length).toBe(2);
		expect((await myVotes(vote)).map((v) => v.fields.count)).toEqual([2]);
	});
});

describe('castVote', () => {
	const items = [1, 2, 3].map((n) => `0190a6f0-0000-7000-8000-00000000000${n}`);

	it('keeps within the dots and the per-item limit, refusing with over-budget', async () => {
		const vote = await newActivity('dot-vote', 0, { status: 'open', dots: 4, maxPerItem: 2 });
		await castVote(space, vote, items[0]!, 2);
		await expect(castVote(space, vote, items[1]!, 3)).rejects.toMatchObject({
			code: 'over-budget'
		});
		await castVote(space, vote, items[1]!, 2);
		const before = await db.outbox.count();
		await expect(castVote(space, vote, items[2]!, 1)).rejects.toMatchObject({
			code: 'over-budget'
		});
		expect(await db.outbox.count()).toBe(before);
		await castVote(space, vote, items[0]!, 0);
		await castVote(space, vote, items[2]!, 2);
		const counts = (await myVotes(vote)).map((v) => [v.fields.item, v.fields.count]);
		expect(counts.sort()).toEqual([
			[items[0], 0],
			[items[1], 2],
			[items[2], 2]
		]);
	});

	it('two tabs voting at once never exceed the budget', async () => {
		const vote = await newActivity('dot-vote', 0, { status: 'open', dots: 3, maxPerItem: 3 });
		const results = await Promise.allSettled(items.map((item) => castVote(space, vote, item, 2)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const used = (await myVotes(vote)).reduce((sum, v) => sum + v.fields.count, 0);
		expect(used).toBe(2);
	});

	it('refuses a closed or draft activity with activity-closed', async () => {
		const vote = await newActivity('dot-vote', 0, { status: 'closed' });
		await expect(castVote(space, vote, items[0]!, 1)).rejects.toMatchObject({
			code: 'activity-closed'
		});
		expect(await myVotes(vote)).toEqual([]);
	});
});

describe('answerActivity', () => {
	it('checks a poll answer against the options', async () => {
		const options = JSON.stringify([
			{ id: 'a', label: 'Bus' },
			{ id: 'b', label: 'Bike' }
		]);
		const poll = await newActivity('poll', 0, { status: 'open', options });
		await expect(answerActivity(space, poll, '["a","b"]')).rejects.toMatchObject({
			code: 'invalid-record'
		});
		await answerActivity(space, poll, '["b"]');
		expect((await myAnswer(poll))?.fields.value).toBe('["b"]');
	});

	it('refuses an answer to a closed activity', async () => {
		const question = await newActivity('open-question', 0, { status: 'closed' });
		await expect(answerActivity(space, question, 'Hello')).rejects.toMatchObject({
			code: 'activity-closed'
		});
	});
});

describe('voteProblem', () => {
	it('replaces the item’s count before checking', () => {
		const rules = { dots: 3, maxPerItem: 2 };
		const mine = [
			{ item: 'x', count: 2 },
			{ item: 'y', count: 1 }
		];
		expect(voteProblem(rules, mine, 'x', 1)).toBeUndefined();
		expect(voteProblem(rules, mine, 'y', 2)).toBeDefined();
		expect(voteProblem(rules, mine, 'x', 3)).toBeDefined();
	});
});

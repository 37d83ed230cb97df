import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/domain/auth';
import { newId } from '../../../src/lib/domain/ids';
import type { Mutation, MutationResult } from '../../../src/lib/domain/protocol';
import { handlePush } from '../../../src/lib/server/api';
import type { Hub } from '../../../src/lib/server/hub';
import { engines, type TestDatabase } from '../engines';
import {
	createWorld,
	ctx,
	device,
	push,
	pushRequest,
	rowCounts,
	stateOf,
	type Member,
	type World
} from '../helpers';
import { activity, answer, change, note, themes, vote, voteId } from './fixtures';

describe.each(engines)('workshop push rules on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	/** Pushes mutations as one batch of a fresh device; the per-mutation results. */
	async function send(actor: Actor, mutations: Mutation[]): Promise<MutationResult[]> {
		const body = device().body([mutations]);
		if (actor.kind === 'participant') body.participant = actor.participant;
		const response = await push(hub, body, actor);
		return response.results[0]!.mutations;
	}

	const staff = () => world.facilitator;

	/** A workshop with one open activity of each kind; the dot vote targets the brainstorm. */
	async function workshop() {
		const space = await world.space();
		const brainstorm = activity(space, 'brainstorm', { categories: themes });
		const closed = activity(space, 'brainstorm', { status: 'closed' });
		const draft = activity(space, 'brainstorm', { status: 'draft' });
		const dots = activity(space, 'dot-vote', { dots: 5, maxPerItem: 3, target: brainstorm.id });
		const options = JSON.stringify([
			{ id: 'a', label: 'Tram' },
			{ id: 'b', label: 'Bus' }
		]);
		const poll = activity(space, 'poll', { options });
		const rating = activity(space, 'rating', { options, scale: 5 });
		const question = activity(space, 'open-question');
		const all = [brainstorm, closed, draft, dots, poll, rating, question];
		expect((await send(staff(), all)).map((r) => r.status)).toEqual(all.map(() => 'applied'));
		const items = [
			note(space, brainstorm.id),
			note(space, brainstorm.id),
			note(space, brainstorm.id)
		];
		await send(staff(), items);
		const [brainstormId, closedId, draftId, dotsId, pollId, ratingId, questionId] = all.map(
			(m) => m.id
		);
		return {
			space,
			ana: await world.member(space),
			ids: { brainstormId, closedId, draftId, dotsId, pollId, ratingId, questionId },
			items: items.map((m) => m.id)
		};
	}

	const codes = (results: MutationResult[]) => results.map((r) => r.code ?? r.status);

	it('keeps a participant within their dots and the per-item limit', async () => {
		const { space, ana, ids, items } = await workshop();
		const [a, b, c] = items as [string, string, string];
		const cast = (item: string, count: number) =>
			send(ana.actor, [vote(space, ids.dotsId!, item, ana.participant, count)]);
		expect(codes(await cast(a, 3))).toEqual(['applied']);
		expect(codes(await cast(a, 4))).toEqual(['over-budget']);
		expect(codes(await cast(b, 2))).toEqual(['applied']);
		expect(codes(await cast(c, 1))).toEqual(['over-budget']);
		expect(codes(await cast(a, 1))).toEqual(['applied']);
		expect(codes(await cast(c, 2))).toEqual(['applied']);
		const counts = await myCounts(space, ana);
		expect(counts).toEqual({ [a]: 1, [b]: 2, [c]: 2 });
	});

	it('refuses only the over-budget part of one batch', async () => {
		const { space, ana, ids, items } = await workshop();
		const [a, b] = items as [string, string];
		const results = await send(ana.actor, [
			vote(space, ids.dotsId!, a, ana.participant, 3),
			vote(space, ids.dotsId!, b, ana.participant, 3)
		]);
		expect(codes(results)).toEqual(['applied', 'over-budget']);
		expect(await myCounts(space, ana)).toEqual({ [a]: 3 });
	});

	it('lets two tabs of one participant racing together never exceed the budget', async () => {
		const { space, ana, ids, items } = await workshop();
		const [a, b] = items as [string, string];
		const tab = (item: string) => {
			const body = device().body([[vote(space, ids.dotsId!, item, ana.participant, 3)]]);
			body.participant = ana.participant;
			return handlePush(pushRequest(body), ctx(hub, ana.actor));
		};
		const answers = await Promise.all([tab(a), tab(b)]);
		const results = await Promise.all(
			answers.map(async (r) => (await r.json()) as { results: { mutations: MutationResult[] }[] })
		);
		const outcome = results.map((r) => r.results[0]!.mutations[0]!.code ?? 'applied').sort();
		expect(outcome).toEqual(['applied', 'over-budget']);
		const counts = await myCounts(space, ana);
		expect(Object.values(counts)).toEqual([3]);
	});

	it('refuses a vote for something that is not a note or cluster of the target', async () => {
		const { space, ana, ids } = await workshop();
		const results = await send(ana.actor, [vote(space, ids.dotsId!, newId(), ana.participant, 1)]);
		expect(codes(results)).toEqual(['invalid-record']);
	});

	it('refuses a vote whose id is not the once-per-person id', async () => {
		const { space, ana, ids, items } = await workshop();
		const forged = { ...vote(space, ids.dotsId!, items[0]!, ana.participant, 1), id: newId() };
		expect(codes(await send(ana.actor, [forged]))).toEqual(['invalid-record']);
		const others = vote(space, ids.dotsId!, items[0]!, newId(), 1);
		expect(codes(await send(ana.actor, [others]))).toEqual(['invalid-record']);
	});

	it('refuses notes into a closed, draft or non-brainstorm activity and from outsiders', async () => {
		const { space, ana, ids } = await workshop();
		const elsewhere = await world.member(await world.space());
		const before = await rowCounts(hub.db);
		expect(codes(await send(ana.actor, [note(space, ids.closedId!)]))).toEqual(['activity-closed']);
		expect(codes(await send(ana.actor, [note(space, ids.draftId!)]))).toEqual(['activity-closed']);
		expect(codes(await send(ana.actor, [note(space, ids.pollId!)]))).toEqual(['invalid-record']);
		expect(codes(await send(ana.actor, [note(space, newId())]))).toEqual(['invalid-record']);
		expect(codes(await send(elsewhere.actor, [note(space, ids.brainstormId!)]))).toEqual([
			'forbidden'
		]);
		const anonymous = await handlePush(
			pushRequest(device().body([[note(space, ids.brainstormId!)]])),
			ctx(hub, { kind: 'anonymous' })
		);
		expect(anonymous.status).toBe(401);
		const after = await rowCounts(hub.db);
		// Each refused batch keeps its receipt, and nothing else changed.
		expect({ ...after, receipts: 0 }).toEqual({ ...before, receipts: 0 });
		expect(after.receipts).toBe(before.receipts! + 5);
	});

	it('checks the category against the brainstorm', async () => {
		const { space, ana, ids } = await workshop();
		const ok = note(space, ids.brainstormId!, { category: 'energy' });
		const bad = note(space, ids.brainstormId!, { category: 'sports' });
		expect(codes(await send(ana.actor, [ok, bad]))).toEqual(['applied', 'invalid-record']);
	});

	it('lets only staff cluster, and staff capture notes into a closed activity', async () => {
		const { space, ana, ids } = await workshop();
		const mine = note(space, ids.brainstormId!);
		expect(codes(await send(ana.actor, [mine]))).toEqual(['applied']);
		const group = change('cluster', newId(), space, {
			activity: ids.brainstormId!,
			name: 'Green',
			mergedInto: ''
		});
		expect(codes(await send(ana.actor, [group]))).toEqual(['forbidden']);
		expect(codes(await send(staff(), [group]))).toEqual(['applied']);
		const clustering = change('note', mine.id, space, { cluster: group.id });
		expect(codes(await send(ana.actor, [clustering]))).toEqual(['forbidden']);
		const unclustering = change('note', mine.id, space, { cluster: '' });
		expect(codes(await send(ana.actor, [unclustering]))).toEqual(['forbidden']);
		const sneaky = note(space, ids.brainstormId!, { cluster: group.id });
		expect(codes(await send(ana.actor, [sneaky]))).toEqual(['forbidden']);
		expect(codes(await send(staff(), [clustering]))).toEqual(['applied']);
		const open = activity(space, 'brainstorm');
		expect(codes(await send(ana.actor, [open]))).toEqual(['forbidden']);
		const captured = note(space, ids.closedId!);
		const intoDraft = note(space, ids.draftId!);
		expect(codes(await send(staff(), [captured, intoDraft]))).toEqual([
			'applied',
			'activity-closed'
		]);
		const state = await stateOf(hub, space, staff());
		expect(state.get(mine.id)?.fields.cluster).toBe(group.id);
	});

	it('lets participants edit and delete their notes only while the activity is open', async () => {
		const { space, ana, ids } = await workshop();
		const mine = note(space, ids.brainstormId!);
		await send(ana.actor, [mine]);
		expect(
			codes(await send(ana.actor, [change('note', mine.id, space, { text: 'Edited' })]))
		).toEqual(['applied']);
		await send(staff(), [change('activity', ids.brainstormId!, space, { status: 'closed' })]);
		const late = [
			change('note', mine.id, space, { text: 'Too late' }),
			change('note', mine.id, space, { deleted: true })
		];
		expect(codes(await send(ana.actor, late))).toEqual(['activity-closed', 'activity-closed']);
		const state = await stateOf(hub, space, staff());
		expect(state.get(mine.id)?.fields).toMatchObject({ text: 'Edited' });
		expect(state.get(mine.id)?.fields.deleted).not.toBe(true);
	});

	it('validates answers against their activity', async () => {
		const { space, ana, ids } = await workshop();
		const bob = await world.member(space);
		const cleo = await world.member(space);
		const p = ana.participant;
		expect(codes(await send(ana.actor, [answer(space, ids.pollId!, p, '["a","b"]')]))).toEqual([
			'invalid-record'
		]);
		expect(codes(await send(ana.actor, [answer(space, ids.pollId!, p, '["z"]')]))).toEqual([
			'invalid-record'
		]);
		expect(codes(await send(ana.actor, [answer(space, ids.pollId!, p, '["a"]')]))).toEqual([
			'applied'
		]);
		const rating = (who: Member, value: string) =>
			send(who.actor, [answer(space, ids.ratingId!, who.participant, value)]);
		expect(codes(await rating(bob, '{"a":6}'))).toEqual(['invalid-record']);
		expect(codes(await rating(bob, '{"a":5,"b":1}'))).toEqual(['applied']);
		const text = (value: string) =>
			send(cleo.actor, [answer(space, ids.questionId!, cleo.participant, value)]);
		expect(codes(await text('   '))).toEqual(['invalid-record']);
		expect(codes(await text('Open the school yard at weekends'))).toEqual(['applied']);
		const wrongKind = answer(space, ids.brainstormId!, p, 'x');
		expect(codes(await send(ana.actor, [wrongKind]))).toEqual(['invalid-record']);
		const message = (await send(ana.actor, [answer(space, ids.pollId!, p, '[]')]))[0]!.message;
		expect(message).toContain('Choose exactly one');
	});

	it('refuses to open a dot vote whose limits make no sense', async () => {
		const space = await world.space();
		const bad = activity(space, 'dot-vote', { dots: 2, maxPerItem: 3 });
		const poll = activity(space, 'poll');
		const draft = activity(space, 'poll', { status: 'draft' });
		expect(codes(await send(staff(), [bad, poll, draft]))).toEqual([
			'invalid-record',
			'invalid-record',
			'applied'
		]);
	});

	/** Item → count of a participant's live votes, read back as a fresh device would. */
	async function myCounts(space: string, who: Member): Promise<Record<string, number>> {
		const state = await stateOf(hub, space, who.actor);
		const counts: Record<string, number> = {};
		for (const record of state.values())
			if (record.type === 'vote' && record.author === who.participant && !record.fields.deleted) {
				const item = String(record.fields.item);
				expect(record.id).toBe(
					voteId(space, String(record.fields.activity), item, who.participant)
				);
				counts[item] = Number(record.fields.count);
			}
		return counts;
	}
});

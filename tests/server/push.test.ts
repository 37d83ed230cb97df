import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, maxDriftMs, parseHlc } from '../../src/lib/domain/hlc';
import { newId } from '../../src/lib/domain/ids';
import type { Hub } from '../../src/lib/server/hub';
import { engines, type TestDatabase } from './engines';
import {
	createWorld,
	hlc,
	ideaFields,
	mutation,
	push,
	rowCounts,
	stateOf,
	type World
} from './helpers';

describe.each(engines)('push on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	it('applies a replayed batch once and answers duplicate', async () => {
		const space = await world.space();
		const phone = await world.member(space);
		const body = phone.body([[mutation(newId(), space, ideaFields())]]);
		const first = await push(hub, body, phone.actor);
		expect(first.results[0]).toMatchObject({ seq: 1, status: 'applied' });
		expect(first.results[0]!.mutations[0]!.status).toBe('applied');
		const before = await rowCounts(hub.db);
		const state = await stateOf(hub, space, world.admin);

		const again = await push(hub, body, phone.actor);
		expect(again.results[0]!.status).toBe('duplicate');
		expect(again.results[0]!.mutations.map((m) => m.status)).toEqual(['duplicate']);
		expect(again.checkpoints[space]).toBe(first.checkpoints[space]);
		expect(await rowCounts(hub.db)).toEqual(before);
		expect(await stateOf(hub, space, world.admin)).toEqual(state);
	});

	it('rejects the same batch number with another body and writes nothing', async () => {
		const space = await world.space();
		const phone = await world.member(space);
		const id = newId();
		await push(hub, phone.body([[mutation(id, space, ideaFields())]]), phone.actor);
		const before = await rowCounts(hub.db);
		const other = phone.body([[mutation(id, space, { title: 'Changed' }, hlc(5))]]);
		const answer = await push(hub, other, phone.actor);
		expect(answer.results[0]).toMatchObject({ status: 'rejected', code: 'conflicting-resend' });
		expect(answer.results[0]!.mutations[0]).toMatchObject({ status: 'rejected' });
		expect(await rowCounts(hub.db)).toEqual(before);
		expect((await stateOf(hub, space, world.admin)).get(id)!.fields.title).toBe(ideaFields().title);
	});

	it('rejects a bad mutation with a code and applies the rest of its batch', async () => {
		const space = await world.space();
		const phone = await world.member(space);
		const [good, bad, partial, later] = [newId(), newId(), newId(), newId()];
		const answer = await push(
			hub,
			phone.body([
				[
					mutation(good, space, ideaFields()),
					mutation(bad, space, ideaFields({ category: 'spaceships' })),
					mutation(partial, space, { title: 'Only a title' }),
					mutation(later, space, ideaFields({ title: 'Second good one' }))
				]
			]),
			phone.actor
		);
		const results = answer.results[0]!.mutations;
		expect(answer.results[0]!.status).toBe('applied');
		expect(results.map((r) => [r.id, r.status, r.code])).toEqual([
			[good, 'applied', undefined],
			[bad, 'rejected', 'invalid-record'],
			[partial, 'rejected', 'missing-fields'],
			[later, 'applied', undefined]
		]);
		expect(results[1]!.message).toMatch(/category/);
		expect([...(await stateOf(hub, space, world.admin)).keys()].sort()).toEqual(
			[good, later].sort()
		);
	});

	it('rejects a mutation that moves a record to another space or type', async () => {
		const [space, elsewhere] = [await world.space(), await world.space()];
		const phone = await world.member(space);
		const id = newId();
		await push(hub, phone.body([[mutation(id, space, ideaFields())]]), phone.actor);
		const move = phone.body([[mutation(id, elsewhere, { title: 'Moved' }, hlc(9))]], 2);
		const moved = await push(hub, move, world.facilitator);
		expect(moved.results[0]!.mutations[0]).toMatchObject({
			status: 'rejected',
			code: 'space-mismatch'
		});
		const state = await stateOf(hub, space, world.admin);
		expect(state.get(id)!.fields.title).toBe(ideaFields().title);
	});

	it('keeps the original author when a facilitator edits, and takes the author from the actor', async () => {
		const space = await world.space();
		const ana = await world.member(space);
		const id = newId();
		const claimed = { ...ana.body([[mutation(id, space, ideaFields())]]), participant: newId() };
		await push(hub, claimed, ana.actor);
		const edit = ana.body([[mutation(id, space, { title: 'Fay edits' }, hlc(10, 'fay'))]], 2);
		await push(hub, edit, world.facilitator);
		const record = (await stateOf(hub, space, world.admin)).get(id)!;
		expect(record.author).toBe(ana.participant);
		expect(record.fields.title).toBe('Fay edits');
	});

	it('clamps a clock one hour ahead instead of rejecting it', async () => {
		const space = await world.space();
		const phone = await world.member(space);
		const id = newId();
		const now = Date.now();
		const ahead = formatHlc({ wall: now + 3_600_000, counter: 0, node: 'fast' });
		const answer = await hub.push(
			{
				protocol: 1,
				deviceId: phone.deviceId,
				participant: phone.participant,
				batches: [{ seq: 1, mutations: [mutation(id, space, ideaFields(), ahead)] }]
			},
			phone.actor,
			now
		);
		expect(answer.results[0]!.mutations[0]!.status).toBe('applied');
		const clocks = (await stateOf(hub, space, world.admin)).get(id)!.clocks;
		const stored = parseHlc(clocks.title!);
		expect(stored.wall).toBe(now + maxDriftMs);
		expect(stored.node).toBe('fast');
		expect(parseHlc(ahead).wall).toBeGreaterThan(stored.wall);
	});

	it('reports a checkpoint per space that a pull reaches', async () => {
		const space = await world.space();
		const phone = await world.member(space);
		const body = phone.body([[mutation(newId(), space, ideaFields())]]);
		const answer = await push(hub, body, phone.actor);
		const { cursor } = await hub.pull({ space, after: undefined, limit: 1000 });
		expect(answer.checkpoints[space]).toBe(cursor);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, maxDriftMs, parseHlc } from '../../src/lib/domain/hlc';
import { newId } from '../../src/lib/domain/ids';
import type { Hub } from '../../src/lib/server/hub';
import { engines, type TestDatabase } from './engines';
import { device, hlc, ideaFields, mutation, newSpace, push, rowCounts, stateOf } from './helpers';

describe.each(engines)('push on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
	});
	afterAll(() => database.drop());

	it('applies a replayed batch once and answers duplicate', async () => {
		const space = newSpace();
		const phone = device();
		const body = phone.body([[mutation(newId(), space, ideaFields())]]);
		const first = await push(hub, body);
		expect(first.results[0]).toMatchObject({ seq: 1, status: 'applied' });
		expect(first.results[0]!.mutations[0]!.status).toBe('applied');
		const before = await rowCounts(hub.db);
		const state = await stateOf(hub, space);

		const again = await push(hub, body);
		expect(again.results[0]!.status).toBe('duplicate');
		expect(again.results[0]!.mutations.map((m) => m.status)).toEqual(['duplicate']);
		expect(again.checkpoints[space]).toBe(first.checkpoints[space]);
		expect(await rowCounts(hub.db)).toEqual(before);
		expect(await stateOf(hub, space)).toEqual(state);
	});

	it('rejects the same batch number with another body and writes nothing', async () => {
		const space = newSpace();
		const phone = device();
		const id = newId();
		await push(hub, phone.body([[mutation(id, space, ideaFields())]]));
		const before = await rowCounts(hub.db);
		const other = phone.body([[mutation(id, space, { title: 'Changed' }, hlc(5))]]);
		const answer = await push(hub, other);
		expect(answer.results[0]).toMatchObject({ status: 'rejected', code: 'conflicting-resend' });
		expect(answer.results[0]!.mutations[0]).toMatchObject({ status: 'rejected' });
		expect(await rowCounts(hub.db)).toEqual(before);
		expect((await stateOf(hub, space)).get(id)!.fields.title).toBe(ideaFields().title);
	});

	it('rejects a bad mutation with a code and applies the rest of its batch', async () => {
		const space = newSpace();
		const phone = device();
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
			])
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
		expect([...(await stateOf(hub, space)).keys()].sort()).toEqual([good, later].sort());
	});

	it('rejects a mutation that moves a record to another space or type', async () => {
		const space = newSpace();
		const phone = device();
		const id = newId();
		await push(hub, phone.body([[mutation(id, space, ideaFields())]]));
		const moved = await push(
			hub,
			phone.body([[mutation(id, newSpace('elsewhere'), { title: 'Moved' }, hlc(9))]], 2)
		);
		expect(moved.results[0]!.mutations[0]).toMatchObject({
			status: 'rejected',
			code: 'space-mismatch'
		});
		expect((await stateOf(hub, space)).get(id)!.fields.title).toBe(ideaFields().title);
	});

	it('keeps the original author when someone else edits', async () => {
		const space = newSpace();
		const [ana, ben] = [device(), device()];
		const id = newId();
		await push(hub, ana.body([[mutation(id, space, ideaFields())]]));
		await push(hub, ben.body([[mutation(id, space, { title: 'Ben edits' }, hlc(10, 'ben'))]]));
		const record = (await stateOf(hub, space)).get(id)!;
		expect(record.author).toBe(ana.participant);
		expect(record.fields.title).toBe('Ben edits');
	});

	it('clamps a clock one hour ahead instead of rejecting it', async () => {
		const space = newSpace();
		const phone = device();
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
			now
		);
		expect(answer.results[0]!.mutations[0]!.status).toBe('applied');
		const clocks = (await stateOf(hub, space)).get(id)!.clocks;
		const stored = parseHlc(clocks.title!);
		expect(stored.wall).toBe(now + maxDriftMs);
		expect(stored.node).toBe('fast');
		expect(parseHlc(ahead).wall).toBeGreaterThan(stored.wall);
	});

	it('reports a checkpoint per space that a pull reaches', async () => {
		const space = newSpace();
		const answer = await push(hub, device().body([[mutation(newId(), space, ideaFields())]]));
		const { cursor } = await stateOf(hub, space).then(() =>
			hub.pull({ space, after: undefined, limit: 1000 })
		);
		expect(answer.checkpoints[space]).toBe(cursor);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/domain/ids';
import type { Mutation } from '../../src/lib/domain/protocol';
import type { Hub } from '../../src/lib/server/hub';
import { engines, type TestDatabase } from './engines';
import {
	createWorld,
	device,
	hlc,
	ideaFields,
	mutation,
	push,
	stateOf,
	type World
} from './helpers';

describe.each(engines)('convergence on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	/** Creates the record, then pushes each device's edits (as its facilitator) in the given order. */
	async function run(
		order: 'ana-first' | 'ben-first',
		edits: (space: string, id: string) => Mutation[][]
	) {
		const space = await world.space();
		const id = newId();
		const [creator, ana, ben] = [device(), device(), device()];
		await push(
			hub,
			creator.body([[mutation(id, space, ideaFields(), hlc(0, 'creator'))]]),
			world.facilitator
		);
		const [anaEdits, benEdits] = edits(space, id);
		const pushes = [
			() => push(hub, ana.body([anaEdits!]), world.facilitator),
			() => push(hub, ben.body([benEdits!]), world.facilitator)
		];
		if (order === 'ben-first') pushes.reverse();
		for (const send of pushes) await send();
		return (await stateOf(hub, space, world.admin)).get(id)!;
	}

	it('converges on concurrent edits whichever push arrives first', async () => {
		const edits = (space: string, id: string) => [
			[mutation(id, space, { title: 'Ana title', text: 'Ana text' }, hlc(20, 'ana'))],
			[mutation(id, space, { title: 'Ben title', category: 'energy' }, hlc(10, 'ben'))]
		];
		const one = await run('ana-first', edits);
		const two = await run('ben-first', edits);
		expect(one.fields).toEqual(two.fields);
		expect(one.clocks).toEqual(two.clocks);
		// Per field: Ana's later title wins, Ben's category (untouched by Ana) survives.
		expect(one.fields).toMatchObject({ title: 'Ana title', text: 'Ana text', category: 'energy' });
	});

	it('breaks an equal wall clock by node id, the same way in both orders', async () => {
		const edits = (space: string, id: string) => [
			[mutation(id, space, { title: 'from a' }, hlc(30, 'a-device'))],
			[mutation(id, space, { title: 'from b' }, hlc(30, 'b-device'))]
		];
		const one = await run('ana-first', edits);
		const two = await run('ben-first', edits);
		expect(one.fields.title).toBe('from b');
		expect(two.fields.title).toBe('from b');
	});

	it('lets a later delete win over an earlier edit, in both orders', async () => {
		const edits = (space: string, id: string) => [
			[mutation(id, space, { deleted: true }, hlc(50, 'ana'))],
			[mutation(id, space, { title: 'Edited before the delete' }, hlc(40, 'ben'))]
		];
		for (const order of ['ana-first', 'ben-first'] as const) {
			const record = await run(order, edits);
			expect(record.fields.deleted).toBe(true);
			expect(record.fields.title).toBe('Edited before the delete');
		}
	});

	it('lets a later undelete win over an earlier delete', async () => {
		const edits = (space: string, id: string) => [
			[mutation(id, space, { deleted: true }, hlc(50, 'ana'))],
			[mutation(id, space, { deleted: false }, hlc(60, 'ben'))]
		];
		for (const order of ['ana-first', 'ben-first'] as const)
			expect((await run(order, edits)).fields.deleted).toBe(false);
	});

	it('gives two devices pulling the same space identical state', async () => {
		const space = await world.space();
		const id = newId();
		const [ana, ben] = [device(), device()];
		await push(
			hub,
			ana.body([[mutation(id, space, ideaFields(), hlc(0, 'ana'))]]),
			world.facilitator
		);
		await Promise.all([
			push(
				hub,
				ana.body([[mutation(id, space, { text: 'a' }, hlc(5, 'ana'))]], 2),
				world.facilitator
			),
			push(hub, ben.body([[mutation(id, space, { text: 'b' }, hlc(6, 'ben'))]]), world.facilitator)
		]);
		const [seenByAna, seenByBen] = [
			await stateOf(hub, space, world.admin),
			await stateOf(hub, space, world.admin)
		];
		expect(seenByAna).toEqual(seenByBen);
		expect(seenByAna.get(id)!.fields.text).toBe('b');
	});
});

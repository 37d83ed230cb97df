import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/domain/auth';
import type { Mutation, RemoteRecord } from '../../../src/lib/domain/protocol';
import { clusterResolver } from '../../../src/lib/domain/workshop';
import type { Hub } from '../../../src/lib/server/hub';
import { engines, type TestDatabase } from '../engines';
import { createWorld, device, hlc, push, stateOf, type World } from '../helpers';
import { activity, change, cluster, note } from './fixtures';

/** The board a device draws from pulled state: cluster name → sorted note texts. */
function board(state: Map<string, RemoteRecord>): Record<string, string[]> {
	const records = [...state.values()].filter((r) => !r.fields.deleted);
	const clusters = records.filter((r) => r.type === 'cluster');
	const resolve = clusterResolver(
		clusters.map((c) => ({ id: c.id, mergedInto: String(c.fields.mergedInto) }))
	);
	const names = new Map(clusters.map((c) => [c.id, String(c.fields.name)]));
	const groups: Record<string, string[]> = {};
	for (const n of records.filter((r) => r.type === 'note')) {
		const name = names.get(resolve(String(n.fields.cluster))) ?? '(none)';
		(groups[name] ??= []).push(String(n.fields.text));
	}
	for (const list of Object.values(groups)) list.sort();
	return groups;
}

describe.each(engines)('workshop convergence on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	const send = async (actor: Actor, mutations: Mutation[]) => {
		const results = (await push(hub, device().body([mutations]), actor)).results[0]!.mutations;
		expect(results.map((r) => r.code ?? r.status)).toEqual(mutations.map(() => 'applied'));
	};

	/** Two facilitators cluster the same notes offline, then push in `order`. */
	async function clusterOffline(order: 'fay-first' | 'otto-first') {
		const space = await world.space({
			facilitators: [world.facilitator, world.otherFacilitator]
		});
		const brainstorm = activity(space, 'brainstorm');
		// Created in this order, so A < B < C as UUIDv7s in every run.
		const [a, b, c] = ['Green', 'Trees', 'Parks'].map((name) =>
			cluster(space, brainstorm.id, name)
		);
		const texts = ['Shade', 'Benches', 'Oaks', 'Playground'];
		const notes = texts.map((text) => note(space, brainstorm.id, { text }));
		await send(world.facilitator, [brainstorm, a!, b!, c!, ...notes]);
		const at = (offset: number, node: string) => ({ hlc: hlc(1000 + offset, node) });
		// Fay merges A into B and files two notes; Otto, offline too, merges B into A and C into A.
		const fay: Mutation[] = [
			{ ...change('cluster', a!.id, space, { mergedInto: b!.id }), ...at(1, 'fay') },
			{ ...change('note', notes[0]!.id, space, { cluster: a!.id }), ...at(2, 'fay') },
			{ ...change('note', notes[1]!.id, space, { cluster: b!.id }), ...at(3, 'fay') }
		];
		const otto: Mutation[] = [
			{ ...change('cluster', b!.id, space, { mergedInto: a!.id }), ...at(1, 'otto') },
			{ ...change('cluster', c!.id, space, { mergedInto: a!.id }), ...at(2, 'otto') },
			{ ...change('note', notes[2]!.id, space, { cluster: c!.id }), ...at(3, 'otto') },
			{ ...change('note', notes[1]!.id, space, { cluster: c!.id }), ...at(4, 'otto') }
		];
		const pushes: [Actor, Mutation[]][] = [
			[world.facilitator, fay],
			[world.otherFacilitator, otto]
		];
		if (order === 'otto-first') pushes.reverse();
		for (const [actor, mutations] of pushes) await send(actor, mutations);
		return board(await stateOf(hub, space, world.facilitator));
	}

	it('gives two facilitators clustering offline one board, whichever pushes first', async () => {
		const first = await clusterOffline('fay-first');
		const second = await clusterOffline('otto-first');
		expect(first).toEqual(second);
		// A→B and B→A make a cycle: it resolves to A, and C follows into A.
		expect(first).toEqual({ Green: ['Benches', 'Oaks', 'Shade'], '(none)': ['Playground'] });
	});

	it('ends a note deleted on one device and edited on another deleted, in either order', async () => {
		for (const deleteFirst of [true, false]) {
			const space = await world.space();
			const brainstorm = activity(space, 'brainstorm');
			await send(world.facilitator, [brainstorm]);
			const ana = await world.member(space);
			const mine = note(space, brainstorm.id);
			const phone = device();
			const body = (mutations: Mutation[], seq: number) => ({
				...phone.body([mutations], seq),
				participant: ana.participant
			});
			await push(hub, body([mine], 1), ana.actor);
			const deletion = { ...change('note', mine.id, space, { deleted: true }), hlc: hlc(500, 'p') };
			const edit = { ...change('note', mine.id, space, { text: 'Edited' }), hlc: hlc(600, 't') };
			const tablet = device();
			const pushes = [
				() => push(hub, body([deletion], 2), ana.actor),
				() => push(hub, { ...tablet.body([[edit]]), participant: ana.participant }, ana.actor)
			];
			if (!deleteFirst) pushes.reverse();
			for (const run of pushes) await run();
			const state = await stateOf(hub, space, ana.actor);
			expect(state.get(mine.id)?.fields.deleted).toBe(true);
		}
	});
});

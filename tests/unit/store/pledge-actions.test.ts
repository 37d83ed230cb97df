import { beforeEach, describe, expect, it } from 'vitest';
import type { PlazaDb } from '$lib/store/db';
import {
	addPledgeAction,
	deletePledgeAction,
	editPledgeAction,
	pledgeActionsInSpace,
	type PledgeActionInput
} from '$lib/store/pledge-actions';
import { freshDb } from './fresh-db';

const space = 'district-4';
let db: PlazaDb;
beforeEach(() => {
	db = freshDb();
});

const input = (overrides: Partial<PledgeActionInput> = {}): PledgeActionInput => ({
	theme: 'home-energy',
	title: JSON.stringify({ en: 'Join the district heating', de: 'Fernwärme anschließen' }),
	description: JSON.stringify({ en: 'Connect your flat to the new scheme.' }),
	commitment: JSON.stringify({ en: 'I connect my flat' }),
	figure: 1.2,
	source: 'City energy office, 2026 report',
	unit: 'whole',
	levelMin: 1,
	levelMax: 1,
	levelStep: 1,
	levelReference: 1,
	overlap: 'heating',
	...overrides
});

describe('local actions', () => {
	it('adds one, lists it with its sync state and queues it for the hub', async () => {
		const id = await addPledgeAction(space, input());
		const list = await pledgeActionsInSpace(space);
		expect(list.map((a) => [a.id, a.fields.figure, a.syncState])).toEqual([[id, 1.2, 'waiting']]);
		const rows = await db.outbox.toArray();
		expect(rows[0]?.mutations[0]).toMatchObject({ id, type: 'pledgeAction', space });
		expect(await pledgeActionsInSpace('elsewhere')).toEqual([]);
	});

	it('refuses a missing source and a scale whose highest level is below its lowest', async () => {
		await expect(addPledgeAction(space, input({ source: '  ' }))).rejects.toMatchObject({
			code: 'invalid-record'
		});
		await expect(addPledgeAction(space, input({ levelMin: 3, levelMax: 2 }))).rejects.toThrow(
			/highest level/
		);
		expect(await db.records.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('edits fields, checking the merged scale', async () => {
		const id = await addPledgeAction(space, input({ unit: 'days-per-week', levelMax: 7 }));
		await editPledgeAction(id, { figure: 0.8, levelReference: 7 });
		expect((await pledgeActionsInSpace(space))[0]?.fields).toMatchObject({
			figure: 0.8,
			levelReference: 7
		});
		await expect(editPledgeAction(id, { levelMin: 8 })).rejects.toThrow(/highest level/);
		expect((await pledgeActionsInSpace(space))[0]?.fields.levelMin).toBe(1);
	});

	it('deletes one, and a deleted one cannot be edited', async () => {
		const id = await addPledgeAction(space, input());
		await deletePledgeAction(id);
		expect(await pledgeActionsInSpace(space)).toEqual([]);
		await expect(editPledgeAction(id, { figure: 1 })).rejects.toMatchObject({ code: 'not-found' });
	});
});

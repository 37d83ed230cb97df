import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlazaError } from '$lib/domain/errors';
import { newId } from '$lib/domain/ids';
import type { RemoteRecord } from '$lib/domain/protocol';
import type { PlazaDb } from '$lib/store/db';
import { localActions, myPledges, pledgeOrigin } from '$lib/store/pledge-queries';
import { checkIn, finishPledge, makePledge, withdrawPledge } from '$lib/store/pledges';
import { markReminderShown, remindersInSpace, setReminder } from '$lib/store/reminders';
import { applyPulled } from '$lib/store/remote';
import { hlcAt } from '$tests/fixtures/records';
import { freshDb } from './fresh-db';

const space = 'car-free-may';
let db: PlazaDb;

/** Noon local time on a day, so the local day is the same in every time zone. */
const at = (day: string) => vi.setSystemTime(new Date(`${day}T12:00:00`));

beforeEach(() => {
	db = freshDb();
	vi.useFakeTimers({ toFake: ['Date'] });
	at('2027-05-03');
});
afterEach(() => {
	vi.useRealTimers();
});

const pledge = (overrides = {}) =>
	makePledge(space, { action: 'car-free', level: 3, language: 'en', ...overrides });

function remote(type: RemoteRecord['type'], fields: Record<string, unknown>, id = newId()) {
	const clocks = Object.fromEntries(Object.keys(fields).map((key) => [key, hlcAt(1_000)]));
	return { id, type, space, author: newId(), fields, clocks } as RemoteRecord;
}

const localAction = {
	theme: 'mobility',
	title: '{"en":"Share your car","de":"Teile dein Auto"}',
	description: '{"en":"With the neighbours."}',
	commitment: '{"en":"Days a week I share my car"}',
	figure: 0.5,
	source: 'City of Example (2026)',
	unit: 'days-per-week',
	levelMin: 1,
	levelMax: 7,
	levelStep: 1,
	levelReference: 7,
	overlap: 'car',
	createdAt: 1
};

async function rejectsWith(promise: Promise<unknown>, code: string, message: RegExp) {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(PlazaError);
	expect(error).toMatchObject({ code });
	expect((error as Error).message).toMatch(message);
}

describe('makePledge', () => {
	it('pledges from today for two months by default, with one outbox row', async () => {
		const idea = remote('mapIdea', { title: 'A bike lane on Main Street' });
		await applyPulled(space, [idea], '1.1');
		const id = await pledge({ origin: `mapIdea:${idea.id}` });
		const record = await db.records.get(id);
		expect(record).toMatchObject({ type: 'pledge', space, deleted: 0 });
		expect(record?.fields).toMatchObject({
			action: 'car-free',
			level: 3,
			startsOn: '2027-05-03',
			endsOn: '2027-07-03',
			status: 'active',
			language: 'en',
			origin: `mapIdea:${idea.id}`
		});
		expect(await db.outbox.count()).toBe(1);
		const [view] = await myPledges(space);
		expect(view).toMatchObject({ id, syncState: 'waiting', checkIns: [] });
	});

	it('takes a number of months or a last day', async () => {
		const a = await pledge({ months: 6 });
		expect((await db.records.get(a))?.fields.endsOn).toBe('2027-11-03');
		const b = await pledge({ action: 'vegan', endsOn: '2027-05-17' });
		expect((await db.records.get(b))?.fields.endsOn).toBe('2027-05-17');
	});

	it('re-pledging an action reuses its record with a new period and level', async () => {
		const id = await pledge();
		await withdrawPledge(id);
		at('2027-06-10');
		const again = await pledge({ level: 5, months: 1 });
		expect(again).toBe(id);
		expect((await db.records.get(id))?.fields).toMatchObject({
			status: 'active',
			level: 5,
			startsOn: '2027-06-10',
			endsOn: '2027-07-10'
		});
		expect(await myPledges(space)).toHaveLength(1);
	});

	it('refuses a level off the scale, an unknown action, a bad period or origin', async () => {
		await rejectsWith(pledge({ level: 6 }), 'invalid-record', /level from 1 to 5/);
		await rejectsWith(pledge({ level: 2.5 }), 'invalid-record', /steps of 1/);
		await rejectsWith(pledge({ action: 'teleport' }), 'invalid-record', /not offered/);
		await rejectsWith(pledge({ action: `local:${newId()}` }), 'invalid-record', /not offered/);
		await rejectsWith(pledge({ endsOn: '2027-05-03' }), 'invalid-record', /ends after it starts/);
		await rejectsWith(pledge({ months: 13 }), 'invalid-record', /at most 366 days/);
		await rejectsWith(pledge({ months: 0 }), 'invalid-record', /whole number of months/);
		await rejectsWith(pledge({ origin: 'somewhere' }), 'invalid-record', /origin/);
		expect(await db.records.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('takes an origin only from a live activity or map idea of the same space', async () => {
		const idea = remote('mapIdea', { title: 'A bike lane' });
		const activity = remote('activity', { prompt: 'What will you change?' });
		await applyPulled(space, [idea, activity], '1.1');
		await applyPulled(
			'elsewhere',
			[{ ...remote('mapIdea', { title: 'Far away' }), space: 'elsewhere' }],
			'1.1'
		);
		const far = (await db.records.where('space').equals('elsewhere').first())!.id;
		await pledge({ origin: `activity:${activity.id}` });
		for (const origin of [`mapIdea:${newId()}`, `activity:${idea.id}`, `mapIdea:${far}`])
			await rejectsWith(pledge({ action: 'vegan', origin }), 'invalid-record', /of this space/);
	});

	it('names a live origin of the space by its title, and nothing else', async () => {
		const idea = remote('mapIdea', { title: 'A bike lane' });
		const activity = remote('activity', {
			prompt: 'What will you change?',
			translations: JSON.stringify({ ar: { prompt: 'ماذا ستغير؟' } })
		});
		await applyPulled(space, [idea, activity], '1.1');
		expect(await pledgeOrigin(space, `mapIdea:${idea.id.toUpperCase()}`)).toEqual({
			type: 'mapIdea',
			id: idea.id,
			title: 'A bike lane',
			translations: {},
			original: ''
		});
		expect(await pledgeOrigin(space, `activity:${activity.id}`)).toMatchObject({
			title: 'What will you change?',
			translations: { ar: { prompt: 'ماذا ستغير؟' } }
		});
		expect(await pledgeOrigin('elsewhere', `mapIdea:${idea.id}`)).toBeUndefined();
		expect(await pledgeOrigin(space, `activity:${idea.id}`)).toBeUndefined();
		expect(await pledgeOrigin(space, '')).toBeUndefined();
	});

	it('offers only the campaign themes of the catalogue in a pledge campaign', async () => {
		await db.meta.put({
			key: `spaceInfo:${space}`,
			value: {
				id: space,
				kind: 'pledge',
				pledge: { goalPeople: null, goalTco2e: null, themes: ['food'] }
			}
		});
		await rejectsWith(pledge(), 'invalid-record', /other themes/);
		await expect(pledge({ action: 'vegan' })).resolves.toBeTruthy();
	});

	it('pledges a local action of the space on its own scale', async () => {
		const action = remote('pledgeAction', localAction);
		await applyPulled(space, [action], '1.1');
		const [listed] = await localActions(space);
		expect(listed).toMatchObject({ id: action.id, ref: `local:${action.id}` });
		const id = await pledge({ action: listed!.ref, level: 7 });
		expect((await db.records.get(id))?.fields.action).toBe(`local:${action.id}`);
		await rejectsWith(pledge({ action: listed!.ref, level: 8 }), 'invalid-record', /1 to 7/);
	});
});

describe('checkIn', () => {
	it('answers a week; a second answer for the same week replaces the first', async () => {
		const id = await pledge();
		const first = await checkIn(space, id, 1, 'partly');
		const second = await checkIn(space, id, 1, 'done');
		expect(second).toBe(first);
		const [view] = await myPledges(space);
		expect(view?.checkIns.map((c) => [c.fields.week, c.fields.result])).toEqual([[1, 'done']]);
	});

	it('catches up earlier weeks but refuses weeks that have not begun or lie outside', async () => {
		const id = await pledge();
		at('2027-05-20'); // week 3
		await checkIn(space, id, 1, 'not');
		await checkIn(space, id, 3, 'done');
		await rejectsWith(checkIn(space, id, 4, 'done'), 'invalid-record', /not begun/);
		await rejectsWith(checkIn(space, id, 0, 'done'), 'invalid-record', /not part/);
		await rejectsWith(checkIn(space, id, 99, 'done'), 'invalid-record', /not part/);
		const [view] = await myPledges(space);
		expect(view?.checkIns.map((c) => c.fields.week)).toEqual([1, 3]);
	});

	it('shows only the current period after a re-pledge', async () => {
		const id = await pledge();
		await checkIn(space, id, 1, 'done');
		await withdrawPledge(id);
		at('2027-06-01');
		await pledge();
		const [view] = await myPledges(space);
		expect(view?.checkIns).toEqual([]);
	});

	it('refuses a withdrawn pledge, an unknown one and someone else’s', async () => {
		const id = await pledge();
		await withdrawPledge(id);
		await rejectsWith(checkIn(space, id, 1, 'done'), 'invalid-record', /no longer active/);
		await rejectsWith(checkIn(space, newId(), 1, 'done'), 'not-found', /not on this device/);
		const theirs = remote('pledge', {
			action: 'vegan',
			level: 3,
			startsOn: '2027-05-01',
			endsOn: '2027-07-01',
			status: 'active',
			origin: '',
			language: 'en',
			createdAt: 1
		});
		await applyPulled(space, [theirs], '1.1');
		await rejectsWith(checkIn(space, theirs.id, 1, 'done'), 'not-found', /not yours/);
		expect((await myPledges(space)).map((p) => p.id)).toEqual([id]);
	});
});

describe('withdraw and finish', () => {
	it('withdraws at any time, once', async () => {
		const id = await pledge();
		await withdrawPledge(id);
		expect((await db.records.get(id))?.fields.status).toBe('withdrawn');
		await rejectsWith(withdrawPledge(id), 'invalid-record', /no longer active/);
	});

	it('finishes only once the period is over, as kept or not kept', async () => {
		const id = await pledge({ action: 'vegan', endsOn: '2027-05-17' });
		await rejectsWith(finishPledge(id, true), 'invalid-record', /not ended/);
		at('2027-05-17');
		await finishPledge(id, true);
		expect((await db.records.get(id))?.fields.status).toBe('kept');
		await rejectsWith(finishPledge(id, false), 'invalid-record', /no longer active/);
		const other = await pledge({ endsOn: '2027-05-31' });
		at('2027-06-01');
		await finishPledge(other, false);
		expect((await db.records.get(other))?.fields.status).toBe('not-kept');
	});

	it('lists active pledges before finished and withdrawn ones', async () => {
		const withdrawn = await pledge({ action: 'vegan' });
		await withdrawPledge(withdrawn);
		const active = await pledge({ action: 'recycle', level: 1 });
		expect((await myPledges(space)).map((p) => p.id)).toEqual([active, withdrawn]);
	});
});

describe('reminders', () => {
	it('keeps a per-pledge choice on this device, without touching the outbox', async () => {
		const id = await pledge();
		const rows = await db.outbox.count();
		await setReminder(space, id, true, 'notification');
		await markReminderShown(id, '2027-05-03');
		await setReminder(space, id, false, 'notification');
		expect(await remindersInSpace(space)).toEqual([
			{ pledge: id, space, enabled: false, channel: 'notification', lastShownOn: '2027-05-03' }
		]);
		expect(await remindersInSpace('elsewhere')).toEqual([]);
		expect(await db.outbox.count()).toBe(rows);
	});
});

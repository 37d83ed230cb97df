import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/lib/domain/ids';
import type { Mutation } from '../../../src/lib/domain/protocol';
import type { Hub } from '../../../src/lib/server/hub';
import { engines, type TestDatabase } from '../engines';
import { createWorld, stateOf, type AccountActor, type Member, type World } from '../helpers';
import { mapIdea, mapSpace } from '../map/kit';
import { activity } from '../workshop/fixtures';
import {
	checkIn,
	checkInId,
	codes,
	daysFromToday,
	localAction,
	localActionRef,
	pledge,
	pledgeChange,
	pledgeId,
	pledgeSpace,
	send,
	today
} from './kit';

describe.each(engines)('pledge push rules on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	const staff = () => world.facilitator;
	/** Sends as `member`; the one result's code (or status) and message. */
	async function one(who: Member | AccountActor, mutation: Mutation) {
		const actor = 'actor' in who ? who.actor : who;
		const [result] = await send(hub, actor, [mutation]);
		return { code: result!.code ?? result!.status, message: result!.message ?? '' };
	}

	/** A pledge campaign with a live local action, and a member. */
	async function campaign(themes = ['mobility', 'home-energy', 'food', 'consumption']) {
		const space = await pledgeSpace(hub, world, {
			goalPeople: 500,
			goalTco2e: 300,
			themes: themes as never
		});
		const local = localAction(space);
		expect(codes(await send(hub, staff(), [local]))).toEqual(['applied']);
		return { space, local: localActionRef(local.id), ana: await world.member(space) };
	}

	describe('pledges', () => {
		it('takes a pledge in every kind of space, a map and a workshop included', async () => {
			const spaces = [
				await pledgeSpace(hub, world),
				await world.space(),
				await world.space({ kind: 'workshop' }),
				await mapSpace(hub, world)
			];
			for (const space of spaces) {
				const ana = await world.member(space);
				const made = pledge(space, ana.participant);
				const action = localAction(space);
				expect(codes(await send(hub, ana.actor, [made]))).toEqual(['applied']);
				expect(codes(await send(hub, staff(), [action]))).toEqual(['applied']);
				const week = checkIn(space, made.id, ana.participant);
				expect(codes(await send(hub, ana.actor, [week]))).toEqual(['applied']);
				expect((await stateOf(hub, space, ana.actor)).size).toBe(3);
			}
		});

		it('insists on the once-per-person id of the person and the action', async () => {
			const { space, ana } = await campaign();
			const ben = await world.member(space);
			const wrong = [
				{ ...pledge(space, ana.participant), id: newId() },
				{ ...pledge(space, ana.participant), id: pledgeId(space, 'vegan', ana.participant) },
				pledge(space, ben.participant)
			];
			for (const mutation of wrong) {
				const result = await one(ana, mutation);
				expect(result.code).toBe('invalid-record');
				expect(result.message).toMatch(/^id: .*once-per-person id/);
			}
			expect(codes(await send(hub, ana.actor, [pledge(space, ana.participant)]))).toEqual([
				'applied'
			]);
			// Staff pledge as themselves: their account id is the author.
			const own = pledge(space, staff().accountId, { action: 'vegan', level: 7 });
			expect(codes(await send(hub, staff(), [own]))).toEqual(['applied']);
		});

		it('takes catalogue actions and live local actions of the same space only', async () => {
			const { space, local, ana } = await campaign();
			const other = await campaign();
			const hidden = localAction(space);
			const gone = localAction(space);
			await send(hub, staff(), [hidden, gone]);
			await hub.db.query('UPDATE records SET hidden = true WHERE id = $1', [hidden.id]);
			await send(hub, staff(), [{ ...gone, patch: { deleted: true } }]);
			const refused = [
				'teleport',
				other.local,
				localActionRef(hidden.id),
				localActionRef(gone.id),
				localActionRef(newId())
			];
			for (const action of refused) {
				const result = await one(ana, pledge(space, ana.participant, { action, level: 2 }));
				expect(result, action).toEqual({
					code: 'invalid-record',
					message: 'action: Pick an action of the catalogue or of this space.'
				});
			}
			const fine = [pledge(space, ana.participant, { action: local, level: 4 })];
			fine.push(pledge(space, ana.participant, { action: 'heat-pump', level: 1 }));
			expect(codes(await send(hub, ana.actor, fine))).toEqual(['applied', 'applied']);
		});

		it('takes a local action pushed in the same batch as the pledge on it', async () => {
			const space = await pledgeSpace(hub, world);
			const action = localAction(space);
			const mine = pledge(space, staff().accountId, {
				action: localActionRef(action.id),
				level: 2
			});
			expect(codes(await send(hub, staff(), [action, mine]))).toEqual(['applied', 'applied']);
		});

		it("keeps a campaign's catalogue actions to its themes; local actions are always offered", async () => {
			const { space, local, ana } = await campaign(['food']);
			const result = await one(ana, pledge(space, ana.participant));
			expect(result).toEqual({
				code: 'invalid-record',
				message: 'action: This campaign offers actions of other themes.'
			});
			const fine = [
				pledge(space, ana.participant, { action: 'vegan', level: 5 }),
				pledge(space, ana.participant, { action: local, level: 1 })
			];
			expect(codes(await send(hub, ana.actor, fine))).toEqual(['applied', 'applied']);
			// Narrowing the themes later leaves earlier pledges editable.
			const wide = await campaign();
			const carFree = pledge(wide.space, wide.ana.participant);
			await send(hub, wide.ana.actor, [carFree]);
			await hub.db.query(
				`UPDATE spaces SET pledge_settings = jsonb_set(pledge_settings, '{themes}', '["food"]')
				WHERE id = $1`,
				[wide.space]
			);
			const lower = pledgeChange(wide.space, carFree.id, { level: 1 });
			expect(codes(await send(hub, wide.ana.actor, [lower]))).toEqual(['applied']);
			// Another kind of space offers every theme.
			const ideas = await world.space();
			const ben = await world.member(ideas);
			expect(codes(await send(hub, ben.actor, [pledge(ideas, ben.participant)]))).toEqual([
				'applied'
			]);
		});

		it("insists on a level the action's scale offers, when the level or action changes", async () => {
			const { space, local, ana } = await campaign();
			const cases: [string, number][] = [
				['car-free', 6],
				['car-free', 0],
				['car-free', 2.5],
				['electric-car', 2],
				['lower-heating', 4],
				[local, 8],
				[local, 1.5]
			];
			for (const [action, level] of cases) {
				const result = await one(ana, pledge(space, ana.participant, { action, level }));
				expect(result, `${action} ${level}`).toEqual({
					code: 'invalid-record',
					message: 'level: Pick a level this action offers.'
				});
			}
			const made = pledge(space, ana.participant, { level: 5 });
			expect(codes(await send(hub, ana.actor, [made]))).toEqual(['applied']);
			const higher = await one(ana, pledgeChange(space, made.id, { level: 7 }));
			expect(higher.message).toBe('level: Pick a level this action offers.');
			expect(
				codes(await send(hub, ana.actor, [pledgeChange(space, made.id, { level: 2 })]))
			).toEqual(['applied']);
			expect((await stateOf(hub, space, ana.actor)).get(made.id)!.fields.level).toBe(2);
		});

		it('insists on a sound period when it changes', async () => {
			const { space, ana } = await campaign();
			const backwards = await one(
				ana,
				pledge(space, ana.participant, { startsOn: today(), endsOn: daysFromToday(-3) })
			);
			expect(backwards).toEqual({
				code: 'invalid-record',
				message: 'endsOn: A pledge ends after it starts.'
			});
			const long = await one(ana, pledge(space, ana.participant, { endsOn: daysFromToday(400) }));
			expect(long.message).toBe('endsOn: A pledge lasts at most 366 days.');
			const made = pledge(space, ana.participant);
			await send(hub, ana.actor, [made]);
			const moved = await one(ana, pledgeChange(space, made.id, { startsOn: daysFromToday(90) }));
			expect(moved.message).toBe('endsOn: A pledge ends after it starts.');
			const again = pledgeChange(space, made.id, {
				startsOn: daysFromToday(70),
				endsOn: daysFromToday(130)
			});
			expect(codes(await send(hub, ana.actor, [again]))).toEqual(['applied']);
		});

		it('takes an origin only when it is an activity or map idea of the same space', async () => {
			const workshop = await world.space({ kind: 'workshop' });
			const brainstorm = activity(workshop, 'brainstorm');
			await send(hub, staff(), [brainstorm]);
			const ana = await world.member(workshop);
			const fromActivity = pledge(workshop, ana.participant, {
				origin: `activity:${brainstorm.id}`
			});
			expect(codes(await send(hub, ana.actor, [fromActivity]))).toEqual(['applied']);

			const map = await mapSpace(hub, world);
			const idea = mapIdea(map);
			const ben = await world.member(map);
			await send(hub, ben.actor, [idea]);
			const fromIdea = pledge(map, ben.participant, { origin: `mapIdea:${idea.id}` });
			expect(codes(await send(hub, ben.actor, [fromIdea]))).toEqual(['applied']);

			const refused = [
				`mapIdea:${brainstorm.id}`,
				`activity:${newId()}`,
				`mapIdea:${idea.id}`,
				`activity:${idea.id}`
			];
			for (const origin of refused) {
				const result = await one(
					ana,
					pledge(workshop, ana.participant, { action: 'vegan', origin, level: 3 })
				);
				expect(result, origin).toEqual({
					code: 'invalid-record',
					message: 'origin: Pledge from an activity or a map idea of this space.'
				});
			}
		});

		it('takes kept or not kept only from the day before the period ends', async () => {
			const { space, ana } = await campaign();
			const running = pledge(space, ana.participant);
			await send(hub, ana.actor, [running]);
			for (const status of ['kept', 'not-kept']) {
				const early = await one(ana, pledgeChange(space, running.id, { status }));
				expect(early).toEqual({
					code: 'invalid-record',
					message: 'status: You can say whether you kept a pledge when its period ends.'
				});
			}
			const ending = pledge(space, ana.participant, {
				action: 'vegan',
				level: 7,
				startsOn: daysFromToday(-60),
				endsOn: daysFromToday(1)
			});
			const kept = pledgeChange(space, ending.id, { status: 'kept' });
			expect(codes(await send(hub, ana.actor, [ending, kept]))).toEqual(['applied', 'applied']);
			const ended = pledge(space, ana.participant, {
				action: 'recycle',
				level: 1,
				startsOn: daysFromToday(-30),
				endsOn: daysFromToday(-2),
				status: 'not-kept'
			});
			expect(codes(await send(hub, ana.actor, [ended]))).toEqual(['applied']);
			// Moving the end of a kept pledge into the future takes the verdict back too.
			const later = await one(ana, pledgeChange(space, ending.id, { endsOn: daysFromToday(20) }));
			expect(later.message).toMatch(/^status: /);
		});

		it('lets a person withdraw, pledge again and delete any time', async () => {
			const { space, ana } = await campaign();
			const made = pledge(space, ana.participant);
			await send(hub, ana.actor, [made]);
			const steps = [
				pledgeChange(space, made.id, { status: 'withdrawn' }),
				pledgeChange(space, made.id, { status: 'active', startsOn: daysFromToday(3) }),
				pledgeChange(space, made.id, { deleted: true })
			];
			expect(codes(await send(hub, ana.actor, steps))).toEqual(['applied', 'applied', 'applied']);
		});
	});

	describe('check-ins', () => {
		/** A campaign with Ana's running pledge (61 days: 9 weeks, week 1 from today). */
		async function running(overrides = {}) {
			const { space, ana } = await campaign();
			const made = pledge(space, ana.participant, overrides);
			expect(codes(await send(hub, ana.actor, [made]))).toEqual(['applied']);
			return { space, ana, made, startsOn: String(made.patch.startsOn) };
		}

		it('keeps one answer per person, pledge and week, from any device', async () => {
			const { space, ana, made } = await running();
			const first = checkIn(space, made.id, ana.participant, { result: 'not' });
			const second = checkIn(space, made.id, ana.participant, { result: 'partly' });
			expect(first.id).toBe(second.id);
			expect(codes(await send(hub, ana.actor, [first]))).toEqual(['applied']);
			expect(codes(await send(hub, ana.actor, [second]))).toEqual(['applied']);
			const records = [...(await stateOf(hub, space, ana.actor)).values()];
			const checkIns = records.filter((r) => r.type === 'checkIn');
			expect(checkIns.map((r) => r.fields.result)).toEqual(['partly']);
		});

		it('insists on the once-per-person id of the person, pledge, period and week', async () => {
			const { space, ana, made, startsOn } = await running();
			const wrong = [
				{ ...checkIn(space, made.id, ana.participant), id: newId() },
				{
					...checkIn(space, made.id, ana.participant),
					id: checkInId(space, made.id, startsOn, 2, ana.participant)
				}
			];
			for (const mutation of wrong) {
				const result = await one(ana, mutation);
				expect(result.code).toBe('invalid-record');
				expect(result.message).toMatch(/^id: .*once-per-person id/);
			}
		});

		it("refuses a check-in on someone else's, another space's, a deleted or a hidden pledge", async () => {
			const { space, ana, made } = await running();
			const ben = await world.member(space);
			const message = 'pledge: Check in on a pledge of your own in this space.';
			expect(await one(ben, checkIn(space, made.id, ben.participant))).toEqual({
				code: 'invalid-record',
				message
			});
			const elsewhere = await running();
			const cross = checkIn(space, elsewhere.made.id, ana.participant);
			expect((await one(ana, cross)).message).toBe(message);

			const hidden = pledge(space, ana.participant, { action: 'vegan', level: 7 });
			const gone = pledge(space, ana.participant, { action: 'recycle', level: 1 });
			await send(hub, ana.actor, [hidden, gone, pledgeChange(space, gone.id, { deleted: true })]);
			await hub.db.query('UPDATE records SET hidden = true WHERE id = $1', [hidden.id]);
			for (const target of [hidden.id, gone.id, newId()])
				expect((await one(ana, checkIn(space, target, ana.participant))).message).toBe(message);
		});

		it("insists on the pledge's current period", async () => {
			const { space, ana, made, startsOn } = await running();
			const restarted = pledgeChange(space, made.id, {
				startsOn: daysFromToday(-7),
				endsOn: daysFromToday(50)
			});
			expect(codes(await send(hub, ana.actor, [restarted]))).toEqual(['applied']);
			const stale = await one(ana, checkIn(space, made.id, ana.participant, { startsOn }));
			expect(stale).toEqual({
				code: 'invalid-record',
				message: 'startsOn: This pledge has started again since; check in anew.'
			});
			const current = checkIn(space, made.id, ana.participant, { startsOn: daysFromToday(-7) });
			expect(codes(await send(hub, ana.actor, [current]))).toEqual(['applied']);
		});

		it('takes only weeks of the period that have begun, with a day of slack for time zones', async () => {
			const { space, ana, made, startsOn } = await running({
				startsOn: daysFromToday(-70),
				endsOn: daysFromToday(-1)
			});
			// 69 days: 10 weeks, the last one short.
			const beyond = await one(
				ana,
				checkIn(space, made.id, ana.participant, { startsOn, week: 11 })
			);
			expect(beyond).toEqual({
				code: 'invalid-record',
				message: 'week: This pledge has no such week.'
			});
			const last = checkIn(space, made.id, ana.participant, { startsOn, week: 10 });
			expect(codes(await send(hub, ana.actor, [last]))).toEqual(['applied']);

			const fresh = await running();
			const ahead = checkIn(fresh.space, fresh.made.id, fresh.ana.participant, { week: 2 });
			expect(await one(fresh.ana, ahead)).toEqual({
				code: 'invalid-record',
				message: 'week: You can check in on a week once it has begun.'
			});
			const tomorrow = await running({ startsOn: daysFromToday(1), endsOn: daysFromToday(30) });
			const early = checkIn(tomorrow.space, tomorrow.made.id, tomorrow.ana.participant, {
				startsOn: daysFromToday(1)
			});
			expect(codes(await send(hub, tomorrow.ana.actor, [early]))).toEqual(['applied']);
		});

		it('lets a person delete a check-in', async () => {
			const { space, ana, made } = await running();
			const week = checkIn(space, made.id, ana.participant);
			await send(hub, ana.actor, [week]);
			const removed = { ...week, patch: { deleted: true } };
			expect(codes(await send(hub, ana.actor, [removed]))).toEqual(['applied']);
		});
	});

	describe('local actions', () => {
		it('takes them from staff only, with a sound level scale', async () => {
			const { space, ana } = await campaign();
			expect(codes(await send(hub, ana.actor, [localAction(space)]))).toEqual(['forbidden']);
			const upsideDown = localAction(space, { levelMin: 5, levelMax: 2 });
			expect(await one(staff(), upsideDown)).toEqual({
				code: 'invalid-record',
				message: 'levelMax: The highest level is at least the lowest.'
			});
			const action = localAction(space);
			expect(codes(await send(hub, staff(), [action]))).toEqual(['applied']);
			const raised = { ...localAction(space), id: action.id, patch: { levelMin: 9 } };
			expect((await one(staff(), raised)).message).toMatch(/^levelMax: /);
			const deleted = { ...raised, patch: { deleted: true } };
			expect(codes(await send(hub, staff(), [deleted]))).toEqual(['applied']);
		});
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/lib/domain/ids';
import type { Hub } from '../../../src/lib/server/hub';
import { handleSpaceImpact } from '../../../src/lib/server/pledge/handlers';
import { engines, type TestDatabase } from '../engines';
import { createWorld, ctx, hlc, type Member, type World } from '../helpers';
import {
	checkIn,
	codes,
	daysFromToday,
	impactOfSpace,
	localAction,
	localActionRef,
	organisationImpact,
	pledge,
	pledgeChange,
	pledgeSpace,
	send,
	spaceImpact,
	theme
} from './kit';

describe.each(engines)('pledge impact on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	const members = async (space: string, n: number): Promise<Member[]> => {
		const list: Member[] = [];
		for (let i = 0; i < n; i++) list.push(await world.member(space));
		return list;
	};
	const applied = async (member: Member, mutations: Parameters<typeof send>[2]) =>
		expect(codes(await send(hub, member.actor, mutations))).toEqual(mutations.map(() => 'applied'));

	/**
	 * Seven people in a campaign (figures: catalogue.ts; 2.4 t car-free at 5 of 5 days):
	 * p1 car-free 3 days (1.44) + an electric car (2.0, same overlap group) + recycling (0.21);
	 * p2 car-free 5 days (2.4), checked in week 1 from two devices; p3 car-free 3 days, kept
	 * (1.44); p4 the local car sharing 4 days (1.2 × 4 / 2 = 2.4), checked in partly;
	 * p5 one long flight fewer (1.6) + vegan 7 days (0.9), checked in "not";
	 * p6 withdrew car-free; p7 vegetarian 4 days (0.5 × 4 / 7).
	 */
	async function campaign() {
		const space = await pledgeSpace(hub, world);
		const share = localAction(space);
		await send(hub, world.facilitator, [share]);
		const [p1, p2, p3, p4, p5, p6, p7] = await members(space, 7);
		const started = { startsOn: daysFromToday(-3) };
		const p2Pledge = pledge(space, p2!.participant, { level: 5, ...started });
		const p4Pledge = pledge(space, p4!.participant, {
			action: localActionRef(share.id),
			level: 4,
			...started
		});
		const p5Vegan = pledge(space, p5!.participant, { action: 'vegan', level: 7, ...started });
		const ending = { startsOn: daysFromToday(-60), endsOn: daysFromToday(1) };
		const p3Pledge = pledge(space, p3!.participant, ending);
		await applied(p1!, [
			pledge(space, p1!.participant),
			pledge(space, p1!.participant, { action: 'electric-car', level: 1 }),
			pledge(space, p1!.participant, { action: 'recycle', level: 1 })
		]);
		await applied(p2!, [p2Pledge, checkIn(space, p2Pledge.id, p2!.participant, started)]);
		await applied(p2!, [checkIn(space, p2Pledge.id, p2!.participant, started)]);
		await applied(p3!, [p3Pledge, pledgeChange(space, p3Pledge.id, { status: 'kept' })]);
		await applied(p4!, [
			p4Pledge,
			checkIn(space, p4Pledge.id, p4!.participant, { ...started, result: 'partly' })
		]);
		await applied(p5!, [
			pledge(space, p5!.participant, { action: 'fewer-long-flights', level: 1 }),
			p5Vegan,
			checkIn(space, p5Vegan.id, p5!.participant, { ...started, result: 'not' })
		]);
		const p6Pledge = pledge(space, p6!.participant);
		await applied(p6!, [p6Pledge, pledgeChange(space, p6Pledge.id, { status: 'withdrawn' })]);
		await applied(p7!, [pledge(space, p7!.participant, { action: 'vegetarian', level: 4 })]);
		return { space, share, p2, p2Pledge };
	}

	it('adds up people, pledges, check-ins and tCO2e, overall and per theme', async () => {
		const { space } = await campaign();
		const { status, body } = await spaceImpact(hub, space, world.facilitator);
		expect(status).toBe(200);
		expect(body.space).toEqual({ id: space, title: 'Car-free May', kind: 'pledge' });
		expect(body.goal).toEqual({ people: null, tco2e: null });
		expect(Date.parse(body.computedAt)).not.toBeNaN();
		const impact = body.impact;
		expect(impact).toMatchObject({
			threshold: 5,
			people: 6,
			activePledges: 8,
			keptPledges: 1,
			checkIns: 2,
			// 2.0 + 0.21 + 2.4 + 1.44 + 2.4 + 1.6 + 0.9 + 0.2857: the car-free 1.44 of p1 not again.
			tco2e: 11.24
		});
		expect(theme(impact, 'mobility')).toEqual({
			theme: 'mobility',
			people: 5,
			pledges: 6,
			tco2e: 9.84
		});
		// Two people eat differently and one recycles: too few to show.
		for (const name of ['food', 'consumption'])
			expect(theme(impact, name)).toEqual({
				theme: name,
				people: null,
				pledges: null,
				tco2e: null
			});
		expect(theme(impact, 'home-energy')).toEqual({
			theme: 'home-energy',
			people: 0,
			pledges: 0,
			tco2e: 0
		});
	});

	it('drops a withdrawn, deleted or hidden pledge from the totals', async () => {
		const { space, p2, p2Pledge } = await campaign();
		const before = await impactOfSpace(hub, world, space);
		await applied(p2!, [pledgeChange(space, p2Pledge.id, { status: 'withdrawn' })]);
		const withdrawn = await impactOfSpace(hub, world, space);
		expect(withdrawn).toMatchObject({ people: 5, activePledges: 7, tco2e: 8.84 });
		expect(theme(withdrawn, 'mobility').people).toBeNull();
		expect(before.people).toBe(6);

		await applied(p2!, [pledgeChange(space, p2Pledge.id, { status: 'active' })]);
		expect(await impactOfSpace(hub, world, space)).toEqual(before);
		await hub.db.query('UPDATE records SET hidden = true WHERE id = $1', [p2Pledge.id]);
		expect(await impactOfSpace(hub, world, space)).toMatchObject({ people: 5, tco2e: 8.84 });
		await hub.db.query('UPDATE records SET hidden = false WHERE id = $1', [p2Pledge.id]);
		await applied(p2!, [pledgeChange(space, p2Pledge.id, { deleted: true })]);
		expect(await impactOfSpace(hub, world, space)).toMatchObject({ people: 5, tco2e: 8.84 });
	});

	it('counts overlapping actions of one person once, at the largest estimate', async () => {
		const space = await pledgeSpace(hub, world);
		for (const member of await members(space, 5))
			await applied(member, [
				pledge(space, member.participant, { level: 5 }),
				pledge(space, member.participant, { action: 'electric-car', level: 1 }),
				pledge(space, member.participant, { action: 'hybrid-car', level: 1 }),
				pledge(space, member.participant, { action: 'telecommute', level: 5 })
			]);
		const impact = await impactOfSpace(hub, world, space);
		// Car-free at 5 days (2.4) beats the electric car (2.0), hybrid (0.52), telecommuting (0.4).
		expect(impact).toMatchObject({ people: 5, activePledges: 20, tco2e: 12 });
		expect(theme(impact, 'mobility')).toMatchObject({ people: 5, pledges: 20, tco2e: 12 });
	});

	it("uses a local action's own figure, only for pledges of its own space, and not once it is hidden", async () => {
		const space = await pledgeSpace(hub, world);
		const share = localAction(space, { figure: 0.8, levelReference: 1, theme: 'consumption' });
		await send(hub, world.facilitator, [share]);
		const people = await members(space, 5);
		for (const [i, member] of people.entries())
			await applied(member, [
				pledge(space, member.participant, { action: localActionRef(share.id), level: i + 1 })
			]);
		// 0.8 × (1 + 2 + 3 + 4 + 5) / 1
		const impact = await impactOfSpace(hub, world, space);
		expect(impact).toMatchObject({ people: 5, tco2e: 12 });
		expect(theme(impact, 'consumption')).toMatchObject({ people: 5, pledges: 5, tco2e: 12 });

		// A pledge of another space naming this local action (written past the push rules) resolves
		// to nothing: local figures never travel between spaces.
		const other = await pledgeSpace(hub, world, undefined, { impactPublic: true });
		const [{ seq }] = (await hub.db.query<{ seq: unknown }>(
			'UPDATE spaces SET seq = seq + 1 WHERE id = $1 RETURNING seq',
			[other]
		)) as [{ seq: unknown }];
		const fields = {
			action: localActionRef(share.id),
			level: 5,
			startsOn: daysFromToday(0),
			endsOn: daysFromToday(30),
			status: 'active',
			origin: '',
			language: 'en',
			createdAt: 1
		};
		await hub.db.query(
			`INSERT INTO records (id, space, type, author, fields, clocks, seq)
			VALUES ($1, $2, 'pledge', $3, ($4::text)::jsonb, ($5::text)::jsonb, $6)`,
			[newId(), other, newId(), JSON.stringify(fields), JSON.stringify({ action: hlc(0) }), seq]
		);
		const stray = await organisationImpact(hub, world.organisation, world.admin);
		expect(stray.status).toBe(200);
		const alone = await spaceImpact(hub, other, world.facilitator);
		expect(alone.body.impact).toMatchObject({ people: 0, activePledges: 0, tco2e: 0 });

		await hub.db.query('UPDATE records SET hidden = true WHERE id = $1', [share.id]);
		expect(await impactOfSpace(hub, world, space)).toMatchObject({ people: 0, tco2e: 0 });
	});

	it('shows no number of a group smaller than five people', async () => {
		const space = await pledgeSpace(hub, world, {
			goalPeople: 500,
			goalTco2e: 300,
			themes: ['mobility']
		});
		for (const member of await members(space, 4))
			await applied(member, [pledge(space, member.participant, { level: 5 })]);
		const { body } = await spaceImpact(hub, space, world.facilitator);
		expect(body.goal).toEqual({ people: 500, tco2e: 300 });
		expect(body.impact).toMatchObject({
			threshold: 5,
			people: null,
			activePledges: null,
			keptPledges: null,
			checkIns: null,
			tco2e: null
		});
		expect(theme(body.impact, 'mobility')).toMatchObject({ people: null, tco2e: null });
		// The time the hub computed it may hold any digits; the totals must not.
		expect(JSON.stringify(body.impact)).not.toMatch(/9\.6|"people":4/);
		const [fifth] = await members(space, 1);
		await applied(fifth!, [pledge(space, fifth!.participant, { level: 5 })]);
		expect(await impactOfSpace(hub, world, space)).toMatchObject({ people: 5, tco2e: 12 });
	});

	describe('who may read a space', () => {
		it('lets staff and participants read a private space; 401 nobody, 403 others, 404 unknown', async () => {
			const space = await pledgeSpace(hub, world);
			const ana = await world.member(space);
			const stranger = await world.member(await world.space());
			expect((await spaceImpact(hub, space)).status).toBe(401);
			expect((await spaceImpact(hub, space, stranger.actor)).status).toBe(403);
			expect((await spaceImpact(hub, space, world.otherFacilitator)).status).toBe(403);
			for (const actor of [ana.actor, world.facilitator, world.admin])
				expect((await spaceImpact(hub, space, actor)).status).toBe(200);
			expect((await spaceImpact(hub, 'no-such-space', world.admin)).status).toBe(404);
			expect((await spaceImpact(hub, 'NOT A SPACE')).status).toBe(404);
		});

		it('lets anyone read a published space or one with public impact, never cached', async () => {
			const published = await world.space({ published: true });
			const open = await pledgeSpace(hub, world, undefined, { impactPublic: true });
			for (const space of [published, open]) {
				const response = await handleSpaceImpact(space, ctx(hub));
				expect(response.status).toBe(200);
				expect(response.headers.get('cache-control')).toBe('no-store');
			}
			const ideas = (await spaceImpact(hub, published)).body;
			expect(ideas.goal).toBeNull();
			expect(ideas.space.kind).toBe('ideas');
		});
	});

	describe('an organisation', () => {
		/** A fresh organisation with a public campaign of `inPublic` people and a private one. */
		async function organisation(inPublic: number, inPrivate: number) {
			const own = await createWorld(hub);
			const open = await pledgeSpace(hub, own, undefined, { impactPublic: true });
			const closed = await pledgeSpace(hub, own);
			for (const [space, n] of [
				[open, inPublic],
				[closed, inPrivate]
			] as const)
				for (let i = 0; i < n; i++) {
					const member = await own.member(space);
					await applied(member, [pledge(space, member.participant, { level: 5 })]);
				}
			return own;
		}

		it('adds up every space for its accounts and only public ones for anyone else', async () => {
			const own = await organisation(5, 3);
			const inside = await organisationImpact(hub, own.organisation, own.facilitator);
			expect(inside.status).toBe(200);
			expect(inside.body.organisation).toEqual({ id: own.organisation, name: 'City of Testing' });
			expect(inside.body).toMatchObject({ spaces: 2, impact: { people: 8, tco2e: 19.2 } });
			for (const actor of [undefined, world.admin]) {
				const outside = await organisationImpact(hub, own.organisation, actor);
				expect(outside.status).toBe(200);
				expect(outside.body).toMatchObject({ spaces: 1, impact: { people: 5, tco2e: 12 } });
			}
		});

		it('suppresses small groups on the organisation too', async () => {
			const own = await organisation(3, 3);
			const outside = await organisationImpact(hub, own.organisation);
			expect(outside.body).toMatchObject({ spaces: 1, impact: { people: null, tco2e: null } });
			const inside = await organisationImpact(hub, own.organisation, own.admin);
			expect(inside.body).toMatchObject({ spaces: 2, impact: { people: 6, tco2e: 14.4 } });
		});

		it('answers 404 to outsiders when no space is public, and for unknown ids', async () => {
			const own = await organisation(0, 2);
			await hub.db.query('UPDATE spaces SET impact_public = false WHERE organisation = $1', [
				own.organisation
			]);
			expect((await organisationImpact(hub, own.organisation)).status).toBe(404);
			expect((await organisationImpact(hub, own.organisation, world.admin)).status).toBe(404);
			const inside = await organisationImpact(hub, own.organisation, own.facilitator);
			expect(inside.status).toBe(200);
			expect(inside.body.spaces).toBe(2);
			expect((await organisationImpact(hub, newId())).status).toBe(404);
			expect((await organisationImpact(hub, 'not-an-id', own.admin)).status).toBe(404);
		});
	});

	it('takes no pledges in a closed campaign', async () => {
		const space = await pledgeSpace(hub, world, undefined, { status: 'closed' });
		const ana = await world.member(space);
		expect(codes(await send(hub, ana.actor, [pledge(space, ana.participant)]))).toEqual([
			'space-closed'
		]);
	});
});

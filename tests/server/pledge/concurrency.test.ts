/**
 * Issue 6, server test: the aggregates stay correct under concurrent check-ins from many devices
 * and replayed pushes. Eight people with two phones each pledge and check in at the same time;
 * both phones answer the same week; every push is then sent again. The totals are computed from
 * the merged records, so they must come out exactly as one careful person would count them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/lib/domain/ids';
import type { Mutation, PushResponse } from '../../../src/lib/domain/protocol';
import type { Hub } from '../../../src/lib/server/hub';
import { engines, type TestDatabase } from '../engines';
import { createWorld, push, stateOf, type Member, type World } from '../helpers';
import { checkIn, daysFromToday, impactOfSpace, pledge, pledgeId, pledgeSpace, theme } from './kit';

const people = 8;

describe.each(engines)('pledge totals under concurrent and replayed pushes on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	/** A push body of another phone of the same person: same participant, its own outbox. */
	const phone = (member: Member) => {
		const deviceId = newId();
		return (batches: Mutation[][]) => ({
			protocol: 1,
			deviceId,
			participant: member.participant,
			batches: batches.map((mutations, i) => ({ seq: i + 1, mutations }))
		});
	};

	it('counts every person, pledge and week exactly once', async () => {
		const space = await pledgeSpace(hub, world);
		const startsOn = daysFromToday(-14);
		const pushes: { body: Record<string, unknown>; member: Member }[] = [];
		let expectedTco2e = 0;
		let expectedCheckIns = 0;
		for (let i = 0; i < people; i++) {
			const member = await world.member(space);
			const level = (i % 5) + 1;
			// Phone A pledges 1 day and answers weeks 1 and 2; phone B, later (its clocks are
			// newer), pledges `level` days and answers weeks 2 and 3. Week 2 is answered twice:
			// phone B's answer wins, "not" for every other person.
			const pledged = pledgeId(space, 'car-free', member.participant);
			const week = (n: number, result = 'done') =>
				checkIn(space, pledged, member.participant, { startsOn, week: n, result });
			const a = [pledge(space, member.participant, { level: 1, startsOn }), week(1), week(2)];
			const b = [
				pledge(space, member.participant, { level, startsOn }),
				week(2, i % 2 ? 'partly' : 'not'),
				week(3)
			];
			pushes.push({ body: member.body([[a[0]!], a.slice(1)]), member });
			pushes.push({ body: phone(member)([b]), member });
			expectedTco2e += (2.4 * level) / 5;
			expectedCheckIns += i % 2 ? 3 : 2;
		}

		const sendAll = () =>
			Promise.all(pushes.map(({ body, member }) => push(hub, body, member.actor)));
		const first = await sendAll();
		for (const response of first) expectEvery(response, 'applied');
		const expected = {
			people,
			activePledges: people,
			keptPledges: 0,
			checkIns: expectedCheckIns,
			tco2e: Math.round(expectedTco2e * 100) / 100
		};
		expect(expected).toEqual({
			people: 8,
			activePledges: 8,
			keptPledges: 0,
			checkIns: 20,
			tco2e: 10.08
		});
		const impact = await impactOfSpace(hub, world, space);
		expect(impact).toMatchObject(expected);
		expect(theme(impact, 'mobility')).toEqual({
			theme: 'mobility',
			people,
			pledges: people,
			tco2e: 10.08
		});

		// Every phone sends everything again, twice over, all at once: nothing changes.
		const replays = await Promise.all([sendAll(), sendAll()]);
		for (const response of replays.flat()) expectEvery(response, 'duplicate');
		expect(await impactOfSpace(hub, world, space)).toEqual(impact);
		const records = [...(await stateOf(hub, space, world.facilitator)).values()];
		expect(records.filter((r) => r.type === 'pledge')).toHaveLength(people);
		expect(records.filter((r) => r.type === 'checkIn')).toHaveLength(people * 3);
	});

	function expectEvery(response: PushResponse, status: 'applied' | 'duplicate') {
		for (const batch of response.results) {
			expect(batch.status).toBe(status);
			for (const result of batch.mutations) expect(result.status, result.message).toBe(status);
		}
	}
});

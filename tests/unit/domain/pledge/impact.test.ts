import { describe, expect, it } from 'vitest';
import {
	catalogueFacts,
	impactTotals,
	isSmallGroup,
	personEstimates,
	suppressSmallGroups,
	type ActionFacts,
	type CheckInFacts,
	type PledgeFacts
} from '$lib/domain/pledge/impact';

let next = 0;
const pledge = (author: string, action: string, level: number, extra: Partial<PledgeFacts> = {}) =>
	({
		id: `p${String(next++).padStart(4, '0')}`,
		author,
		action,
		level,
		status: 'active',
		startsOn: '2027-05-01',
		...extra
	}) satisfies PledgeFacts;

const theme = (totals: ReturnType<typeof impactTotals>, name: string) =>
	totals.themes.find((row) => row.theme === name)!;

describe('no double counting of overlapping actions', () => {
	it('counts only the larger of car-free and an electric car for one person', () => {
		const carFree = pledge('ana', 'car-free', 5); // 2.4
		const electric = pledge('ana', 'electric-car', 1); // 2.0
		const totals = impactTotals([carFree, electric], [], catalogueFacts);
		expect(totals.tco2e).toBe(2.4);
		expect(personEstimates([carFree, electric], catalogueFacts)).toEqual(
			new Map([
				[carFree.id, 2.4],
				[electric.id, 0]
			])
		);
	});

	it('keeps the electric car when car-free days are few', () => {
		const totals = impactTotals(
			[pledge('ana', 'car-free', 2), pledge('ana', 'electric-car', 1)],
			[],
			catalogueFacts
		);
		expect(totals.tco2e).toBe(2);
		// Both pledges still count as pledges; only the tonnes are not added twice.
		expect(theme(totals, 'mobility').pledges).toBe(2);
	});

	it('adds the same actions of different people', () => {
		const totals = impactTotals(
			[pledge('ana', 'car-free', 5), pledge('ben', 'electric-car', 1)],
			[],
			catalogueFacts
		);
		expect(totals.tco2e).toBe(4.4);
	});

	it('adds actions of different groups and of no group', () => {
		const totals = impactTotals(
			[
				pledge('ana', 'car-free', 5),
				pledge('ana', 'vegan', 7),
				pledge('ana', 'vegetarian', 7),
				pledge('ana', 'recycle', 1),
				pledge('ana', 'wash-cold', 1)
			],
			[],
			catalogueFacts
		);
		// 2.4 (car) + 0.9 (diet: vegan beats vegetarian) + 0.21 + 0.25
		expect(totals.tco2e).toBe(3.76);
		expect(theme(totals, 'food').tco2e).toBe(0.9);
		expect(theme(totals, 'consumption').tco2e).toBe(0.21);
		expect(theme(totals, 'home-energy').tco2e).toBe(0.25);
	});
});

describe('impact totals', () => {
	it('counts people once, active and kept pledges, and drops withdrawn ones', () => {
		const totals = impactTotals(
			[
				pledge('ana', 'car-free', 3),
				pledge('ana', 'vegan', 7, { status: 'kept' }),
				pledge('ben', 'car-free', 5, { status: 'withdrawn' }),
				pledge('cem', 'recycle', 1, { status: 'not-kept' })
			],
			[],
			catalogueFacts
		);
		expect(totals).toMatchObject({ people: 1, activePledges: 1, keptPledges: 1, tco2e: 2.34 });
		expect(theme(totals, 'mobility')).toEqual({
			theme: 'mobility',
			people: 1,
			pledges: 1,
			tco2e: 1.44
		});
	});

	it('ignores pledges of actions it does not know', () => {
		const totals = impactTotals([pledge('ana', 'teleport', 1)], [], catalogueFacts);
		expect(totals).toMatchObject({ people: 0, activePledges: 0, tco2e: 0 });
	});

	it('resolves local actions with their own figure', () => {
		const local: ActionFacts = { theme: 'mobility', figure: 1.2, reference: 4, overlap: 'car' };
		const resolve = (action: string) => (action === 'local:x' ? local : catalogueFacts(action));
		const totals = impactTotals(
			[pledge('ana', 'local:x', 2), pledge('ben', 'local:x', 4), pledge('ben', 'hybrid-car', 1)],
			[],
			resolve
		);
		// ana 0.6; ben: local 1.2 and hybrid 0.52 overlap on the car → 1.2
		expect(totals.tco2e).toBe(1.8);
	});

	it('counts a check-in once per week, not "not", and only for the current period', () => {
		const p = pledge('ana', 'car-free', 3);
		const checkIns: CheckInFacts[] = [
			{ pledge: p.id, startsOn: p.startsOn, week: 1, result: 'done' },
			{ pledge: p.id, startsOn: p.startsOn, week: 1, result: 'done' },
			{ pledge: p.id, startsOn: p.startsOn, week: 2, result: 'partly' },
			{ pledge: p.id, startsOn: p.startsOn, week: 3, result: 'not' },
			{ pledge: p.id, startsOn: '2027-01-01', week: 4, result: 'done' },
			{ pledge: 'unknown', startsOn: p.startsOn, week: 1, result: 'done' }
		];
		expect(impactTotals([p], checkIns, catalogueFacts).checkIns).toBe(2);
		const withdrawn = { ...p, status: 'withdrawn' as const };
		expect(impactTotals([withdrawn], checkIns, catalogueFacts).checkIns).toBe(0);
	});

	it('counts one action pledged by one person in two spaces once', () => {
		const totals = impactTotals(
			[pledge('ana', 'recycle', 1), pledge('ana', 'recycle', 1), pledge('ben', 'recycle', 1)],
			[],
			catalogueFacts
		);
		expect(totals.tco2e).toBe(0.42);
		expect(totals.activePledges).toBe(3);
	});
});

describe('small-group suppression', () => {
	const people = (count: number, action = 'car-free') =>
		Array.from({ length: count }, (_, i) => pledge(`person-${i}`, action, 5));

	it('hides every number when fewer than 5 people pledged', () => {
		const summary = suppressSmallGroups(impactTotals(people(4), [], catalogueFacts));
		expect(summary).toMatchObject({
			threshold: 5,
			people: null,
			activePledges: null,
			keptPledges: null,
			checkIns: null,
			tco2e: null
		});
		expect(summary.themes.every((row) => row.people === null || row.people === 0)).toBe(true);
		expect(summary.themes.find((row) => row.theme === 'mobility')?.tco2e).toBeNull();
	});

	it('shows the numbers from 5 people on', () => {
		const summary = suppressSmallGroups(impactTotals(people(5), [], catalogueFacts));
		expect(summary).toMatchObject({ people: 5, activePledges: 5, tco2e: 12 });
	});

	it('hides a theme that fewer than 5 people pledged in, and shows zero as zero', () => {
		const pledges = [...people(6), pledge('person-0', 'vegan', 7), pledge('person-1', 'vegan', 7)];
		const summary = suppressSmallGroups(impactTotals(pledges, [], catalogueFacts));
		const row = (name: string) => summary.themes.find((r) => r.theme === name)!;
		expect(summary.people).toBe(6);
		expect(row('mobility')).toMatchObject({ people: 6, pledges: 6, tco2e: 14.4 });
		expect(row('food')).toMatchObject({ people: null, pledges: null, tco2e: null });
		expect(row('consumption')).toMatchObject({ people: 0, pledges: 0, tco2e: 0 });
	});

	it('treats zero as nothing to hide and a custom threshold as given', () => {
		expect(isSmallGroup(0)).toBe(false);
		expect(isSmallGroup(4)).toBe(true);
		expect(isSmallGroup(5)).toBe(false);
		expect(isSmallGroup(9, 10)).toBe(true);
	});
});

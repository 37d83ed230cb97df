import { describe, expect, it } from 'vitest';
import { pledgeProgress } from '$lib/domain/pledge/progress';
import { earlierWeeks, missedWeeks, thisWeekOpen } from '$lib/ui/pledge/weeks';

const period = { startsOn: '2027-05-03', endsOn: '2027-07-03', status: 'active' as const };

describe('weeks of a pledge card', () => {
	const checkIns = [
		{ startsOn: period.startsOn, week: 1, result: 'done' as const },
		{ startsOn: period.startsOn, week: 3, result: 'not' as const }
	];

	it('offers this week and the earlier weeks to catch up while the period runs', () => {
		const progress = pledgeProgress(period, checkIns, '2027-05-24'); // week 4
		expect(thisWeekOpen(progress, 'active')).toBe(true);
		expect(thisWeekOpen(progress, 'withdrawn')).toBe(false);
		expect(earlierWeeks(progress)).toEqual([
			{ week: 1, result: 'done' },
			{ week: 2, result: undefined },
			{ week: 3, result: 'not' }
		]);
		expect(missedWeeks(progress)).toEqual([2]);
	});

	it('offers every week, and no current week, once the period is over', () => {
		const progress = pledgeProgress(period, checkIns, '2027-07-03');
		expect(thisWeekOpen(progress, 'active')).toBe(false);
		expect(earlierWeeks(progress)).toHaveLength(progress.weeks);
		expect(missedWeeks(progress)).toHaveLength(progress.weeks - 2);
	});
});

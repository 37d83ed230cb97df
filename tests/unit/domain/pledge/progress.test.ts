import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	localDay,
	pledgeProgress,
	weekCount,
	weekOf,
	type WeekCheckIn
} from '$lib/domain/pledge/progress';

const pledge = { startsOn: '2027-05-03', endsOn: '2027-07-03', status: 'active' as const };
const at = (week: number, result: WeekCheckIn['result'], startsOn = pledge.startsOn) => ({
	startsOn,
	week,
	result
});

describe('a pledge period', () => {
	it('adds calendar months, clamped to the end of a short month', () => {
		expect(addMonths('2027-05-03', 2)).toBe('2027-07-03');
		expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
		expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
		expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
		expect(addDays('2027-12-30', 3)).toBe('2028-01-02');
	});

	it('has whole weeks from its first day; the last may be short', () => {
		expect(weekCount('2027-05-03', '2027-07-03')).toBe(9); // 61 days
		expect(weekCount('2027-05-03', '2027-05-17')).toBe(2);
		expect(weekOf('2027-05-03', '2027-05-02')).toBe(0);
		expect(weekOf('2027-05-03', '2027-05-03')).toBe(1);
		expect(weekOf('2027-05-03', '2027-05-09')).toBe(1);
		expect(weekOf('2027-05-03', '2027-05-10')).toBe(2);
	});

	it('tells the local calendar day', () => {
		const noon = new Date(2027, 4, 3, 12).getTime();
		expect(localDay(noon)).toBe('2027-05-03');
	});
});

describe('progress and streak', () => {
	it('is due in a week without a check-in, and not once checked in', () => {
		expect(pledgeProgress(pledge, [], '2027-05-04')).toMatchObject({
			currentWeek: 1,
			due: true,
			streak: 0,
			share: 0,
			ended: false
		});
		expect(pledgeProgress(pledge, [at(1, 'done')], '2027-05-04')).toMatchObject({
			due: false,
			streak: 1
		});
	});

	it('keeps the streak while this week is still open', () => {
		const progress = pledgeProgress(pledge, [at(1, 'done'), at(2, 'partly')], '2027-05-18');
		expect(progress).toMatchObject({ currentWeek: 3, streak: 2, due: true });
		expect(progress.share).toBeCloseTo(1.5 / 9, 10);
	});

	it('breaks the streak on "not" and on a missed week', () => {
		expect(
			pledgeProgress(pledge, [at(1, 'done'), at(2, 'not'), at(3, 'done')], '2027-05-18').streak
		).toBe(1);
		expect(pledgeProgress(pledge, [at(1, 'done'), at(3, 'done')], '2027-05-18').streak).toBe(1);
	});

	it('ignores check-ins of an earlier period and weeks outside this one', () => {
		const progress = pledgeProgress(
			pledge,
			[at(1, 'done', '2027-01-01'), at(10, 'done'), at(0, 'done')],
			'2027-05-04'
		);
		expect(progress.results.size).toBe(0);
	});

	it('ends on its last day and is never due once withdrawn or before it starts', () => {
		expect(pledgeProgress(pledge, [], '2027-07-03')).toMatchObject({ ended: true, due: false });
		expect(pledgeProgress({ ...pledge, status: 'withdrawn' }, [], '2027-05-04').due).toBe(false);
		expect(pledgeProgress(pledge, [], '2027-05-01')).toMatchObject({ currentWeek: 0, due: false });
	});
});

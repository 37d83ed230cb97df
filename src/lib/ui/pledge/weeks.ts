/**
 * What a pledge card offers for check-ins, from `pledgeProgress`: this week's answer while the
 * period runs, and the earlier weeks to catch up or change (every week once it has ended).
 */
import type { PledgeProgress } from '$lib/domain/pledge/progress';
import type { CheckInResult, PledgeStatus } from '$lib/domain/records';

export interface WeekRow {
	week: number;
	result: CheckInResult | undefined;
}

/** Whether "this week" can be answered: active, started and not over. */
export function thisWeekOpen(progress: PledgeProgress, status: PledgeStatus): boolean {
	return status === 'active' && !progress.ended && progress.currentWeek >= 1;
}

/** The weeks before the current one, oldest first; all of them once the period is over. */
export function earlierWeeks(progress: PledgeProgress): WeekRow[] {
	const last = progress.ended ? progress.weeks : progress.currentWeek - 1;
	const rows: WeekRow[] = [];
	for (let week = 1; week <= last; week++) rows.push({ week, result: progress.results.get(week) });
	return rows;
}

/** Earlier weeks without an answer. */
export function missedWeeks(progress: PledgeProgress): number[] {
	return earlierWeeks(progress)
		.filter((row) => row.result === undefined)
		.map((row) => row.week);
}

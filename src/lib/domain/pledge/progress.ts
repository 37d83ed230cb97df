/**
 * A pledge's calendar (issue 6): its period in whole days, its weeks (week 1 is the first
 * seven days from `startsOn`), the person's check-ins, progress and streak. Pure: `day` is the
 * person's local calendar day (YYYY-MM-DD), given by the caller.
 */
import { periodDays, type CheckInResult, type PledgeStatus } from '../records/pledge';

const dayMs = 86_400_000;

/** The local calendar day of `time` (ms) on this device. */
export function localDay(time: number): string {
	const date = new Date(time);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** `months` calendar months after `day`, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(year, month - 1 + months, 1));
	const last = new Date(
		Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)
	).getUTCDate();
	target.setUTCDate(Math.min(date, last));
	return target.toISOString().slice(0, 10);
}

/** How many weeks (the last one may be short) the period has. */
export function weekCount(startsOn: string, endsOn: string): number {
	return Math.max(1, Math.ceil(periodDays(startsOn, endsOn) / 7));
}

/** The week `day` falls in: 0 before the start, past `weekCount` after the end. */
export function weekOf(startsOn: string, day: string): number {
	const days = periodDays(startsOn, day);
	return days < 0 ? 0 : Math.floor(days / 7) + 1;
}

export interface PledgePeriod {
	startsOn: string;
	endsOn: string;
	status: PledgeStatus;
}

export interface WeekCheckIn {
	startsOn: string;
	week: number;
	result: CheckInResult;
}

export interface PledgeProgress {
	weeks: number;
	/** The week `day` is in, clamped to 1…weeks; 0 before the start. */
	currentWeek: number;
	/** Check-ins of this period by week. */
	results: Map<number, CheckInResult>;
	/** Weeks in a row, up to the current one, done or partly (this week may still be open). */
	streak: number;
	/** The share of the period's weeks done (partly counts half), 0…1. */
	share: number;
	/** The period is over: time to say whether the pledge was kept. */
	ended: boolean;
	/** Active, started, not over, and this week has no check-in yet. */
	due: boolean;
}

export function pledgeProgress(
	pledge: PledgePeriod,
	checkIns: readonly WeekCheckIn[],
	day: string
): PledgeProgress {
	const weeks = weekCount(pledge.startsOn, pledge.endsOn);
	const ended = day >= pledge.endsOn;
	const currentWeek = Math.min(weekOf(pledge.startsOn, day), weeks);
	const results = new Map<number, CheckInResult>();
	for (const checkIn of checkIns)
		if (checkIn.startsOn === pledge.startsOn && checkIn.week >= 1 && checkIn.week <= weeks)
			results.set(checkIn.week, checkIn.result);
	let streak = 0;
	let week = results.has(currentWeek) ? currentWeek : currentWeek - 1;
	while (week >= 1 && (results.get(week) === 'done' || results.get(week) === 'partly')) {
		streak += 1;
		week -= 1;
	}
	let points = 0;
	for (const result of results.values())
		points += result === 'done' ? 1 : result === 'partly' ? 0.5 : 0;
	return {
		weeks,
		currentWeek,
		results,
		streak,
		share: points / weeks,
		ended,
		due: pledge.status === 'active' && currentWeek >= 1 && !ended && !results.has(currentWeek)
	};
}

/**
 * Which check-in reminders are due (issue 6), pure so it is tested without a browser. A
 * reminder is due for an active pledge whose reminder is on when this week has no answer yet,
 * or when its period is over and the person has not said whether they kept it. Notifications
 * show only with permission and at most once a day per pledge; everything else falls back to
 * the in-app list.
 */
import { pledgeProgress, type PledgePeriod, type WeekCheckIn } from '$lib/domain/pledge/progress';

export type NotificationAccess = 'granted' | 'denied' | 'default' | 'unsupported';

export interface ReminderLike {
	pledge: string;
	enabled: boolean;
	channel: 'notification' | 'in-app';
	lastShownOn: string;
}

export interface PledgeLike {
	id: string;
	fields: PledgePeriod & { action: string };
	checkIns: readonly { fields: WeekCheckIn }[];
}

export interface DueReminder {
	pledge: string;
	action: string;
	/** 'week': this week has no answer; 'end': the period is over, kept or not? */
	reason: 'week' | 'end';
	week: number;
}

export function dueReminders(
	pledges: readonly PledgeLike[],
	reminders: readonly ReminderLike[],
	today: string
): DueReminder[] {
	const on = new Set(reminders.filter((r) => r.enabled).map((r) => r.pledge));
	const due: DueReminder[] = [];
	for (const pledge of pledges) {
		if (!on.has(pledge.id) || pledge.fields.status !== 'active') continue;
		const progress = pledgeProgress(
			pledge.fields,
			pledge.checkIns.map((c) => c.fields),
			today
		);
		const base = { pledge: pledge.id, action: pledge.fields.action, week: progress.currentWeek };
		if (progress.ended) due.push({ ...base, reason: 'end' });
		else if (progress.due) due.push({ ...base, reason: 'week' });
	}
	return due;
}

const byPledge = (reminders: readonly ReminderLike[]) =>
	new Map(reminders.map((reminder) => [reminder.pledge, reminder]));

/** The due reminders to notify about now: by notification, permitted, not yet shown today. */
export function toNotify(
	due: readonly DueReminder[],
	reminders: readonly ReminderLike[],
	access: NotificationAccess,
	today: string
): DueReminder[] {
	if (access !== 'granted') return [];
	const known = byPledge(reminders);
	return due.filter((item) => {
		const reminder = known.get(item.pledge);
		return reminder?.channel === 'notification' && reminder.lastShownOn !== today;
	});
}

/** The due reminders the in-app list shows: chosen in-app, or notifications not permitted. */
export function inAppDue(
	due: readonly DueReminder[],
	reminders: readonly ReminderLike[],
	access: NotificationAccess
): DueReminder[] {
	const known = byPledge(reminders);
	return due.filter((item) => known.get(item.pledge)?.channel === 'in-app' || access !== 'granted');
}

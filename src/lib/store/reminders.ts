/**
 * Check-in reminders (issue 6): opt-in, per pledge, kept on this device only (the `reminders`
 * table is never synced and nothing about it leaves the device). Which reminders are due is
 * pure logic in the UI (ui/pledge/reminders.ts); this module only stores the choices and the
 * day a notification was last shown, so one shows at most once a day.
 */
import { getDb, type ReminderRow } from './db';

export type ReminderChannel = ReminderRow['channel'];
export type { ReminderRow };

/** Turn a pledge's reminder on (by `channel`) or off. */
export async function setReminder(
	space: string,
	pledge: string,
	enabled: boolean,
	channel: ReminderChannel = 'in-app'
): Promise<void> {
	const db = getDb();
	await db.transaction('rw', db.reminders, async () => {
		const existing = await db.reminders.get(pledge);
		await db.reminders.put({
			pledge,
			space,
			enabled,
			channel,
			lastShownOn: existing?.lastShownOn ?? ''
		});
	});
}

/** The reminders of a space (read-only; for `liveQuery`). */
export async function remindersInSpace(space: string): Promise<ReminderRow[]> {
	return getDb().reminders.where('space').equals(space).toArray();
}

/** Note that a notification for this pledge was shown on `day` (YYYY-MM-DD). */
export async function markReminderShown(pledge: string, day: string): Promise<void> {
	await getDb().reminders.update(pledge, { lastShownOn: day });
}

/**
 * Turning a pledge's reminder on: permission is asked only here, at the person's opt-in, and
 * only when the browser has not been asked before. Without the API or permission, the reminder
 * falls back to the in-app list. Either way it stays on this device.
 */
import { setReminder, type ReminderChannel } from '$lib/store/reminders';
import { askNotificationPermission, notificationAccess } from './notify';

export async function enableReminder(space: string, pledge: string): Promise<ReminderChannel> {
	let access = notificationAccess();
	if (access === 'default') access = await askNotificationPermission();
	const channel: ReminderChannel = access === 'granted' ? 'notification' : 'in-app';
	await setReminder(space, pledge, true, channel);
	return channel;
}

export async function disableReminder(space: string, pledge: string): Promise<void> {
	await setReminder(space, pledge, false);
}

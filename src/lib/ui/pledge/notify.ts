/**
 * The browser's Notification API behind three small functions, so the pledge page never asks
 * for permission except when the person opts in, and works where the API does not exist
 * (iOS Safari outside an installed app, some embedded browsers).
 */
import type { NotificationAccess } from './reminders';

export function notificationAccess(): NotificationAccess {
	if (typeof Notification === 'undefined') return 'unsupported';
	return Notification.permission;
}

/** Ask for permission (only ever called from the person's own opt-in). */
export async function askNotificationPermission(): Promise<NotificationAccess> {
	if (typeof Notification === 'undefined') return 'unsupported';
	try {
		return await Notification.requestPermission();
	} catch {
		return 'denied';
	}
}

/** Show a notification through the service worker when there is one; false when it failed. */
export async function showNotification(title: string, body: string): Promise<boolean> {
	if (notificationAccess() !== 'granted') return false;
	const options = { body, tag: 'plaza-pledge-reminder', icon: '/icons/icon-192.png' };
	try {
		const registration = await navigator.serviceWorker?.getRegistration();
		if (registration) await registration.showNotification(title, options);
		else new Notification(title, options);
		return true;
	} catch {
		return false;
	}
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { remindersInSpace } from '$lib/store/reminders';
import { disableReminder, enableReminder } from '$lib/ui/pledge/opt-in';
import { freshDb } from '../../store/fresh-db';

const space = 'car-free-may';
const pledge = '0190a3c4-0000-7000-8000-000000000001';

beforeEach(() => {
	freshDb();
});
afterEach(() => {
	vi.unstubAllGlobals();
});

function stubNotification(permission: NotificationPermission, answer = permission) {
	const requestPermission = vi.fn(async () => answer);
	vi.stubGlobal('Notification', { permission, requestPermission });
	return requestPermission;
}

describe('enableReminder', () => {
	it('asks for permission at the opt-in and reminds by notification when granted', async () => {
		const ask = stubNotification('default', 'granted');
		expect(await enableReminder(space, pledge)).toBe('notification');
		expect(ask).toHaveBeenCalledOnce();
		expect(await remindersInSpace(space)).toMatchObject([
			{ pledge, enabled: true, channel: 'notification' }
		]);
	});

	it('falls back to the in-app list when refused, without asking again', async () => {
		const ask = stubNotification('denied');
		expect(await enableReminder(space, pledge)).toBe('in-app');
		expect(ask).not.toHaveBeenCalled();
	});

	it('falls back to the in-app list where the API does not exist', async () => {
		vi.stubGlobal('Notification', undefined);
		expect(await enableReminder(space, pledge)).toBe('in-app');
		await disableReminder(space, pledge);
		expect(await remindersInSpace(space)).toMatchObject([{ pledge, enabled: false }]);
	});
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	askNotificationPermission,
	notificationAccess,
	showNotification
} from '$lib/ui/pledge/notify';

afterEach(() => {
	vi.unstubAllGlobals();
});

/** A stand-in for the browser's Notification constructor. */
function fakeNotification(permission: NotificationPermission, answer = permission) {
	const shown: string[] = [];
	const Fake = Object.assign(
		function (this: unknown, title: string) {
			shown.push(title);
		},
		{ permission, requestPermission: vi.fn(async () => answer) }
	);
	vi.stubGlobal('Notification', Fake);
	return { shown, Fake };
}

describe('notify', () => {
	it('says unsupported where the API does not exist, and never asks there', async () => {
		vi.stubGlobal('Notification', undefined);
		expect(notificationAccess()).toBe('unsupported');
		expect(await askNotificationPermission()).toBe('unsupported');
		expect(await showNotification('Check in', 'Car-free')).toBe(false);
	});

	it('asks for permission and reports the answer', async () => {
		const { Fake } = fakeNotification('default', 'granted');
		expect(await askNotificationPermission()).toBe('granted');
		expect(Fake.requestPermission).toHaveBeenCalledOnce();
	});

	it('shows nothing without permission', async () => {
		const { shown } = fakeNotification('denied');
		expect(await showNotification('Check in', 'Car-free')).toBe(false);
		expect(shown).toEqual([]);
	});

	it("shows through the service worker's registration when there is one", async () => {
		const { shown } = fakeNotification('granted');
		const showNotificationSpy = vi.fn(async () => undefined);
		vi.stubGlobal('navigator', {
			serviceWorker: { getRegistration: async () => ({ showNotification: showNotificationSpy }) }
		});
		expect(await showNotification('Check in', 'Car-free')).toBe(true);
		expect(showNotificationSpy).toHaveBeenCalledWith(
			'Check in',
			expect.objectContaining({ body: 'Car-free' })
		);
		expect(shown).toEqual([]);
	});

	it('falls back to new Notification without a service worker', async () => {
		const { shown } = fakeNotification('granted');
		vi.stubGlobal('navigator', {});
		expect(await showNotification('Check in', 'Car-free')).toBe(true);
		expect(shown).toEqual(['Check in']);
	});
});

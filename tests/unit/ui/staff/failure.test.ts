import { beforeAll, describe, expect, it } from 'vitest';
import { PlazaError } from '$lib/domain/errors';
import { i18n } from '$lib/i18n/index.svelte';
import { failureMessage, retryable } from '$lib/ui/staff/failure';
import { StaffError } from '$lib/ui/staff/staff-api';

describe('failureMessage', () => {
	beforeAll(async () => {
		await i18n.init();
		await i18n.setLanguage('en', false);
	});

	it('says an unreachable hub means the action needs a connection', () => {
		expect(failureMessage(new PlazaError('network', 'Failed to fetch', 0))).toMatch(/connection/);
	});

	it('says how long to wait after a rate limit', () => {
		const limited = new PlazaError('rate-limited', '', 429);
		expect(failureMessage(new StaffError(limited, 30))).toBe(
			'Too many attempts. Try again in 30 seconds.'
		);
		expect(failureMessage(new StaffError(limited, 1))).toMatch(/in 1 second\./);
		expect(failureMessage(limited)).toMatch(/Wait a moment/);
	});

	it('says a 409 on a create means the name or email is taken', () => {
		expect(failureMessage(new PlazaError('invalid-request', 'exists', 409))).toMatch(/in use/);
		expect(failureMessage(new PlazaError('invalid-request', 'bad', 400))).toBe(
			i18n.error('invalid-request')
		);
	});

	it('falls back to the error code’s message, or a generic one', () => {
		expect(failureMessage(new PlazaError('server-error', '', 500))).toBe(
			i18n.error('server-error')
		);
		expect(failureMessage(new Error('boom'))).toBe('Something went wrong.');
	});
});

describe('retryable', () => {
	it('offers a retry for a missing connection or a hub hiccup, not for a refusal', () => {
		expect(retryable(new PlazaError('network', '', 0))).toBe(true);
		expect(retryable(new PlazaError('server-error', '', 500))).toBe(true);
		expect(retryable(new PlazaError('invite-expired', '', 410))).toBe(false);
		expect(retryable(new PlazaError('forbidden', '', 403))).toBe(false);
	});
});

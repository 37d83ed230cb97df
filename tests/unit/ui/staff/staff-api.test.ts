import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRetryAfter, staffApi, StaffError } from '$lib/ui/staff/staff-api';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
	new Response(body === undefined ? null : JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', ...headers }
	});

function hubAnswers(...responses: Response[]) {
	const fetch = vi.fn<(input: string, init?: RequestInit) => Promise<Response>>();
	for (const response of responses) fetch.mockResolvedValueOnce(response);
	vi.stubGlobal('fetch', fetch);
	return fetch;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('parseRetryAfter', () => {
	it('reads delta seconds, rounding up', () => {
		expect(parseRetryAfter('42')).toBe(42);
		expect(parseRetryAfter('1.2')).toBe(2);
	});

	it('reads an HTTP date relative to now', () => {
		const now = Date.UTC(2025, 0, 1, 12, 0, 0);
		expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:30 GMT', now)).toBe(30);
	});

	it('answers null when there is nothing usable', () => {
		expect(parseRetryAfter(null)).toBeNull();
		expect(parseRetryAfter('soon')).toBeNull();
	});
});

describe('staffApi', () => {
	it('posts the login as JSON and returns the account', async () => {
		const account = {
			id: 'a1',
			organisation: 'o1',
			organisationName: 'Testhausen',
			role: 'admin',
			email: 'ada@testhausen.example',
			name: 'Ada'
		};
		const fetch = hubAnswers(json(200, { account }));
		await expect(staffApi.login({ email: account.email, password: 'pw' })).resolves.toEqual(
			account
		);
		const [url, init] = fetch.mock.calls[0]!;
		expect(url).toBe('/api/v1/auth/login');
		expect(init?.method).toBe('POST');
		expect(JSON.parse(String(init?.body))).toEqual({ email: account.email, password: 'pw' });
		expect(new Headers(init?.headers).has('authorization')).toBe(false);
	});

	it('turns a 429 into a rate-limited error that knows how long to wait', async () => {
		hubAnswers(
			json(429, { error: { code: 'rate-limited', message: 'slow down' } }, { 'retry-after': '17' })
		);
		const error = await staffApi.login({ email: 'a@b.example', password: 'x' }).catch((e) => e);
		expect(error).toBeInstanceOf(StaffError);
		expect(error).toMatchObject({ code: 'rate-limited', status: 429, retryAfter: 17 });
	});

	it('says network when the hub cannot be reached', async () => {
		const fetch = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
		vi.stubGlobal('fetch', fetch);
		await expect(staffApi.spaces()).rejects.toMatchObject({ code: 'network', retryAfter: null });
	});

	it('accepts lists wrapped or bare', async () => {
		hubAnswers(json(200, { spaces: [{ id: 'a' }] }), json(200, [{ id: 'b' }]));
		expect(await staffApi.spaces()).toEqual([{ id: 'a' }]);
		expect(await staffApi.spaces()).toEqual([{ id: 'b' }]);
	});

	it('unwraps a created invite and escapes path parts', async () => {
		const invite = { token: 't/1', url: '/invite/t1', expiresAt: '2027-01-01T00:00:00Z' };
		const fetch = hubAnswers(json(201, { invite }), json(200, { ok: true }));
		expect(await staffApi.createInvite({ email: 'f@b.example', role: 'facilitator' })).toEqual(
			invite
		);
		await staffApi.hide('tenants-nord', 'rec/1', 'Duplicate');
		const [url, init] = fetch.mock.calls[1]!;
		expect(url).toBe('/api/v1/spaces/tenants-nord/records/rec%2F1/hide');
		expect(JSON.parse(String(init?.body))).toEqual({ reason: 'Duplicate' });
	});

	it('treats an empty 204 (logout) as success', async () => {
		hubAnswers(new Response(null, { status: 204 }));
		await expect(staffApi.logoutAll()).resolves.toBeUndefined();
	});

	it('lists, adds and removes the facilitators of a space', async () => {
		const finn = { id: 'acc-2', name: 'Finn', email: 'finn@b.example' };
		const fetch = hubAnswers(
			json(200, { facilitators: [finn] }),
			json(201, { ok: true }),
			new Response(null, { status: 204 })
		);
		expect(await staffApi.facilitators('tenants-nord')).toEqual([finn]);
		await staffApi.addFacilitator('tenants-nord', 'acc-2');
		await staffApi.removeFacilitator('tenants-nord', 'acc/2');
		const calls = fetch.mock.calls.map(([url, init]) => [init?.method ?? 'GET', url, init?.body]);
		expect(calls).toEqual([
			['GET', '/api/v1/spaces/tenants-nord/facilitators', undefined],
			['POST', '/api/v1/spaces/tenants-nord/facilitators', JSON.stringify({ accountId: 'acc-2' })],
			['DELETE', '/api/v1/spaces/tenants-nord/facilitators/acc%2F2', undefined]
		]);
	});

	it('says which code the hub gave for removing the last facilitator', async () => {
		hubAnswers(json(409, { error: { code: 'last-facilitator', message: 'keep one' } }));
		await expect(staffApi.removeFacilitator('park', 'acc-1')).rejects.toMatchObject({
			code: 'last-facilitator',
			status: 409
		});
	});

	it('lists organisations and creates one with its admin invitation', async () => {
		const organisation = { id: 'o2', name: 'Nordstadt', createdAt: '2026-01-01', accounts: 0 };
		const invite = { token: 't2', url: '/invite/t2', expiresAt: '2026-01-08T00:00:00Z' };
		const fetch = hubAnswers(
			json(200, { organisations: [organisation] }),
			json(201, { organisation: { id: 'o2', name: 'Nordstadt' }, invite })
		);
		expect(await staffApi.organisations()).toEqual([organisation]);
		const body = { name: 'Nordstadt', adminEmail: 'nora@b.example' };
		expect(await staffApi.createOrganisation(body)).toEqual({
			organisation: { id: 'o2', name: 'Nordstadt' },
			invite
		});
		const [url, init] = fetch.mock.calls[1]!;
		expect([url, init?.method, JSON.parse(String(init?.body))]).toEqual([
			'/api/v1/organisations',
			'POST',
			body
		]);
	});
});

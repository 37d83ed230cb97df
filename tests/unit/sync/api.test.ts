import { describe, expect, it } from 'vitest';
import { PlazaError } from '$lib/domain/errors';
import { Api } from '$lib/sync/api';

const respond = (status: number, body: unknown) => async () =>
	new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('Api.request', () => {
	it('returns parsed JSON and sends the bearer token once set', async () => {
		const seen: Headers[] = [];
		const api = new Api(async (_url, init) => {
			seen.push(new Headers(init?.headers));
			return new Response('{"ok":true}');
		}, 'http://hub');
		expect(await api.request('/x')).toEqual({ ok: true });
		api.setToken('abc');
		await api.request('/x', { method: 'POST', body: '{}' });
		expect(seen[0]?.get('authorization')).toBeNull();
		expect(seen[1]?.get('authorization')).toBe('Bearer abc');
		expect(seen[1]?.get('content-type')).toBe('application/json');
	});

	it('a per-request token overrides the default; null sends none; 204 is undefined', async () => {
		const seen: (string | null)[] = [];
		const api = new Api(async (_url, init) => {
			seen.push(new Headers(init?.headers).get('authorization'));
			return new Response(null, { status: 204 });
		});
		api.setToken('default');
		expect(await api.request('/x', { token: 'space' })).toBeUndefined();
		await api.request('/x', { token: null });
		await api.request('/x');
		expect(seen).toEqual(['Bearer space', null, 'Bearer default']);
	});

	it('maps a failed fetch to network', async () => {
		const api = new Api(async () => {
			throw new TypeError('Failed to fetch');
		});
		await expect(api.request('/x')).rejects.toMatchObject({ code: 'network', status: 0 });
	});

	it("passes on the hub's error code and message", async () => {
		const api = new Api(respond(409, { error: { code: 'must-refetch', message: 'Start over.' } }));
		const error = await api.request('/x').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PlazaError);
		expect(error).toMatchObject({ code: 'must-refetch', message: 'Start over.', status: 409 });
	});

	it('falls back to server-error, and 426 to unsupported-protocol', async () => {
		await expect(new Api(respond(502, 'Bad gateway')).request('/x')).rejects.toMatchObject({
			code: 'server-error',
			status: 502
		});
		await expect(new Api(respond(426, '')).request('/x')).rejects.toMatchObject({
			code: 'unsupported-protocol'
		});
		await expect(new Api(respond(200, 'not json')).request('/x')).rejects.toMatchObject({
			code: 'server-error'
		});
	});
});

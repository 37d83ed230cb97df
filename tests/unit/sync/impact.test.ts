import { describe, expect, it } from 'vitest';
import { PlazaError } from '$lib/domain/errors';
import { fetchOrganisationImpact, fetchSpaceImpact, type ImpactDeps } from '$lib/sync/impact';

function deps(answer: unknown, token?: string): ImpactDeps & { calls: unknown[][] } {
	const calls: unknown[][] = [];
	return {
		calls,
		token: () => Promise.resolve(token),
		request: <T>(path: string, options?: unknown) => {
			calls.push([path, options]);
			return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer as T);
		}
	};
}

describe('impact reads', () => {
	it('asks for a space with the participant token of that space', async () => {
		const d = deps({ computedAt: 'x' }, 'tok');
		expect(await fetchSpaceImpact('car-free may', d)).toEqual({ computedAt: 'x' });
		expect(d.calls).toEqual([['/api/v1/spaces/car-free%20may/impact', { token: 'tok' }]]);
	});

	it('sends no bearer without a token, so a staff cookie or nothing speaks', async () => {
		const d = deps({});
		await fetchSpaceImpact('s', d);
		await fetchOrganisationImpact('org-1', d);
		expect(d.calls).toEqual([
			['/api/v1/spaces/s/impact', { token: null }],
			['/api/v1/organisations/org-1/impact', { token: null }]
		]);
	});

	it('passes the wrapper errors through', async () => {
		const failure = new PlazaError('network', 'down', 0);
		await expect(fetchSpaceImpact('s', deps(failure))).rejects.toBe(failure);
	});

	it('asks again without a token the hub refused, so a public dashboard still opens', async () => {
		const calls: unknown[] = [];
		const deps: ImpactDeps = {
			token: () => Promise.resolve('revoked'),
			request: <T>(_path: string, options?: { token?: string | null }) => {
				calls.push(options?.token);
				return options?.token
					? Promise.reject(new PlazaError('token-revoked', 'revoked', 401))
					: Promise.resolve({ ok: true } as T);
			}
		};
		expect(await fetchSpaceImpact('s', deps)).toEqual({ ok: true });
		expect(calls).toEqual(['revoked', null]);
	});

	it('does not retry a refusal of who is asking without a token', async () => {
		const failure = new PlazaError('forbidden', 'no', 403);
		const d = deps(failure, 'tok');
		await expect(fetchSpaceImpact('s', d)).rejects.toBe(failure);
		expect(d.calls).toHaveLength(1);
	});
});

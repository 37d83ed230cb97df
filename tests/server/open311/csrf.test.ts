/**
 * The replacement of SvelteKit's cross-site form check that lets Open311 clients POST their
 * form-encoded requests (no cookie is involved there) and still refuses every other cross-site
 * form submission.
 */
import { describe, expect, it } from 'vitest';
import { crossSiteFormRefusal } from '../../../src/lib/server/open311/csrf';

const origin = 'https://plaza.example.org';

function refused(path: string, init: { method?: string; type?: string; origin?: string } = {}) {
	const url = new URL(path, origin);
	const headers: Record<string, string> = {};
	if (init.type) headers['content-type'] = init.type;
	if (init.origin) headers.origin = init.origin;
	const request = new Request(url, { method: init.method ?? 'POST', headers });
	return crossSiteFormRefusal(request, url)?.status ?? null;
}

describe('cross-site form check', () => {
	const form = 'application/x-www-form-urlencoded';

	it('lets Open311 clients POST forms from anywhere, or from no origin at all', () => {
		expect(refused('/api/v1/open311/v2/requests.json', { type: form })).toBeNull();
		expect(
			refused('/api/v1/open311/v2/requests.json', { type: form, origin: 'https://x.org' })
		).toBeNull();
		expect(
			refused('/api/v1/open311/v2/requests.json', { type: 'multipart/form-data; boundary=x' })
		).toBeNull();
	});

	it('refuses every other cross-site form submission, as SvelteKit does', () => {
		for (const type of [
			form,
			'multipart/form-data; boundary=x',
			'text/plain',
			'application/x-sveltekit-formdata'
		])
			expect(refused('/api/v1/spaces', { type, origin: 'https://evil.example' })).toBe(403);
		expect(refused('/api/v1/spaces/x/api-keys', { type: form })).toBe(403);
		expect(refused('/api/v1/open311/v2/requests.json', { method: 'PUT', type: form })).toBe(403);
		expect(refused('/api/v1/spaces/x/api-keys/y', { method: 'DELETE', type: 'text/plain' })).toBe(
			403
		);
	});

	it('lets same-origin forms, JSON and safe methods through', () => {
		expect(refused('/api/v1/spaces', { type: form, origin })).toBeNull();
		expect(
			refused('/api/v1/spaces', { type: 'application/json', origin: 'https://x.org' })
		).toBeNull();
		expect(refused('/api/v1/spaces', { method: 'GET', type: form })).toBeNull();
	});
});

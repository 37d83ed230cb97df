/**
 * Open311 against the production build (issue 5): a city system with an API key POSTs an idea
 * as a form, the way GeoReport v2 clients do (no Origin header, no cookie), and reads it back.
 * SvelteKit's cross-site form check is relaxed only for that route: a form posted from another
 * site to any other endpoint is still refused.
 */
import { request } from '@playwright/test';
import { expect, test } from './harness/test';
import { createMapSpace } from './harness/staff-api';

test('a city system posts an idea as a form with its API key and reads it back', async ({
	admin,
	hub
}) => {
	const space = await createMapSpace(admin, {}, { published: true });
	const created = await admin.api.post(`/api/v1/spaces/${space.id}/api-keys`, {
		data: { label: 'City issue desk' }
	});
	expect(created.status(), await created.text()).toBe(201);
	const { secret } = (await created.json()) as { secret: string };

	const city = await request.newContext({ baseURL: hub.url });
	const form = {
		api_key: secret,
		jurisdiction_id: space.id,
		service_code: 'seat',
		lat: String(space.map.center.lat),
		long: String(space.map.center.lng),
		description: 'A bench by the bus stop\nOlder neighbours wait there standing.'
	};
	const posted = await city.post('/api/v1/open311/v2/requests.json', { form });
	expect(posted.status(), await posted.text()).toBe(200);
	const [answer] = (await posted.json()) as { service_request_id: string }[];
	expect(answer!.service_request_id).toMatch(/^[0-9a-f-]{36}$/);

	const read = await city.get(
		`/api/v1/open311/v2/requests/${answer!.service_request_id}.json?jurisdiction_id=${space.id}`
	);
	expect(read.status()).toBe(200);
	expect(read.headers()['access-control-allow-origin']).toBe('*');
	const [idea] = (await read.json()) as { service_code: string; description: string }[];
	expect(idea).toMatchObject({ service_code: 'seat' });
	expect(idea!.description).toContain('A bench by the bus stop');

	const wrongKey = await city.post('/api/v1/open311/v2/requests.json', {
		form: { ...form, api_key: 'not-a-key' }
	});
	expect(wrongKey.status()).toBe(403);

	const forged = await city.post('/api/v1/auth/login', {
		form: { email: admin.email, password: admin.password },
		headers: { origin: 'https://elsewhere.example' }
	});
	expect(forged.status()).toBe(403);
	expect(await forged.text()).toContain('Cross-site POST form submissions are forbidden');
	await city.dispose();
});

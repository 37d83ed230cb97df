/**
 * Open311 POST requests.json: an API key of a map space adds a point idea through the hub's
 * push pipeline, as the key's participant, under the same rules as any pushed idea; a device of
 * the space then pulls it. Refusals (outside the boundary, unknown category, bad or revoked key,
 * closed map) use the spec's error format and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Open311Created, Open311Request } from '../../../src/lib/domain/open311';
import { handlePostRequest, handleRequest } from '../../../src/lib/server/open311/handlers';
import { handleRevokeApiKey } from '../../../src/lib/server/open311/keys';
import type { Hub } from '../../../src/lib/server/hub';
import { openapi } from '../../../src/lib/server/openapi';
import { engines, type TestDatabase } from '../engines';
import { createWorld, ctx, stateOf, type World } from '../helpers';
import { validate } from '../json-schema';
import { inHole, inside, mapSettings, mapSpace, outside } from '../map/kit';
import { apiKey, base, failsWith, footprint, get, post, valid } from './kit';

describe.each(engines)('Open311 POST on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	let space: string;
	let secret: string;
	let key: { id: string; participant: string; label: string };

	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
		space = await mapSpace(hub, world, mapSettings(), { published: true });
		({ key, secret } = await apiKey(hub, world, space, 'Rostock 311'));
	});
	afterAll(() => database.drop());

	const form = (overrides: Record<string, string | number> = {}) => ({
		jurisdiction_id: space,
		api_key: secret,
		service_code: 'green',
		lat: inside[1],
		long: inside[0],
		description: 'A drinking fountain\nNext to the playground, please.',
		...overrides
	});

	it('creates an idea that a participant’s device then pulls', async () => {
		const response = await handlePostRequest(
			post(form({ first_name: 'Grete', last_name: 'Klar', locale: 'de_DE' })),
			ctx(hub)
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBeNull();
		const [created] = await valid<Open311Created[]>(response, 'requests.json');
		expect(created).toMatchObject({
			status: 'open',
			service_code: 'green',
			service_name: 'Green space',
			description: 'A drinking fountain\n\nNext to the playground, please.',
			lat: inside[1],
			long: inside[0],
			media_url: null,
			service_notice: expect.stringContaining('A map'),
			account_id: null
		});
		const doc = { $ref: '#/components/schemas/Open311Request' };
		expect(validate(created, doc, openapi as unknown as Record<string, unknown>)).toEqual([]);
		const id = created!.service_request_id;
		const phone = await world.member(space);
		const state = await stateOf(hub, space, phone.actor);
		const idea = state.get(id)!;
		expect(idea.type).toBe('mapIdea');
		expect(idea.author).toBe(key.participant);
		expect(idea.fields).toMatchObject({
			title: 'A drinking fountain',
			text: 'Next to the playground, please.',
			category: 'green',
			geometry: JSON.stringify({ type: 'Point', coordinates: inside }),
			photos: '[]',
			language: 'de-DE',
			authorName: 'Grete Klar'
		});
		// The same request read back through GET.
		const read = await handleRequest(
			get(`requests/${id}.json`, { jurisdiction_id: space }),
			id,
			ctx(hub)
		);
		const [again] = await valid<Open311Request[]>(read, 'requests.json');
		expect(again!.requested_datetime).toBe(created!.requested_datetime);
	});

	it('takes JSON and multipart bodies too, and names the key when no name is given', async () => {
		const json = await handlePostRequest(post(form({ description: 'Benches' }), true), ctx(hub));
		const [created] = await valid<Open311Created[]>(json, 'requests.json');
		const multipart = new FormData();
		for (const [k, v] of Object.entries(form({ description: 'More trees' })))
			multipart.set(k, String(v));
		multipart.set('media', new Blob(['ignored']), 'photo.jpg');
		const response = await handlePostRequest(
			new Request(`${base}/requests.json`, { method: 'POST', body: multipart }),
			ctx(hub)
		);
		await valid(response, 'requests.json');
		const state = await stateOf(hub, space, world.facilitator);
		expect(state.get(created!.service_request_id)!.fields).toMatchObject({
			title: 'Benches',
			text: '',
			authorName: 'Rostock 311',
			language: 'en'
		});
	});

	it('makes a long first line into a title and keeps the whole description', async () => {
		const long = `${'Shade trees along the harbour promenade '.repeat(5)}end`;
		const response = await handlePostRequest(post(form({ description: long })), ctx(hub));
		const [created] = await valid<Open311Created[]>(response, 'requests.json');
		const idea = (await stateOf(hub, space, world.facilitator)).get(created!.service_request_id)!;
		expect(String(idea.fields.title).length).toBeLessThanOrEqual(140);
		expect(String(idea.fields.title)).toMatch(/^Shade trees.*…$/);
		expect(idea.fields.text).toBe(long);
	});

	it('refuses what a pushed idea may not do, and changes nothing', async () => {
		const before = await footprint(hub, space);
		const cases: [Record<string, string | number>, number, RegExp][] = [
			[{ lat: outside[1], long: outside[0] }, 400, /inside the area/],
			[{ lat: inHole[1], long: inHole[0] }, 400, /inside the area/],
			[{ service_code: 'benches' }, 404, /service_code/],
			[{ service_code: 'Not A Code' }, 400, /service_code/],
			[{ api_key: 'o311_' + 'x'.repeat(43) }, 403, /api_key/],
			[{ api_key: '' }, 403, /api_key/],
			[{ lat: '', long: '', address_string: 'Neuer Markt 1' }, 400, /lat and long/],
			[{ lat: 'north' }, 400, /lat/],
			[{ long: 181 }, 400, /long/],
			[{ description: '   ' }, 400, /description/],
			[{ description: 'x'.repeat(4001) }, 400, /description/],
			[{ jurisdiction_id: '' }, 400, /jurisdiction_id/],
			[{ jurisdiction_id: 'nowhere' }, 404, /jurisdiction_id/]
		];
		for (const [overrides, status, description] of cases) {
			const response = await handlePostRequest(post(form(overrides)), ctx(hub));
			expect(await failsWith(response, status), JSON.stringify(overrides)).toMatch(description);
		}
		const keyless: Record<string, string | number> = form();
		delete keyless.api_key;
		expect(await failsWith(await handlePostRequest(post(keyless), ctx(hub)), 403)).toMatch(
			/api_key was not provided/
		);
		const text = new Request(`${base}/requests.json`, {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body: 'hello'
		});
		await failsWith(await handlePostRequest(text, ctx(hub)), 400);
		expect(await footprint(hub, space)).toEqual(before);
	});

	it('refuses a key of another map, and a revoked key', async () => {
		const other = await mapSpace(hub, world, mapSettings(), { published: true });
		const theirs = await apiKey(hub, world, other);
		const before = await footprint(hub, space);
		const wrong = await handlePostRequest(post(form({ api_key: theirs.secret })), ctx(hub));
		expect(await failsWith(wrong, 403)).toMatch(/not valid for this jurisdiction/);
		const revoked = await apiKey(hub, world, space, 'Old system');
		const ok = await handlePostRequest(post(form({ api_key: revoked.secret })), ctx(hub));
		expect(ok.status).toBe(200);
		const after = await footprint(hub, space);
		const revoke = await handleRevokeApiKey(space, revoked.key.id, ctx(hub, world.facilitator));
		expect(revoke.status).toBe(204);
		const refused = await handlePostRequest(post(form({ api_key: revoked.secret })), ctx(hub));
		expect(await failsWith(refused, 403)).toMatch(/api_key/);
		expect(await footprint(hub, space)).toEqual(after);
		expect(after.records).toBe(before.records + 1);
		// Revoking the key revoked its participant.
		const [row] = await hub.db.query<{ revoked: boolean }>(
			`SELECT revoked_at IS NOT NULL AS revoked FROM participants
			WHERE space = $1 AND participant = $2`,
			[space, revoked.key.participant]
		);
		expect(row!.revoked).toBe(true);
	});

	it('refuses ideas while the map is closed or outside its open period', async () => {
		const ended = mapSettings({ closesAt: new Date(Date.now() - 60_000).toISOString() });
		const late = await mapSpace(hub, world, ended, { published: true });
		const lateKey = await apiKey(hub, world, late);
		const before = await footprint(hub, late);
		const refused = await handlePostRequest(
			post(form({ jurisdiction_id: late, api_key: lateKey.secret })),
			ctx(hub)
		);
		expect(await failsWith(refused, 400)).toMatch(/not open/);
		const closed = await mapSpace(hub, world, mapSettings(), { status: 'closed' });
		const closedKey = await apiKey(hub, world, closed);
		const shut = await handlePostRequest(
			post(form({ jurisdiction_id: closed, api_key: closedKey.secret })),
			ctx(hub)
		);
		expect(await failsWith(shut, 400)).toMatch(/closed/);
		expect(await footprint(hub, late)).toEqual(before);
	});

	it('takes ideas for an unpublished map with its key, which GET does not show', async () => {
		const hidden = await mapSpace(hub, world, mapSettings(), { published: false });
		const hiddenKey = await apiKey(hub, world, hidden);
		const response = await handlePostRequest(
			post(form({ jurisdiction_id: hidden, api_key: hiddenKey.secret })),
			ctx(hub)
		);
		const [created] = await valid<Open311Created[]>(response, 'requests.json');
		const id = created!.service_request_id;
		const read = await handleRequest(
			get(`requests/${id}.json`, { jurisdiction_id: hidden }),
			id,
			ctx(hub)
		);
		await failsWith(read, 404);
	});

	it('limits POSTs per client address, answering 429 with Retry-After', async () => {
		// An address no other test of this file uses (ctx() picks one at random).
		const from = { ...ctx(hub), ip: '198.51.100.7' };
		const bad = form({ api_key: 'o311_' + 'y'.repeat(43) });
		for (let i = 0; i < 60; i++) await failsWith(await handlePostRequest(post(bad), from), 403);
		const limited = await handlePostRequest(post(form()), from);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		await failsWith(limited, 429);
	});
});

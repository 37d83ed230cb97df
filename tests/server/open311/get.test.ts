/**
 * Open311 GET services, requests and request: every answer validates against the Open311
 * community's JSON Schemas (ajv), each filter of the spec works, errors use the spec's format
 * with the right status, and hidden or deleted ideas never appear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/lib/domain/ids';
import type { Open311Request, Open311Service } from '../../../src/lib/domain/open311';
import type { IdeaGeometry } from '../../../src/lib/domain/records/map';
import type { Hub } from '../../../src/lib/server/hub';
import { openapi } from '../../../src/lib/server/openapi';
import {
	handleRequest,
	handleRequests,
	handleServices
} from '../../../src/lib/server/open311/handlers';
import { engines, type TestDatabase } from '../engines';
import { createWorld, ctx, uploadBlob, type World } from '../helpers';
import { validate } from '../json-schema';
import { comment, inside, mapIdea, mapSettings, mapSpace, support } from '../map/kit';
import { change } from '../workshop/fixtures';
import { failsWith, get, hide, rejects, send, valid } from './kit';

const day = 86_400_000;
const root = openapi as unknown as Record<string, unknown>;

/** The answer also fits the hub's own OpenAPI description of it. */
function documented(body: unknown, schema: string) {
	expect(validate(body, { $ref: `#/components/schemas/${schema}` }, root)).toEqual([]);
}

const line: IdeaGeometry = {
	type: 'LineString',
	coordinates: [
		[12.125, 54.085],
		[12.13, 54.086],
		[12.135, 54.087]
	]
};
const area: IdeaGeometry = {
	type: 'Polygon',
	coordinates: [
		[
			[12.15, 54.09],
			[12.154, 54.09],
			[12.154, 54.094],
			[12.15, 54.094],
			[12.15, 54.09]
		]
	]
};

describe.each(engines)('Open311 GET on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	let space: string;
	const now = Date.now();
	/** recent (photo), older (line, supports, comments), old (100 days), hidden, deleted */
	const ids = {
		recent: newId(),
		older: newId(),
		old: newId(),
		hidden: newId(),
		deleted: newId()
	};
	let photoSha = '';

	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
		space = await mapSpace(hub, world, mapSettings(), { published: true });
		const ana = await world.member(space);
		const ben = await world.member(space);
		const photo = await uploadBlob(hub, ana.actor, space, 'pretend this is a PNG');
		expect(photo.response.status).toBe(201);
		photoSha = photo.name;
		await send(
			hub,
			ana.actor,
			[
				mapIdea(
					space,
					{
						title: 'Bike racks at the station',
						text: 'Covered ones.',
						category: 'mobility',
						photos: JSON.stringify([photoSha]),
						createdAt: now - day
					},
					ids.recent
				),
				mapIdea(
					space,
					{ title: 'A cycle route', geometry: JSON.stringify(line), createdAt: now - 10 * day },
					ids.older
				),
				mapIdea(
					space,
					{ title: 'A pocket park', geometry: JSON.stringify(area), createdAt: now - 100 * day },
					ids.old
				),
				mapIdea(space, { title: 'Hidden one', createdAt: now - 2 * day }, ids.hidden),
				mapIdea(space, { title: 'Deleted one', createdAt: now - 3 * day }, ids.deleted)
			],
			ana.participant
		);
		await send(
			hub,
			ana.actor,
			[change('mapIdea', ids.deleted, space, { deleted: true })],
			ana.participant
		);
		const hiddenComment = comment(space, ids.older, { text: 'Rude' });
		await send(
			hub,
			ben.actor,
			[
				support(space, ids.older, ben.participant),
				support(space, ids.hidden, ben.participant),
				comment(space, ids.older),
				hiddenComment
			],
			ben.participant
		);
		await send(hub, ana.actor, [support(space, ids.older, ana.participant)], ana.participant);
		// Ana withdraws her support again; Ben's stays.
		await send(
			hub,
			ana.actor,
			[change('support', support(space, ids.older, ana.participant).id, space, { deleted: true })],
			ana.participant
		);
		await hide(hub, world, space, ids.hidden);
		await hide(hub, world, space, hiddenComment.id);
	});
	afterAll(() => database.drop());

	const requests = async (query: Record<string, string>) =>
		valid<Open311Request[]>(
			await handleRequests(get('requests.json', { jurisdiction_id: space, ...query }), ctx(hub)),
			'requests.json'
		);
	const idsOf = (list: Open311Request[]) => list.map((r) => r.service_request_id).sort();

	it('has schemas that notice a wrong answer', () => {
		expect(
			rejects(
				[{ service_code: 'x', service_name: 'X', metadata: 'no', type: 'realtime' }],
				'services.json'
			)
		).toBe(true);
		expect(
			rejects(
				[
					{
						service_request_id: 'x',
						status: 'pending',
						service_code: 'x',
						requested_datetime: '2027-01-01T00:00:00Z'
					}
				],
				'requests.json'
			)
		).toBe(true);
		expect(
			rejects(
				[
					{
						service_request_id: 'x',
						status: 'open',
						service_code: 'x',
						requested_datetime: 'today'
					}
				],
				'requests.json'
			)
		).toBe(true);
		expect(rejects({ error: { code: 'x', message: 'y' } }, 'errors.schema.json')).toBe(true);
	});

	it('lists one service per category, marked as ideas, readable from any origin', async () => {
		const response = await handleServices(
			get('services.json', { jurisdiction_id: space }),
			ctx(hub)
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		const services = await valid<Open311Service[]>(response, 'services.json');
		expect(services).toEqual([
			{
				service_code: 'mobility',
				service_name: 'Mobility',
				description: null,
				metadata: false,
				type: 'realtime',
				keywords: 'idea',
				group: 'A map'
			},
			{
				service_code: 'green',
				service_name: 'Green space',
				description: null,
				metadata: false,
				type: 'realtime',
				keywords: 'idea',
				group: 'A map'
			}
		]);
		for (const service of services) documented(service, 'Open311Service');
	});

	it('answers the last 90 days of visible ideas, newest first, with the spec’s fields', async () => {
		const response = await handleRequests(
			get('requests.json', { jurisdiction_id: space }),
			ctx(hub)
		);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		const list = await valid<Open311Request[]>(response, 'requests.json');
		expect(list.map((r) => r.service_request_id)).toEqual([ids.recent, ids.older]);
		const [recent, older] = list as [Open311Request, Open311Request];
		expect(recent).toEqual({
			service_request_id: ids.recent,
			status: 'open',
			status_notes: null,
			service_name: 'Mobility',
			service_code: 'mobility',
			description: 'Bike racks at the station\n\nCovered ones.',
			agency_responsible: null,
			service_notice: null,
			requested_datetime: new Date(now - day).toISOString(),
			updated_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
			expected_datetime: null,
			address: null,
			address_id: null,
			zipcode: null,
			lat: inside[1],
			long: inside[0],
			media_url: `http://hub.test/api/v1/blobs/${photoSha}?space=${space}`
		});
		// A line stands at its middle vertex; no photo is null.
		expect([older.long, older.lat]).toEqual(line.coordinates[1]);
		expect(older.media_url).toBeNull();
		expect(older).not.toHaveProperty('extended_attributes');
		for (const request of list) documented(request, 'Open311Request');
	});

	it('adds live support and comment counts, the geometry and every photo with extensions=true', async () => {
		const list = await requests({
			extensions: 'true',
			start_date: new Date(now - 89 * day).toISOString()
		});
		const older = list.find((r) => r.service_request_id === ids.older)!;
		expect(older.extended_attributes).toEqual({
			title: 'A cycle route',
			support: 1,
			votes: 1,
			comments: 1,
			geometry: line,
			media_urls: [],
			category_colour: '#0b6e4f'
		});
		const recent = list.find((r) => r.service_request_id === ids.recent)!;
		expect(recent.extended_attributes!.media_urls).toEqual([recent.media_url]);
		for (const request of list) documented(request, 'Open311Request');
	});

	it('filters by service_code, one or a comma list', async () => {
		expect(idsOf(await requests({ service_code: 'green' }))).toEqual([ids.older]);
		expect(idsOf(await requests({ service_code: 'mobility,green' }))).toEqual(
			[ids.recent, ids.older].sort()
		);
		expect(await requests({ service_code: 'benches' })).toEqual([]);
	});

	it('filters by start_date and end_date on requested_datetime', async () => {
		const iso = (ms: number) => new Date(ms).toISOString();
		expect(
			idsOf(await requests({ start_date: iso(now - 120 * day), end_date: iso(now - 50 * day) }))
		).toEqual([ids.old]);
		expect(idsOf(await requests({ start_date: iso(now - 5 * day) }))).toEqual([ids.recent]);
		expect(idsOf(await requests({ end_date: iso(now - 5 * day) }))).toEqual([ids.older]);
		// A zone offset, even when the client forgot to encode its "+".
		const berlin = new Date(now - 120 * day + 3_600_000).toISOString().slice(0, 19) + '+01:00';
		expect(idsOf(await requests({ start_date: berlin, end_date: iso(now - 50 * day) }))).toEqual([
			ids.old
		]);
		const raw = new Request(
			`http://hub.test/api/v1/open311/v2/requests.json?jurisdiction_id=${space}&start_date=${berlin}&end_date=${iso(now - 50 * day)}`
		);
		const list = await valid<Open311Request[]>(
			await handleRequests(raw, ctx(hub)),
			'requests.json'
		);
		expect(idsOf(list)).toEqual([ids.old]);
	});

	it('filters by status: every idea has the status of its open or closed map', async () => {
		expect(idsOf(await requests({ status: 'open' }))).toEqual([ids.recent, ids.older].sort());
		expect(await requests({ status: 'closed' })).toEqual([]);
		const closed = await mapSpace(hub, world, mapSettings(), { published: true });
		const ana = await world.member(closed);
		const idea = mapIdea(closed, { createdAt: now - day });
		await send(hub, ana.actor, [idea], ana.participant);
		await hub.db.query("UPDATE spaces SET status = 'closed' WHERE id = $1", [closed]);
		const query = (status?: string) =>
			handleRequests(
				get('requests.json', { jurisdiction_id: closed, ...(status ? { status } : {}) }),
				ctx(hub)
			);
		const [request] = await valid<Open311Request[]>(await query('closed'), 'requests.json');
		expect(request).toMatchObject({
			service_request_id: idea.id,
			status: 'closed',
			status_notes: expect.any(String)
		});
		expect(await valid(await query('open'), 'requests.json')).toEqual([]);
		expect(await valid(await query('open,closed'), 'requests.json')).toHaveLength(1);
	});

	it('counts a map past its open period as closed', async () => {
		const ended = mapSettings({ opensAt: null, closesAt: new Date(now - day).toISOString() });
		const late = await mapSpace(hub, world, ended, { published: true });
		// Staff may add ideas outside the period.
		const idea = mapIdea(late, { createdAt: now - 2 * day });
		await send(hub, world.facilitator, [idea]);
		const response = await handleRequests(
			get('requests.json', { jurisdiction_id: late }),
			ctx(hub)
		);
		const [request] = await valid<Open311Request[]>(response, 'requests.json');
		expect(request!.status).toBe('closed');
	});

	it('lets service_request_id override every other filter, and never shows hidden or deleted ideas', async () => {
		const list = await requests({
			service_request_id: [ids.old, ids.hidden, ids.deleted, ids.recent.toUpperCase()].join(','),
			service_code: 'benches',
			status: 'closed'
		});
		expect(idsOf(list)).toEqual([ids.old, ids.recent].sort());
		const everything = await requests({
			start_date: new Date(now - 200 * day).toISOString(),
			end_date: new Date(now - 111 * day).toISOString()
		});
		expect(everything).toEqual([]);
		for (const window of [
			[0, 89],
			[89, 178]
		]) {
			const list = await requests({
				start_date: new Date(now - window[1]! * day).toISOString(),
				end_date: new Date(now - window[0]! * day).toISOString()
			});
			expect(idsOf(list)).not.toContain(ids.hidden);
			expect(idsOf(list)).not.toContain(ids.deleted);
		}
	});

	it('answers one request as a list of one; 404 for hidden, deleted, unknown or another map’s', async () => {
		const one = (id: string, query: Record<string, string> = {}) =>
			handleRequest(get(`requests/${id}.json`, { jurisdiction_id: space, ...query }), id, ctx(hub));
		const response = await one(ids.older, { extensions: 'true' });
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		const list = await valid<Open311Request[]>(response, 'requests.json');
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ service_request_id: ids.older, status: 'open' });
		expect(list[0]!.extended_attributes!.support).toBe(1);
		const other = await mapSpace(hub, world, mapSettings(), { published: true });
		const foreign = mapIdea(other, { createdAt: now });
		await send(hub, world.facilitator, [foreign]);
		for (const id of [ids.hidden, ids.deleted, newId(), 'not-an-id', foreign.id]) {
			const failed = await one(id);
			expect(failed.headers.get('access-control-allow-origin')).toBe('*');
			expect(await failsWith(failed, 404)).toContain('service_request_id');
		}
	});

	it('answers a missing jurisdiction_id 400 and an unknown, unpublished or non-map one 404', async () => {
		const unpublished = await mapSpace(hub, world, mapSettings(), { published: false });
		const ideas = await world.space({ published: true });
		const calls = [
			(query: Record<string, string>) => handleServices(get('services.json', query), ctx(hub)),
			(query: Record<string, string>) => handleRequests(get('requests.json', query), ctx(hub)),
			(query: Record<string, string>) =>
				handleRequest(get(`requests/${ids.recent}.json`, query), ids.recent, ctx(hub))
		];
		for (const call of calls) {
			expect(await failsWith(await call({}), 400)).toContain('jurisdiction_id');
			expect(await failsWith(await call({ jurisdiction_id: '' }), 400)).toContain(
				'jurisdiction_id'
			);
			for (const id of ['nowhere', unpublished, ideas, 'NOT A SPACE'])
				expect(await failsWith(await call({ jurisdiction_id: id }), 404)).toContain(
					'jurisdiction_id'
				);
		}
	});

	it('answers a bad filter 400 in the spec’s error format', async () => {
		const bad: Record<string, string>[] = [
			{ status: 'pending' },
			{ status: '' },
			{ service_request_id: 'not-a-uuid' },
			{ service_code: 'Not A Code' },
			{ start_date: 'yesterday' },
			{ start_date: '2027-01-01' },
			{ end_date: '2027-02-30T00:00:00Z' },
			{ start_date: new Date(now).toISOString(), end_date: new Date(now - day).toISOString() },
			{ start_date: new Date(now - 91 * day).toISOString(), end_date: new Date(now).toISOString() },
			{ extensions: 'maybe' }
		];
		for (const query of bad) {
			const response = await handleRequests(
				get('requests.json', { jurisdiction_id: space, ...query }),
				ctx(hub)
			);
			expect(response.headers.get('access-control-allow-origin')).toBe('*');
			const description = await failsWith(response, 400);
			expect(description.length, JSON.stringify(query)).toBeGreaterThan(5);
			documented(
				await (
					await handleRequests(get('requests.json', { jurisdiction_id: space, ...query }), ctx(hub))
				).json(),
				'Open311Errors'
			);
		}
	});

	it('answers at most 1000 requests', async () => {
		const big = await mapSpace(hub, world, mapSettings(), { published: true });
		for (let batch = 0; batch < 3; batch++) {
			const ideas = Array.from({ length: 334 }, (_, i) =>
				mapIdea(big, { title: `Idea ${batch}-${i}`, createdAt: now - (batch * 334 + i) * 1000 })
			);
			await send(hub, world.facilitator, ideas);
		}
		const response = await handleRequests(get('requests.json', { jurisdiction_id: big }), ctx(hub));
		const list = await valid<Open311Request[]>(response, 'requests.json');
		expect(list).toHaveLength(1000);
		expect(list[0]!.description).toMatch(/^Idea 0-0\n/);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, SpaceView } from '../../../src/lib/domain/auth';
import type { Hub } from '../../../src/lib/server/hub';
import {
	handleCreateSpace,
	handleGetSpace,
	handleUpdateSpace
} from '../../../src/lib/server/spaces/handlers';
import { anonymous, count, ctx, invite, request, setUpHub, type Staff } from '../auth/kit';
import { engines, type TestDatabase } from '../engines';
import { handleDuplicateSpace } from '../../../src/lib/server/workshop/duplicate';
import { createSpace, spaceBody } from '../spaces/kit';
import { boundary, mapSettings } from './kit';

type ErrorBody = { error: { code: string; message: string } };

describe.each(engines)('map spaces on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let admin: Staff;
	let fay: Staff;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		admin = await setUpHub(hub);
		fay = await invite(hub, admin, 'fay@example.org');
	});
	afterAll(() => database.drop());

	const create = (body: unknown) =>
		handleCreateSpace(request('POST', '/api/v1/spaces', body), ctx(hub, fay.actor));
	const update = (id: string, body: unknown, actor = fay.actor) =>
		handleUpdateSpace(request('PATCH', `/api/v1/spaces/${id}`, body), id, ctx(hub, actor));
	const get = async (id: string, actor: Actor = fay.actor) => {
		const response = await handleGetSpace(id, ctx(hub, actor));
		expect(response.status).toBe(200);
		return ((await response.json()) as { space: SpaceView }).space;
	};

	it('creates a map space with its settings and shows them to staff and to the public', async () => {
		const settings = mapSettings({ opensAt: '2027-05-01T09:00:00Z', closesAt: null });
		const space = await createSpace(hub, fay, { kind: 'map', map: settings, published: true });
		expect(space.kind).toBe('map');
		expect(space.map).toEqual(settings);
		const [row] = await hub.db.query<{ kind: string; map: unknown }>(
			'SELECT kind, map_settings AS map FROM spaces WHERE id = $1',
			[space.id]
		);
		expect(row).toEqual({ kind: 'map', map: settings });
		const seen = await get(space.id, anonymous);
		expect(seen.map).toEqual(settings);
		expect(seen.joinCode).toBeUndefined();
	});

	it('gives other kinds of space map null', async () => {
		const ideas = await createSpace(hub, fay);
		const workshop = await createSpace(hub, fay, { kind: 'workshop' });
		expect(ideas.map).toBeNull();
		expect(workshop.map).toBeNull();
		expect((await get(ideas.id)).map).toBeNull();
	});

	it('refuses a map space without settings, settings for another kind and bad settings', async () => {
		const before = await count(hub, 'spaces');
		const cases: [Record<string, unknown>, RegExp][] = [
			[spaceBody({ kind: 'map' }), /map settings/],
			[spaceBody({ map: mapSettings() }), /Only a map space/],
			[spaceBody({ kind: 'workshop', map: mapSettings() }), /Only a map space/],
			[spaceBody({ kind: 'map', map: mapSettings({ zoom: 25 }) }), /zoom|19/i],
			[spaceBody({ kind: 'map', map: mapSettings({ categories: [] }) }), /at least one category/],
			[
				spaceBody({
					kind: 'map',
					map: mapSettings({
						categories: [{ id: 'a', label: 'A', colour: 'red', icon: 'bike' }]
					})
				}),
				/colour/
			],
			[
				spaceBody({
					kind: 'map',
					map: mapSettings({
						categories: [{ id: 'a', label: 'A', colour: '#112233', icon: 'rocket' as 'pin' }]
					})
				}),
				/icon/
			],
			[
				spaceBody({
					kind: 'map',
					map: {
						...mapSettings(),
						boundary: {
							type: 'Polygon',
							coordinates: [
								[
									[12, 54],
									[13, 54],
									[13, 55],
									[12, 55]
								]
							]
						}
					}
				}),
				/ends where it starts/
			],
			[
				spaceBody({
					kind: 'map',
					map: mapSettings({ boundary: { type: 'Point', coordinates: [12, 54] } as never })
				}),
				/Polygon or MultiPolygon/
			],
			[
				spaceBody({
					kind: 'map',
					map: mapSettings({
						opensAt: '2027-06-01T00:00:00Z',
						closesAt: '2027-05-01T00:00:00Z'
					})
				}),
				/closes after it opens/
			],
			[spaceBody({ kind: 'map', map: { ...mapSettings(), extra: 1 } }), /./]
		];
		for (const [body, message] of cases) {
			const response = await create(body);
			expect(response.status, JSON.stringify(body).slice(0, 200)).toBe(400);
			const { error } = (await response.json()) as ErrorBody;
			expect(error.code).toBe('invalid-request');
			expect(error.message).toMatch(message);
		}
		expect(await count(hub, 'spaces')).toBe(before);
	});

	it('changes the settings of a map space and audits it', async () => {
		const space = await createSpace(hub, fay, { kind: 'map', map: mapSettings() });
		const changed = mapSettings({
			center: { lat: 54.1, lng: 12.1 },
			zoom: 16,
			boundary: null,
			categories: [{ id: 'energy', label: 'Solar', colour: '#ffcc00', icon: 'sun' }],
			closesAt: '2030-01-01T00:00:00Z'
		});
		const response = await update(space.id, { map: changed, title: 'Our map' });
		expect(response.status, await response.clone().text()).toBe(200);
		const { space: after } = (await response.json()) as { space: SpaceView };
		expect(after.map).toEqual(changed);
		expect(after.title).toBe('Our map');
		expect((await get(space.id)).map).toEqual(changed);
		const [entry] = await hub.db.query<{ detail: { changed: Record<string, unknown> } }>(
			"SELECT detail FROM audit_log WHERE action = 'space.update' AND target = $1",
			[space.id]
		);
		expect(entry!.detail.changed).toEqual({ map: true, title: true });
	});

	it('takes a district boundary of many thousand positions', async () => {
		const ring: [number, number][] = [];
		for (let i = 0; i < 6000; i++) {
			const angle = (2 * Math.PI * i) / 6000;
			ring.push([12.14 + 0.02 * Math.cos(angle), 54.09 + 0.01 * Math.sin(angle)]);
		}
		ring.push(ring[0]!);
		const space = await createSpace(hub, fay, { kind: 'map', map: mapSettings() });
		const map = mapSettings({ boundary: { type: 'Polygon', coordinates: [ring] } });
		expect(JSON.stringify(map).length).toBeGreaterThan(65_536);
		const response = await update(space.id, { map });
		expect(response.status, await response.clone().text()).toBe(200);
		expect((await get(space.id)).map?.boundary?.coordinates[0]).toHaveLength(6001);
	});

	it('refuses map settings for a space of another kind, and bad ones for a map', async () => {
		const ideas = await createSpace(hub, fay);
		const refused = await update(ideas.id, { map: mapSettings() });
		expect(refused.status).toBe(400);
		expect(((await refused.json()) as ErrorBody).error.message).toMatch(/Only a map space/);
		expect((await get(ideas.id)).map).toBeNull();

		const space = await createSpace(hub, fay, { kind: 'map', map: mapSettings() });
		const bad = await update(space.id, { map: { ...mapSettings(), zoom: 0 } });
		expect(bad.status).toBe(400);
		const empty = await update(space.id, { map: null });
		expect(empty.status).toBe(400);
		expect((await get(space.id)).map).toEqual(mapSettings());
	});

	it('lets only the staff of the space change its map', async () => {
		const space = await createSpace(hub, fay, { kind: 'map', map: mapSettings() });
		const gus = await invite(hub, admin, 'gus@example.org');
		const response = await update(space.id, { map: mapSettings({ zoom: 3 }) }, gus.actor);
		expect(response.status).toBe(403);
		const byAdmin = await update(space.id, { map: mapSettings({ zoom: 3 }) }, admin.actor);
		expect(byAdmin.status).toBe(200);
		expect((await get(space.id)).map?.zoom).toBe(3);
		expect((await get(space.id)).map?.boundary).toEqual(boundary);
	});

	it('duplicates a map space as a map with the same settings', async () => {
		const settings = mapSettings({ closesAt: '2027-06-30T18:00:00Z' });
		const source = await createSpace(hub, fay, { kind: 'map', map: settings });
		const response = await handleDuplicateSpace(
			request('POST', `/api/v1/spaces/${source.id}/duplicate`, {
				id: `${source.id}-copy`,
				title: 'Next walk'
			}),
			source.id,
			ctx(hub, fay.actor)
		);
		expect(response.status).toBe(201);
		const copy = await get(`${source.id}-copy`);
		expect(copy.kind).toBe('map');
		expect(copy.title).toBe('Next walk');
		expect(copy.map).toEqual(settings);
	});
});

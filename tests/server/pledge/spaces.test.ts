import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, SpaceView } from '../../../src/lib/domain/auth';
import type { PledgeCampaign } from '../../../src/lib/domain/pledge/campaign';
import type { Hub } from '../../../src/lib/server/hub';
import {
	handleCreateSpace,
	handleGetSpace,
	handleUpdateSpace
} from '../../../src/lib/server/spaces/handlers';
import { handleDuplicateSpace } from '../../../src/lib/server/workshop/duplicate';
import { anonymous, count, ctx, invite, request, setUpHub, type Staff } from '../auth/kit';
import { engines, type TestDatabase } from '../engines';
import { newSpace } from '../helpers';
import { mapSettings } from '../map/kit';
import { createSpace, spaceBody } from '../spaces/kit';

type ErrorBody = { error: { code: string; message: string } };

const carFreeMay: PledgeCampaign = { goalPeople: 500, goalTco2e: 300, themes: ['mobility'] };

describe.each(engines)('pledge campaign spaces on $name', (engine) => {
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
	const refusal = async (response: Response) => {
		expect(response.status).toBe(400);
		return ((await response.json()) as ErrorBody).error;
	};

	it('creates a campaign with its goal and themes and shows them to everyone', async () => {
		const space = await createSpace(hub, fay, { kind: 'pledge', pledge: carFreeMay });
		expect(space).toMatchObject({ kind: 'pledge', pledge: carFreeMay, impactPublic: false });
		const [row] = await hub.db.query<{ kind: string; pledge: unknown; impactPublic: boolean }>(
			`SELECT kind, pledge_settings AS pledge, impact_public AS "impactPublic"
			FROM spaces WHERE id = $1`,
			[space.id]
		);
		expect(row).toEqual({ kind: 'pledge', pledge: carFreeMay, impactPublic: false });
		const seen = await get(space.id, anonymous);
		expect(seen).toMatchObject({ pledge: carFreeMay, impactPublic: false });
		expect(seen.joinCode).toBeUndefined();
	});

	it('gives other kinds no campaign, and takes impactPublic for any kind', async () => {
		const ideas = await createSpace(hub, fay, { impactPublic: true });
		const map = await createSpace(hub, fay, { kind: 'map', map: mapSettings() });
		expect(ideas).toMatchObject({ pledge: null, impactPublic: true });
		expect(map).toMatchObject({ pledge: null, impactPublic: false });
		expect((await get(ideas.id, anonymous)).impactPublic).toBe(true);
	});

	it('refuses a campaign without goal and themes, one for another kind, and bad ones', async () => {
		const before = await count(hub, 'spaces');
		const cases: [Record<string, unknown>, RegExp][] = [
			[spaceBody({ kind: 'pledge' }), /needs its goal and themes/],
			[spaceBody({ pledge: carFreeMay }), /Only a pledge campaign/],
			[spaceBody({ kind: 'map', map: mapSettings(), pledge: carFreeMay }), /Only a pledge/],
			[spaceBody({ kind: 'pledge', pledge: { ...carFreeMay, themes: [] } }), /at least one theme/],
			[spaceBody({ kind: 'pledge', pledge: { ...carFreeMay, themes: ['flying'] } }), /themes/],
			[
				spaceBody({ kind: 'pledge', pledge: { ...carFreeMay, themes: ['food', 'food'] } }),
				/listed twice/
			],
			[spaceBody({ kind: 'pledge', pledge: { ...carFreeMay, goalPeople: 0 } }), /at least 1/],
			[spaceBody({ kind: 'pledge', pledge: { ...carFreeMay, goalPeople: 2.5 } }), /whole/],
			[spaceBody({ kind: 'pledge', pledge: { ...carFreeMay, extra: 1 } }), /./],
			[spaceBody({ impactPublic: 'yes' }), /true or false/]
		];
		for (const [body, message] of cases) {
			const error = await refusal(await create(body));
			expect(error.code).toBe('invalid-request');
			expect(error.message, JSON.stringify(body)).toMatch(message);
		}
		expect(await count(hub, 'spaces')).toBe(before);
	});

	it('changes the goal and themes of a campaign and makes its impact public, audited', async () => {
		const space = await createSpace(hub, fay, { kind: 'pledge', pledge: carFreeMay });
		const changed: PledgeCampaign = {
			goalPeople: null,
			goalTco2e: 50,
			themes: ['food', 'mobility']
		};
		const response = await update(space.id, { pledge: changed, impactPublic: true });
		expect(response.status, await response.clone().text()).toBe(200);
		const after = ((await response.json()) as { space: SpaceView }).space;
		expect(after).toMatchObject({ pledge: changed, impactPublic: true });
		expect(await get(space.id, anonymous)).toMatchObject({ pledge: changed, impactPublic: true });
		const [entry] = await hub.db.query<{ detail: { changed: Record<string, unknown> } }>(
			"SELECT detail FROM audit_log WHERE action = 'space.update' AND target = $1",
			[space.id]
		);
		expect(entry!.detail.changed).toEqual({ pledge: true, impactPublic: true });
	});

	it('refuses a campaign for another kind of space and bad or missing settings', async () => {
		const ideas = await createSpace(hub, fay);
		const error = await refusal(await update(ideas.id, { pledge: carFreeMay }));
		expect(error.message).toBe('Only a pledge campaign has a goal and themes.');
		expect((await get(ideas.id)).pledge).toBeNull();
		const space = await createSpace(hub, fay, { kind: 'pledge', pledge: carFreeMay });
		await refusal(await update(space.id, { pledge: null }));
		await refusal(await update(space.id, { pledge: { ...carFreeMay, themes: [] } }));
		await refusal(await update(space.id, { impactPublic: null }));
		expect(await get(space.id)).toMatchObject({ pledge: carFreeMay, impactPublic: false });
	});

	it('lets only the staff of the space change its campaign', async () => {
		const space = await createSpace(hub, fay, { kind: 'pledge', pledge: carFreeMay });
		const gus = await invite(hub, admin, 'gus@example.org');
		expect((await update(space.id, { impactPublic: true }, gus.actor)).status).toBe(403);
		const anyone = await handleUpdateSpace(
			request('PATCH', `/api/v1/spaces/${space.id}`, { impactPublic: true }),
			space.id,
			ctx(hub, anonymous)
		);
		expect(anyone.status).toBe(401);
		expect((await get(space.id)).impactPublic).toBe(false);
		expect((await update(space.id, { impactPublic: true }, admin.actor)).status).toBe(200);
	});

	it('duplicates a campaign with its goal, themes and public impact', async () => {
		const source = await createSpace(hub, fay, {
			kind: 'pledge',
			pledge: carFreeMay,
			impactPublic: true
		});
		const id = newSpace('june');
		const response = await handleDuplicateSpace(
			request('POST', `/api/v1/spaces/${source.id}/duplicate`, { id, title: 'Car-free June' }),
			source.id,
			ctx(hub, fay.actor)
		);
		expect(response.status, await response.clone().text()).toBe(201);
		const copy = ((await response.json()) as { space: SpaceView }).space;
		expect(copy).toMatchObject({
			id,
			kind: 'pledge',
			title: 'Car-free June',
			pledge: carFreeMay,
			impactPublic: true
		});
		expect(copy.joinCode).not.toBe(source.joinCode);
	});
});

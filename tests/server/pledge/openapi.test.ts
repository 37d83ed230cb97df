/**
 * The OpenAPI description of the pledge routes and of the space views with a campaign
 * (src/lib/server/openapi/pledge.ts) against real responses, success and refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/lib/domain/ids';
import type { Hub } from '../../../src/lib/server/hub';
import { openapi } from '../../../src/lib/server/openapi';
import {
	handleOrganisationImpact,
	handleSpaceImpact
} from '../../../src/lib/server/pledge/handlers';
import {
	handleCreateSpace,
	handleGetSpace,
	handleUpdateSpace
} from '../../../src/lib/server/spaces/handlers';
import { request } from '../auth/kit';
import { engines, type TestDatabase } from '../engines';
import { createWorld, ctx, newSpace, type World } from '../helpers';
import { validate } from '../json-schema';
import { pledge, pledgeSpace, send } from './kit';

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
const doc = openapi as unknown as { paths: Record<string, Record<string, Operation>> };
const root = openapi as unknown as Record<string, unknown>;

async function conforms(response: Response, route: string, method: string) {
	const documented = doc.paths[route]?.[method]?.responses[String(response.status)];
	expect(documented, `${method} ${route} ${response.status} is documented`).toBeDefined();
	const schema = documented!.content?.['application/json']?.schema;
	expect(validate(await response.json(), schema as Record<string, unknown>, root)).toEqual([]);
}

describe.each(engines)('pledge responses match the OpenAPI description on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	it('space impact: 200 shown and suppressed, 401, 403, 404', async () => {
		const space = await pledgeSpace(hub, world);
		const route = '/api/v1/spaces/{space}/impact';
		const stranger = await world.member(await world.space());
		for (let i = 0; i < 6; i++) {
			const member = await world.member(space);
			await send(hub, member.actor, [pledge(space, member.participant)]);
			await conforms(await handleSpaceImpact(space, ctx(hub, member.actor)), route, 'get');
		}
		const ideas = await world.space({ published: true });
		for (const [id, actor] of [
			[ideas, undefined],
			[space, undefined],
			[space, stranger.actor],
			['nowhere', world.admin]
		] as const)
			await conforms(await handleSpaceImpact(id, ctx(hub, actor)), route, 'get');
	});

	it('organisation impact: 200 and 404', async () => {
		const route = '/api/v1/organisations/{organisation}/impact';
		for (const [id, actor] of [
			[world.organisation, world.admin],
			[newId(), undefined],
			['nope', undefined]
		] as const)
			await conforms(await handleOrganisationImpact(id, ctx(hub, actor)), route, 'get');
	});

	it('space views, creation and changes with a campaign', async () => {
		const id = newSpace('may');
		const body = {
			id,
			kind: 'pledge',
			title: 'Car-free May',
			purpose: 'Leave the car at home.',
			privacyNotice: 'Kept until June.',
			erasePolicy: 'delete',
			retentionUntil: null,
			published: false,
			pledge: { goalPeople: 500, goalTco2e: null, themes: ['mobility'] },
			impactPublic: true
		};
		const create = request('POST', '/api/v1/spaces', body);
		await conforms(
			await handleCreateSpace(create, ctx(hub, world.facilitator)),
			'/api/v1/spaces',
			'post'
		);
		const route = '/api/v1/spaces/{space}';
		for (const actor of [undefined, world.facilitator])
			await conforms(await handleGetSpace(id, ctx(hub, actor)), route, 'get');
		const patch = request('PATCH', `/api/v1/spaces/${id}`, { impactPublic: false });
		await conforms(await handleUpdateSpace(patch, id, ctx(hub, world.facilitator)), route, 'patch');
		const wrong = request('PATCH', `/api/v1/spaces/${id}`, { map: null });
		await conforms(await handleUpdateSpace(wrong, id, ctx(hub, world.facilitator)), route, 'patch');
	});
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/domain/ids';
import {
	handleEvents,
	handleHealth,
	handleOpenapi,
	handlePull,
	handlePush
} from '../../src/lib/server/api';
import type { Hub } from '../../src/lib/server/hub';
import {
	handleListReports,
	handleModeration,
	handleReport
} from '../../src/lib/server/moderation/handlers';
import { handleEraseMyData, handleExportMyData } from '../../src/lib/server/privacy/handlers';
import { openapi } from '../../src/lib/server/openapi';
import { handleExportJson } from '../../src/lib/server/workshop/export';
import { engines, type TestDatabase } from './engines';
import {
	createWorld,
	ctx,
	device,
	ideaFields,
	mutation,
	pullRequest,
	pushRequest,
	type World
} from './helpers';
import { validate } from './json-schema';

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
const doc = openapi as unknown as { paths: Record<string, Record<string, Operation>> };
const root = openapi as unknown as Record<string, unknown>;
const apiRoot = path.resolve(import.meta.dirname, '../../src/routes/api/v1');

/** Every +server.ts under src/routes/api/v1 as [url path, exported HTTP methods]. */
function routes(dir = apiRoot): [string, string[]][] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return routes(full);
		if (entry.name !== '+server.ts') return [];
		const source = readFileSync(full, 'utf8');
		const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) =>
			m[1]!.toLowerCase()
		);
		const url = '/api/v1/' + path.relative(apiRoot, dir).split(path.sep).join('/');
		return [[url.replace(/\[(\w+)\]/g, '{$1}'), methods]];
	});
}

/** Checks a real response against the documented response of (path, method, status). */
async function conforms(response: Response, route: string, method: string) {
	const documented = doc.paths[route]?.[method]?.responses[String(response.status)];
	expect(documented, `${method} ${route} ${response.status} is documented`).toBeDefined();
	const schema = documented!.content?.['application/json']?.schema;
	expect(schema, `${method} ${route} ${response.status} has a JSON schema`).toBeDefined();
	expect(validate(await response.json(), schema as Record<string, unknown>, root)).toEqual([]);
}

describe('OpenAPI description', () => {
	it('has a path and method for every API route, and no path without a route', () => {
		const found = routes();
		expect(found.length).toBeGreaterThanOrEqual(5);
		for (const [url, methods] of found)
			for (const method of methods)
				expect(doc.paths[url]?.[method], `${method} ${url}`).toBeDefined();
		expect(Object.keys(doc.paths).sort()).toEqual(found.map(([url]) => url).sort());
	});

	it('has a checker that does notice a wrong response', () => {
		const schema = { $ref: '#/components/schemas/PullResponse' };
		expect(validate({ changes: [], cursor: 'abc.1', more: 'no' }, schema, root)).not.toEqual([]);
		expect(validate({ changes: [], cursor: 'abc.1', more: false }, schema, root)).toEqual([]);
	});
});

describe.each(engines)('real responses match the OpenAPI description on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	it('push: 200, 400, 413, 415, 426', async () => {
		const space = await world.space();
		const phone = device();
		const body = phone.body([
			[mutation(newId(), space, ideaFields()), mutation(newId(), space, { title: 'x' })]
		]);
		await conforms(
			await handlePush(pushRequest(body), ctx(hub, world.facilitator)),
			'/api/v1/sync/push',
			'post'
		);
		await conforms(
			await handlePush(pushRequest(body), ctx(hub, world.facilitator)),
			'/api/v1/sync/push',
			'post'
		);
		for (const request of [
			pushRequest('{'),
			pushRequest({ ...body, padding: 'x'.repeat(2_000_000) }),
			pushRequest(body, { 'content-type': 'text/plain' }),
			pushRequest({ ...body, protocol: 42 })
		])
			await conforms(
				await handlePush(request, ctx(hub, world.facilitator)),
				'/api/v1/sync/push',
				'post'
			);
	});

	it('pull: 200, 400, 409', async () => {
		const space = await world.space();
		const body = device().body([[mutation(newId(), space, ideaFields())]]);
		await handlePush(pushRequest(body), ctx(hub, world.facilitator));
		const queries: Record<string, string>[] = [
			{ space },
			{ space: 'BAD' },
			{ space, after: 'gone.1' }
		];
		for (const query of queries)
			await conforms(
				await handlePull(pullRequest(query), ctx(hub, world.admin)),
				'/api/v1/sync/pull',
				'get'
			);
	});

	it('moderation, reports and my data: success and refusals', async () => {
		const space = await world.space();
		const ana = await world.member(space);
		const record = newId();
		const body = ana.body([[mutation(record, space, ideaFields())]]);
		await conforms(await handlePush(pushRequest(body), ctx(hub)), '/api/v1/sync/push', 'post');
		await handlePush(pushRequest(body), ctx(hub, ana.actor));
		for (const actor of [ana.actor, world.otherFacilitator, undefined])
			await conforms(
				await handlePull(pullRequest({ space }), ctx(hub, actor)),
				'/api/v1/sync/pull',
				'get'
			);
		await conforms(
			await handlePull(pullRequest({ space: 'nowhere' }), ctx(hub, world.admin)),
			'/api/v1/sync/pull',
			'get'
		);
		const reason = () =>
			new Request('http://hub.test/x', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ reason: 'Spam' })
			});
		const params = { space, record };
		const base = `/api/v1/spaces/{space}/records/{record}`;
		await conforms(
			await handleReport(reason(), ctx(hub, ana.actor), params),
			`${base}/report`,
			'post'
		);
		for (const actor of [world.facilitator, ana.actor, undefined])
			await conforms(
				await handleModeration(reason(), ctx(hub, actor), params, true),
				`${base}/hide`,
				'post'
			);
		await conforms(
			await handleModeration(reason(), ctx(hub, world.admin), params, false),
			`${base}/unhide`,
			'post'
		);
		await conforms(
			await handleListReports(ctx(hub, world.facilitator), space),
			'/api/v1/spaces/{space}/reports',
			'get'
		);
		await conforms(
			await handleListReports(ctx(hub, ana.actor), space),
			'/api/v1/spaces/{space}/reports',
			'get'
		);
		const me = (method: string) =>
			new Request(`http://hub.test/api/v1/me/data?space=${space}`, { method });
		await conforms(
			await handleExportMyData(me('GET'), ctx(hub, ana.actor)),
			'/api/v1/me/data',
			'get'
		);
		await conforms(
			await handleExportMyData(me('GET'), ctx(hub, world.admin)),
			'/api/v1/me/data',
			'get'
		);
		await conforms(
			await handleEraseMyData(me('DELETE'), ctx(hub, ana.actor)),
			'/api/v1/me/data',
			'delete'
		);
		await conforms(await handleEraseMyData(me('DELETE'), ctx(hub)), '/api/v1/me/data', 'delete');
	});

	it('workshop JSON export: 200 with the languages summary, 400 for a bad language', async () => {
		const space = await world.space({ kind: 'workshop' });
		const url = (query: string) => `http://hub.test/api/v1/spaces/${space}/export.json${query}`;
		const route = '/api/v1/spaces/{space}/export.json';
		for (const query of ['', '?language=pt-BR', '?language=Danish']) {
			const response = await handleExportJson(
				new Request(url(query)),
				space,
				ctx(hub, world.facilitator)
			);
			await conforms(response, route, 'get');
		}
		const parameters = (doc.paths[route]!.get as unknown as { parameters: { name: string }[] })
			.parameters;
		expect(parameters.map((p) => p.name)).toEqual(['space', 'language']);
	});

	it('health, openapi.json and a refused events request', async () => {
		const health = handleHealth(hub, 'test-version');
		await conforms(health.clone(), '/api/v1/health', 'get');
		expect(await health.json()).toMatchObject({ engine: engine.name, epoch: hub.epoch });
		await conforms(handleOpenapi(), '/api/v1/openapi.json', 'get');
		const events = await handleEvents(new Request('http://hub.test/api/v1/events'), ctx(hub));
		await conforms(events, '/api/v1/events', 'get');
	});
});

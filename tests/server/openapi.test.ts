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
import { openapi } from '../../src/lib/server/openapi';
import { engines, type TestDatabase } from './engines';
import { device, ideaFields, mutation, newSpace, pullRequest, pushRequest } from './helpers';
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
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
	});
	afterAll(() => database.drop());

	it('push: 200, 400, 413, 415, 426', async () => {
		const space = newSpace();
		const phone = device();
		const body = phone.body([
			[mutation(newId(), space, ideaFields()), mutation(newId(), space, { title: 'x' })]
		]);
		await conforms(await handlePush(pushRequest(body), hub), '/api/v1/sync/push', 'post');
		await conforms(await handlePush(pushRequest(body), hub), '/api/v1/sync/push', 'post');
		for (const request of [
			pushRequest('{'),
			pushRequest({ ...body, padding: 'x'.repeat(2_000_000) }),
			pushRequest(body, { 'content-type': 'text/plain' }),
			pushRequest({ ...body, protocol: 42 })
		])
			await conforms(await handlePush(request, hub), '/api/v1/sync/push', 'post');
	});

	it('pull: 200, 400, 409', async () => {
		const space = newSpace();
		await handlePush(pushRequest(device().body([[mutation(newId(), space, ideaFields())]])), hub);
		const queries: Record<string, string>[] = [
			{ space },
			{ space: 'BAD' },
			{ space, after: 'gone.1' }
		];
		for (const query of queries)
			await conforms(await handlePull(pullRequest(query), hub), '/api/v1/sync/pull', 'get');
	});

	it('health, openapi.json and a refused events request', async () => {
		const health = handleHealth(hub, 'test-version');
		await conforms(health.clone(), '/api/v1/health', 'get');
		expect(await health.json()).toMatchObject({ engine: engine.name, epoch: hub.epoch });
		await conforms(handleOpenapi(), '/api/v1/openapi.json', 'get');
		const events = handleEvents(new Request('http://hub.test/api/v1/events'), hub);
		await conforms(events, '/api/v1/events', 'get');
	});
});

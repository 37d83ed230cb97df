import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/domain/ids';
import { limits } from '../../src/lib/domain/protocol';
import { handlePull, handlePush } from '../../src/lib/server/api';
import type { Hub } from '../../src/lib/server/hub';
import { engines, type TestDatabase } from './engines';
import {
	createWorld,
	ctx,
	device,
	ideaFields,
	mutation,
	newSpace,
	pullRequest,
	pushRequest,
	rowCounts,
	type World
} from './helpers';

const space = 'validation-space';
const phone = device();
const good = () => phone.body([[mutation(newId(), space, ideaFields())]]);
const withBatch = (batch: Record<string, unknown>) => ({ ...good(), batches: [batch] });
const withMutation = (change: Record<string, unknown>) =>
	withBatch({ seq: 1, mutations: [{ ...mutation(newId(), space, ideaFields()), ...change }] });

/** Requests that must be refused as a whole: [name, request, status, code]. */
const refused: [string, () => Request, number, string][] = [
	['malformed JSON', () => pushRequest('{"protocol": 1, "batches": ['), 400, 'invalid-request'],
	['a JSON array', () => pushRequest([good()]), 400, 'invalid-request'],
	[
		'another content type',
		() => pushRequest(good(), { 'content-type': 'text/plain' }),
		415,
		'invalid-request'
	],
	[
		'an oversized body',
		() => pushRequest({ ...good(), padding: 'x'.repeat(limits.pushBytes) }),
		413,
		'payload-too-large'
	],
	[
		'an unknown protocol',
		() => pushRequest({ ...good(), protocol: 99 }),
		426,
		'unsupported-protocol'
	],
	[
		'a protocol that is text',
		() => pushRequest({ ...good(), protocol: '1' }),
		400,
		'invalid-request'
	],
	[
		'an unknown top-level field',
		() => pushRequest({ ...good(), admin: true }),
		400,
		'invalid-request'
	],
	[
		'a device id that is no uuid',
		() => pushRequest({ ...good(), deviceId: 'x' }),
		400,
		'invalid-request'
	],
	[
		'a batch number of 0',
		() => pushRequest(withBatch({ seq: 0, mutations: [] })),
		400,
		'invalid-request'
	],
	[
		'a bad space id',
		() => pushRequest(withMutation({ space: 'Not A Slug!' })),
		400,
		'invalid-request'
	],
	['a bad clock', () => pushRequest(withMutation({ hlc: 'yesterday' })), 400, 'invalid-request'],
	[
		'an unknown record type',
		() => pushRequest(withMutation({ type: 'poll' })),
		400,
		'invalid-request'
	],
	[
		'a field value of a wrong type',
		() => pushRequest(withMutation({ patch: { title: { a: 1 } } })),
		400,
		'invalid-request'
	],
	[
		'an unknown mutation field',
		() => pushRequest(withMutation({ extra: 1 })),
		400,
		'invalid-request'
	],
	[
		'too many batches',
		() =>
			pushRequest(
				phone.body(
					Array.from({ length: limits.batchesPerPush + 1 }, () => [
						mutation(newId(), space, ideaFields())
					])
				)
			),
		400,
		'invalid-request'
	]
];

describe.each(engines)('request validation on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
		await world.space({ id: space });
	});
	afterAll(() => database.drop());

	it.each(refused)('refuses %s and writes nothing', async (_name, request, status, code) => {
		const before = await rowCounts(hub.db);
		const response = await handlePush(request(), ctx(hub, world.facilitator));
		expect(response.status).toBe(status);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = (await response.json()) as { error: { code: string; message: string } };
		expect(body).toEqual({ error: { code, message: expect.any(String) } });
		expect(body.error.message.length).toBeGreaterThan(5);
		expect(await rowCounts(hub.db)).toEqual(before);
	});

	it('accepts the same request when it is well formed (the cases above are the only fault)', async () => {
		const response = await handlePush(pushRequest(good()), ctx(hub, world.facilitator));
		expect(response.status).toBe(200);
	});

	it.each([
		[{ space: 'Bad Space' }, 400, 'invalid-request'],
		[{ space: newSpace(), limit: '0' }, 400, 'invalid-request'],
		[{ space: newSpace(), limit: String(limits.pullMax + 1) }, 400, 'invalid-request'],
		[{ space: newSpace(), after: 'not-a-cursor' }, 400, 'invalid-request'],
		[{ space: newSpace(), extra: '1' }, 400, 'invalid-request'],
		[{ space: newSpace(), protocol: '99' }, 426, 'unsupported-protocol']
	])('refuses the pull query %o', async (query, status, code) => {
		const response = await handlePull(
			pullRequest(query as Record<string, string>),
			ctx(hub, world.admin)
		);
		expect(response.status).toBe(status);
		expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
	});
});

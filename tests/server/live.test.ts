import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/domain/ids';
import { handleEvents } from '../../src/lib/server/api';
import type { Hub } from '../../src/lib/server/hub';
import type { ChangeNotice } from '../../src/lib/server/sync/live';
import { engines, type TestDatabase } from './engines';
import { createWorld, ctx, device, ideaFields, mutation, push, type World } from './helpers';

function nextNotice(hub: Hub, space: string): Promise<ChangeNotice> {
	return new Promise((resolve) => {
		const unsubscribe = hub.live.subscribe(space, (notice) => {
			unsubscribe();
			resolve(notice);
		});
	});
}

/** Reads an event stream until `text` has arrived; returns everything read. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string) {
	const decoder = new TextDecoder();
	let received = '';
	while (!received.includes(text)) {
		const { done, value } = await reader.read();
		if (done) throw new Error(`stream ended before "${text}": ${received}`);
		received += decoder.decode(value, { stream: true });
	}
	return received;
}

describe.each(engines)('live channel on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	it('tells a subscriber of the space the cursor after a push', async () => {
		const space = await world.space();
		const other = await world.space();
		let otherCalls = 0;
		const stop = hub.live.subscribe(other, () => otherCalls++);
		const notice = nextNotice(hub, space);
		const answer = await push(
			hub,
			device().body([[mutation(newId(), space, ideaFields())]]),
			world.facilitator
		);
		expect(await notice).toEqual({ space, cursor: answer.checkpoints[space] });
		stop();
		expect(otherCalls).toBe(0);
	});

	it('reaches a second hub instance on the same database', async () => {
		const space = await world.space();
		const second = await database.hub();
		const notice = nextNotice(second, space);
		const answer = await push(
			hub,
			device().body([[mutation(newId(), space, ideaFields())]]),
			world.facilitator
		);
		expect(await notice).toEqual({ space, cursor: answer.checkpoints[space] });
	});

	it('streams Server-Sent Events and cleans up when the client leaves', async () => {
		const space = await world.space();
		const abort = new AbortController();
		const request = new Request(`http://hub.test/api/v1/events?space=${space}`, {
			signal: abort.signal
		});
		const response = await handleEvents(request, ctx(hub, world.facilitator));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const reader = response.body!.getReader();
		await readUntil(reader, ': connected');
		expect(hub.live.subscriberCount(space)).toBe(1);

		const answer = await push(
			hub,
			device().body([[mutation(newId(), space, ideaFields())]]),
			world.facilitator
		);
		const text = await readUntil(reader, '\n\n');
		expect(text).toContain(
			`event: change\ndata: ${JSON.stringify({ cursor: answer.checkpoints[space] })}\n\n`
		);
		abort.abort();
		expect(hub.live.subscriberCount(space)).toBe(0);
		expect((await reader.read()).done).toBe(true);
	});

	it('refuses an events request without a valid space', async () => {
		const bad = new Request('http://hub.test/api/v1/events?space=No!');
		const response = await handleEvents(bad, ctx(hub, world.admin));
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
			'invalid-request'
		);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/domain/auth';
import type { Hub } from '../../src/lib/server/hub';
import { handleUpdateMe } from '../../src/lib/server/privacy/handlers';
import { handleListParticipants, handleRevoke } from '../../src/lib/server/spaces/join';
import { engines, type TestDatabase } from './engines';
import { createWorld, ctx, type World } from './helpers';

function patchMe(space: string | null, body: unknown): Request {
	const query = space === null ? '' : `?space=${space}`;
	return new Request(`http://hub.test/api/v1/me${query}`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

describe.each(engines)("a participant's display name on $name", (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	const rename = (space: string | null, body: unknown, actor: Actor) =>
		handleUpdateMe(patchMe(space, body), ctx(hub, actor));

	async function names(space: string): Promise<Record<string, string>> {
		const response = await handleListParticipants(space, ctx(hub, world.facilitator));
		const { participants } = (await response.json()) as {
			participants: { participant: string; displayName: string }[];
		};
		return Object.fromEntries(participants.map((p) => [p.participant, p.displayName]));
	}

	it('changes the name the facilitators see', async () => {
		const space = await world.space();
		const ana = await world.member(space);
		const response = await rename(space, { displayName: '  Ana from no. 12 ' }, ana.actor);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ displayName: 'Ana from no. 12' });
		expect((await names(space))[ana.participant]).toBe('Ana from no. 12');
		expect(await (await rename(space, { displayName: '' }, ana.actor)).json()).toEqual({
			displayName: ''
		});
		expect((await names(space))[ana.participant]).toBe('');
	});

	it('refuses bad input with 400 and writes nothing', async () => {
		const space = await world.space();
		const ana = await world.member(space);
		await rename(space, { displayName: 'Ana' }, ana.actor);
		for (const [target, body] of [
			[space, { displayName: 'x'.repeat(61) }],
			[space, { displayName: 42 }],
			[space, {}],
			[space, { displayName: 'Bo', space }],
			[null, { displayName: 'Bo' }],
			['Not A Space!', { displayName: 'Bo' }]
		] as const) {
			const response = await rename(target, body, ana.actor);
			expect(response.status, JSON.stringify([target, body])).toBe(400);
		}
		expect((await names(space))[ana.participant]).toBe('Ana');
	});

	it('only lets the participant of that space rename themselves', async () => {
		const space = await world.space();
		const ana = await world.member(space);
		const stranger = await world.member(await world.space());
		const body = { displayName: 'Mallory' };
		expect((await rename(space, body, { kind: 'anonymous' })).status).toBe(401);
		for (const actor of [stranger.actor, world.facilitator, world.admin])
			expect((await rename(space, body, actor)).status).toBe(403);
		expect((await rename('no-such-space', body, ana.actor)).status).toBe(404);
		expect((await names(space))[ana.participant]).toBe('');

		await handleRevoke(space, ana.participant, ctx(hub, world.facilitator));
		const revoked = await rename(space, body, ana.actor);
		expect(revoked.status).toBe(403);
		expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe(
			'token-revoked'
		);
		expect((await names(space))[ana.participant]).toBe('');
	});
});

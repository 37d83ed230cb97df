import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SpaceView } from '../../../src/lib/domain/auth';
import { newId } from '../../../src/lib/domain/ids';
import { resolveActor } from '../../../src/lib/server/auth/actor';
import { readParticipantToken } from '../../../src/lib/server/auth/tokens';
import type { Hub } from '../../../src/lib/server/hub';
import { handleUpdateSpace } from '../../../src/lib/server/spaces/handlers';
import {
	handleJoin,
	handleJoinPreview,
	handleListParticipants,
	handleRevoke
} from '../../../src/lib/server/spaces/join';
import { anonymous, count, ctx, invite, request, setUpHub, type Staff } from '../auth/kit';
import { engines, type TestDatabase } from '../engines';
import { createSpace } from './kit';

const day = 86_400_000;

function bearer(token: string, path = '/api/v1/sync/pull?space=x'): Request {
	return request('GET', path, undefined, { authorization: `Bearer ${token}` });
}

describe.each(engines)('joining spaces on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let admin: Staff;
	let fay: Staff;
	let gus: Staff;
	let space: SpaceView;
	beforeAll(async () => {
		database = await engine.create();
		const first = await database.hub();
		admin = await setUpHub(first);
		fay = await invite(first, admin, 'fay@example.org');
		gus = await invite(first, admin, 'gus@example.org');
		space = await createSpace(first, fay, { retentionUntil: '2099-12-31' });
	});
	// A hub of its own per test: same database, fresh rate limits.
	beforeEach(async () => {
		hub = await database.hub();
	});
	afterAll(() => database.drop());

	async function join(code: string, options: { ip?: string; now?: number; name?: string } = {}) {
		const participant = newId();
		const body = { code, participant, displayName: options.name };
		const response = await handleJoin(
			request('POST', '/api/v1/join', body),
			ctx(hub, anonymous, { ip: options.ip ?? '203.0.113.1', now: options.now ?? Date.now() })
		);
		return { response, participant };
	}

	async function tokenOf(code: string, options: { now?: number } = {}) {
		const { response, participant } = await join(code, options);
		expect(response.status, await response.clone().text()).toBe(200);
		return { token: ((await response.json()) as { token: string }).token, participant };
	}

	it('shows purpose and privacy notice before joining, never the join code', async () => {
		const preview = await handleJoinPreview(space.joinCode!.toLowerCase(), ctx(hub));
		expect(preview.status).toBe(200);
		const { space: shown } = (await preview.json()) as { space: Record<string, unknown> };
		expect(shown).toMatchObject({ id: space.id, privacyNotice: space.privacyNotice });
		expect(shown.joinCode).toBeUndefined();
		const unknown = await handleJoinPreview('ZZZZZZZZZZ', ctx(hub));
		expect(unknown.status).toBe(404);
		expect(await unknown.json()).toMatchObject({ error: { code: 'unknown-join-code' } });
	});

	it('joins with the right code: the token makes a participant of that space', async () => {
		const { response, participant } = await join(space.joinCode!, { name: 'Ana' });
		expect(response.status).toBe(200);
		const body = (await response.json()) as { token: string; space: Record<string, unknown> };
		expect(body.space).toMatchObject({ id: space.id, title: space.title });
		expect(body.space.joinCode).toBeUndefined();
		expect(body.token).toMatch(/^p1\.[\w-]+\.[\w-]{43}$/);
		expect(await resolveActor(bearer(body.token), hub)).toEqual({
			kind: 'participant',
			participant,
			space: space.id
		});
		// EventSource cannot send headers: the events URL carries the token instead.
		const events = request('GET', `/api/v1/events?space=${space.id}&token=${body.token}`);
		expect(await resolveActor(events, hub)).toMatchObject({ kind: 'participant', participant });
		const pull = request('GET', `/api/v1/sync/pull?space=${space.id}&token=${body.token}`);
		expect(await resolveActor(pull, hub)).toEqual(anonymous);
		const [row] = await hub.db.query<{ display_name: string }>(
			'SELECT display_name FROM participants WHERE participant = $1',
			[participant]
		);
		expect(row!.display_name).toBe('Ana');
	});

	it('answers a wrong code with 404 and a bad one with 400, joining nobody', async () => {
		const before = await count(hub, 'participants');
		const { response } = await join('K7MR2XQ9TB');
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({ error: { code: 'unknown-join-code' } });
		expect((await join('no!')).response.status).toBe(400);
		expect(await count(hub, 'participants')).toBe(before);
	});

	it('stops a code guesser with 429 before any success', async () => {
		const now = Date.now();
		const ip = '203.0.113.66';
		for (let i = 0; i < 10; i++) {
			const guess = `GUESS${String(i).padStart(5, '2')}`;
			expect((await join(guess, { ip, now })).response.status).toBe(404);
		}
		const { response, participant } = await join(space.joinCode!, { ip, now });
		expect(response.status).toBe(429);
		expect(await response.json()).toMatchObject({ error: { code: 'rate-limited' } });
		expect(Number(response.headers.get('retry-after'))).toBe(60);
		const preview = await handleJoinPreview(space.joinCode!, ctx(hub, anonymous, { ip, now }));
		expect(preview.status).toBe(429);
		expect(await count(hub, `participants WHERE participant = '${participant}'`)).toBe(0);
		// Someone else in the hall is not affected.
		expect((await join(space.joinCode!, { ip: '203.0.113.67', now })).response.status).toBe(200);
	});

	it('lets a whole hall behind one address join: only wrong codes count', async () => {
		const now = Date.now();
		const ip = '203.0.113.70';
		for (let i = 0; i < 40; i++)
			expect((await join(space.joinCode!, { ip, now })).response.status).toBe(200);
		expect(
			(await handleJoinPreview(space.joinCode!, ctx(hub, anonymous, { ip, now }))).status
		).toBe(200);
	});

	it('rejects a forged, tampered or revoked token', async () => {
		const { token, participant } = await tokenOf(space.joinCode!);
		const [version, payload, signature] = token.split('.') as [string, string, string];
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { s: string };
		const other = Buffer.from(JSON.stringify({ ...claims, s: 'another-space' })).toString(
			'base64url'
		);
		for (const bad of [
			`${version}.${other}.${signature}`,
			`${version}.${payload}.${'A'.repeat(43)}`,
			`p2.${payload}.${signature}`,
			'p1.garbage',
			'x'.repeat(5000)
		])
			expect(await resolveActor(bearer(bad), hub)).toEqual(anonymous);
		expect(await readParticipantToken(hub, token)).toMatchObject({ participant });

		const revoke = (staff?: Staff) => handleRevoke(space.id, participant, ctx(hub, staff?.actor));
		expect((await revoke()).status).toBe(401);
		expect((await revoke(gus)).status).toBe(403);
		expect((await revoke(fay)).status).toBe(204);
		expect(await resolveActor(bearer(token), hub)).toEqual(anonymous);
		// Rejoining under the same id does not undo the revocation.
		const rejoin = await handleJoin(
			request('POST', '/api/v1/join', { code: space.joinCode, participant }),
			ctx(hub)
		);
		expect(rejoin.status).toBe(403);
		expect(await rejoin.json()).toMatchObject({ error: { code: 'token-revoked' } });
		expect((await handleRevoke(space.id, newId(), ctx(hub, fay.actor))).status).toBe(404);

		const listed = await handleListParticipants(space.id, ctx(hub, admin.actor));
		const { participants } = (await listed.json()) as {
			participants: { participant: string; revokedAt: string | null }[];
		};
		expect(participants.find((p) => p.participant === participant)!.revokedAt).not.toBeNull();
		expect((await handleListParticipants(space.id, ctx(hub, gus.actor))).status).toBe(403);
		const [entry] = await hub.db.query<{ action: string }>(
			'SELECT action FROM audit_log WHERE target = $1',
			[`${space.id}/${participant}`]
		);
		expect(entry).toEqual({ action: 'participant.revoke' });
	});

	it('ends tokens after the retention date and refuses joins to closed spaces', async () => {
		const { token } = await tokenOf(space.joinCode!);
		const retentionEnd = Date.parse('2099-12-31T23:59:59Z');
		expect(await resolveActor(bearer(token), hub, retentionEnd)).toMatchObject({
			kind: 'participant'
		});
		expect(await resolveActor(bearer(token), hub, retentionEnd + day)).toEqual(anonymous);
		const late = await join(space.joinCode!, { now: retentionEnd + day });
		expect(late.response.status).toBe(403);

		const closing = await createSpace(hub, fay);
		await handleUpdateSpace(
			request('PATCH', `/api/v1/spaces/${closing.id}`, { status: 'closed' }),
			closing.id,
			ctx(hub, fay.actor)
		);
		const closed = await join(closing.joinCode!);
		expect(closed.response.status).toBe(403);
		expect(await closed.response.json()).toMatchObject({ error: { code: 'space-closed' } });
	});

	it('cannot join a space left over from the spine (no organisation)', async () => {
		await hub.db.query("INSERT INTO spaces (id, join_code) VALUES ('legacy-space', 'LEGACY2345')");
		expect((await join('LEGACY2345')).response.status).toBe(404);
	});
});

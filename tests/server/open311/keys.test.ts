/**
 * Open311 API keys: staff of a map space create (shown once, stored as a SHA-256 only), list and
 * revoke them; each key is a participant of the space named by its label; every change is in
 * the audit log; nobody else may touch them.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/domain/auth';
import { newId } from '../../../src/lib/domain/ids';
import { apiKeyPattern, type ApiKeyView } from '../../../src/lib/domain/open311';
import type { Hub } from '../../../src/lib/server/hub';
import {
	handleCreateApiKey,
	handleListApiKeys,
	handleRevokeApiKey
} from '../../../src/lib/server/open311/keys';
import { openapi } from '../../../src/lib/server/openapi';
import { handleRevoke } from '../../../src/lib/server/spaces/join';
import { engines, type TestDatabase } from '../engines';
import { createWorld, ctx, type World } from '../helpers';
import { validate } from '../json-schema';
import { mapSettings, mapSpace } from '../map/kit';

const root = openapi as unknown as Record<string, unknown>;

function create(space: string, body: unknown): Request {
	return new Request(`http://hub.test/api/v1/spaces/${space}/api-keys`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

describe.each(engines)('Open311 API keys on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	let space: string;

	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
		space = await mapSpace(hub, world, mapSettings(), { published: true });
	});
	afterAll(() => database.drop());

	const list = async (actor: Actor = world.facilitator) => {
		const response = await handleListApiKeys(space, ctx(hub, actor));
		expect(response.status).toBe(200);
		const body = (await response.json()) as { keys: ApiKeyView[] };
		const doc = (openapi.paths['/api/v1/spaces/{space}/api-keys'].get.responses[200].content[
			'application/json'
		].schema ?? {}) as Record<string, unknown>;
		expect(validate(body, doc, root)).toEqual([]);
		return body.keys;
	};

	it('shows a new key once and keeps only its SHA-256', async () => {
		const response = await handleCreateApiKey(
			create(space, { label: '  Rostock 311  ' }),
			space,
			ctx(hub, world.facilitator)
		);
		expect(response.status).toBe(201);
		const body = (await response.json()) as { key: ApiKeyView; secret: string };
		expect(body.secret).toMatch(apiKeyPattern);
		expect(body.key).toMatchObject({ label: 'Rostock 311', createdBy: 'Fay', revokedAt: null });
		const [row] = await hub.db.query<Record<string, unknown>>(
			'SELECT * FROM api_keys WHERE id = $1',
			[body.key.id]
		);
		expect(row!.key_hash).toBe(createHash('sha256').update(body.secret).digest('hex'));
		expect(JSON.stringify(row)).not.toContain(body.secret);
		const listed = await list();
		expect(listed.find((k) => k.id === body.key.id)).toEqual(body.key);
		expect(JSON.stringify(listed)).not.toContain(body.secret);
		// The key is a participant of the space, named by its label.
		const [participant] = await hub.db.query<{ display_name: string; revoked_at: unknown }>(
			'SELECT display_name, revoked_at FROM participants WHERE space = $1 AND participant = $2',
			[space, body.key.participant]
		);
		expect(participant).toEqual({ display_name: 'Rostock 311', revoked_at: null });
		const audit = await hub.db.query<{ action: string; target: string; detail: unknown }>(
			"SELECT action, target, detail FROM audit_log WHERE action LIKE 'api-key.%' AND target = $1",
			[`${space}/${body.key.id}`]
		);
		expect(audit).toEqual([
			{
				action: 'api-key.create',
				target: `${space}/${body.key.id}`,
				detail: { label: 'Rostock 311' }
			}
		]);
	});

	it('revokes a key and its participant, once, in the audit log', async () => {
		const response = await handleCreateApiKey(
			create(space, { label: 'Dashboard' }),
			space,
			ctx(hub, world.admin)
		);
		const { key } = (await response.json()) as { key: ApiKeyView };
		const revoke = () => handleRevokeApiKey(space, key.id.toUpperCase(), ctx(hub, world.admin));
		expect((await revoke()).status).toBe(204);
		expect((await revoke()).status).toBe(204);
		const listed = (await list()).find((k) => k.id === key.id)!;
		expect(listed.revokedAt).toEqual(expect.any(String));
		const [participant] = await hub.db.query<{ revoked: boolean }>(
			`SELECT revoked_at IS NOT NULL AS revoked FROM participants
			WHERE space = $1 AND participant = $2`,
			[space, key.participant]
		);
		expect(participant!.revoked).toBe(true);
		const audit = await hub.db.query<{ action: string; actor: string }>(
			"SELECT action, actor FROM audit_log WHERE action = 'api-key.revoke' AND target = $1",
			[`${space}/${key.id}`]
		);
		expect(audit).toEqual([{ action: 'api-key.revoke', actor: world.admin.accountId }]);
	});

	it('shows a key as revoked when its participant was revoked on the participants page', async () => {
		const response = await handleCreateApiKey(
			create(space, { label: 'Kiosk' }),
			space,
			ctx(hub, world.facilitator)
		);
		const { key } = (await response.json()) as { key: ApiKeyView };
		const revoke = await handleRevoke(space, key.participant, ctx(hub, world.facilitator));
		expect(revoke.status).toBe(204);
		expect((await list()).find((k) => k.id === key.id)!.revokedAt).toEqual(expect.any(String));
	});

	it('answers 404 for a key that is not of this space', async () => {
		const other = await mapSpace(hub, world, mapSettings());
		const response = await handleCreateApiKey(
			create(other, { label: 'Elsewhere' }),
			other,
			ctx(hub, world.facilitator)
		);
		const { key } = (await response.json()) as { key: ApiKeyView };
		for (const id of [key.id, newId(), 'not-a-key']) {
			const answer = await handleRevokeApiKey(space, id, ctx(hub, world.facilitator));
			expect(answer.status).toBe(404);
			expect(await answer.json()).toMatchObject({ error: { code: 'not-found' } });
		}
	});

	it('refuses keys for spaces without a map, and bad labels', async () => {
		const ideas = await world.space();
		const refused = await handleCreateApiKey(
			create(ideas, { label: 'Nope' }),
			ideas,
			ctx(hub, world.facilitator)
		);
		expect(refused.status).toBe(400);
		for (const body of [{ label: '' }, { label: 'x'.repeat(61) }, { name: 'x' }, {}]) {
			const response = await handleCreateApiKey(
				create(space, body),
				space,
				ctx(hub, world.facilitator)
			);
			expect(response.status, JSON.stringify(body)).toBe(400);
		}
	});

	it('lets only the staff of the space manage keys', async () => {
		const member = await world.member(space);
		const outsiders: [Actor, number][] = [
			[{ kind: 'anonymous' }, 401],
			[member.actor, 403],
			[world.otherFacilitator, 403]
		];
		for (const [actor, status] of outsiders) {
			expect((await handleListApiKeys(space, ctx(hub, actor))).status).toBe(status);
			const made = await handleCreateApiKey(create(space, { label: 'X' }), space, ctx(hub, actor));
			expect(made.status).toBe(status);
			expect((await handleRevokeApiKey(space, newId(), ctx(hub, actor))).status).toBe(status);
		}
	});
});

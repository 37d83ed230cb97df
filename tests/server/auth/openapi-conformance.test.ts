import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/lib/domain/ids';
import { handleAudit, handleListAccounts } from '../../../src/lib/server/auth/admin';
import {
	handleLogin,
	handleLogout,
	handleMe,
	handleSetup,
	handleSetupStatus
} from '../../../src/lib/server/auth/handlers';
import { handleCreateInvite, handleGetInvite } from '../../../src/lib/server/auth/invites';
import {
	handleCreateOrganisation,
	handleListOrganisations
} from '../../../src/lib/server/auth/organisations';
import { handleUpdateMe } from '../../../src/lib/server/privacy/handlers';
import {
	handleAddFacilitator,
	handleListFacilitators,
	handleRemoveFacilitator
} from '../../../src/lib/server/spaces/facilitators';
import type { Hub } from '../../../src/lib/server/hub';
import { openapi } from '../../../src/lib/server/openapi';
import {
	handleCreateSpace,
	handleGetSpace,
	handleListSpaces,
	handleUpdateSpace
} from '../../../src/lib/server/spaces/handlers';
import {
	handleJoin,
	handleJoinPreview,
	handleListParticipants,
	handleRevoke
} from '../../../src/lib/server/spaces/join';
import { engines, type TestDatabase } from '../engines';
import { validate } from '../json-schema';
import { spaceBody } from '../spaces/kit';
import { actorOf, anonymous, cookieOf, ctx, invite, password, request, type Staff } from './kit';

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
const doc = openapi as unknown as { paths: Record<string, Record<string, Operation>> };
const root = openapi as unknown as Record<string, unknown>;

/** The response is documented for (route, method, status) and its body fits the schema. */
async function conforms(response: Response, route: string, method: string): Promise<void> {
	const documented = doc.paths[route]?.[method]?.responses[String(response.status)];
	expect(documented, `${method} ${route} ${response.status} is documented`).toBeDefined();
	const schema = documented!.content?.['application/json']?.schema;
	if (response.status === 204) {
		expect(schema).toBeUndefined();
		return;
	}
	expect(schema, `${method} ${route} ${response.status} has a schema`).toBeDefined();
	expect(validate(await response.json(), schema as Record<string, unknown>, root)).toEqual([]);
}

describe.each(engines)('account and space responses match OpenAPI on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let admin: Staff;
	let fay: Staff;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
	});
	afterAll(() => database.drop());

	it('setup, login, me, logout', async () => {
		await conforms(await handleSetupStatus(ctx(hub)), '/api/v1/setup', 'get');
		const bad = request('POST', '/api/v1/setup', { organisation: 'x' });
		await conforms(await handleSetup(bad, ctx(hub)), '/api/v1/setup', 'post');
		const body = { organisation: 'City', name: 'Ada', email: 'admin@example.org', password };
		await conforms(
			await handleSetup(request('POST', '/api/v1/setup', body), ctx(hub)),
			'/api/v1/setup',
			'post'
		);
		await conforms(
			await handleSetup(request('POST', '/api/v1/setup', body), ctx(hub)),
			'/api/v1/setup',
			'post'
		);
		const login = (password: string) =>
			handleLogin(
				request('POST', '/api/v1/auth/login', { email: 'admin@example.org', password }),
				ctx(hub)
			);
		await conforms(await login(password), '/api/v1/auth/login', 'post');
		await conforms(await login('wrong password'), '/api/v1/auth/login', 'post');
		const session = cookieOf(await login(password));
		admin = {
			actor: (await actorOf(hub, session)) as Staff['actor'],
			cookie: session,
			email: body.email
		};
		await conforms(await handleMe(ctx(hub, admin.actor)), '/api/v1/auth/me', 'get');
		await conforms(await handleMe(ctx(hub)), '/api/v1/auth/me', 'get');
		const out = request('POST', '/api/v1/auth/logout');
		await conforms(await handleLogout(out, ctx(hub)), '/api/v1/auth/logout', 'post');
	});

	it('invites, accounts, audit', async () => {
		const create = (email: string, actor = admin.actor) =>
			handleCreateInvite(
				request('POST', '/api/v1/invites', { email, role: 'facilitator' }),
				ctx(hub, actor)
			);
		const created = await create('new@example.org');
		const { invite: made } = (await created.clone().json()) as { invite: { token: string } };
		await conforms(created, '/api/v1/invites', 'post');
		await conforms(await create(admin.email), '/api/v1/invites', 'post');
		await conforms(await handleGetInvite(made.token, ctx(hub)), '/api/v1/invites/{token}', 'get');
		await conforms(await handleGetInvite('nope', ctx(hub)), '/api/v1/invites/{token}', 'get');
		fay = await invite(hub, admin, 'fay@example.org');
		await conforms(await create('x@example.org', fay.actor), '/api/v1/invites', 'post');
		await conforms(await handleListAccounts(ctx(hub, admin.actor)), '/api/v1/accounts', 'get');
		await conforms(await handleListAccounts(ctx(hub)), '/api/v1/accounts', 'get');
		await conforms(await handleAudit(ctx(hub, admin.actor)), '/api/v1/audit', 'get');
		await conforms(await handleAudit(ctx(hub, fay.actor)), '/api/v1/audit', 'get');
	});

	it('spaces, join, participants', async () => {
		const body = spaceBody({ retentionUntil: '2040-01-31' });
		const post = (value: unknown) =>
			handleCreateSpace(request('POST', '/api/v1/spaces', value), ctx(hub, fay.actor));
		const created = await post(body);
		const { space } = (await created.clone().json()) as { space: { id: string; joinCode: string } };
		await conforms(created, '/api/v1/spaces', 'post');
		await conforms(await post(body), '/api/v1/spaces', 'post');
		await conforms(await post({ ...body, id: 'BAD' }), '/api/v1/spaces', 'post');
		await conforms(await handleListSpaces(ctx(hub, fay.actor)), '/api/v1/spaces', 'get');
		const one = '/api/v1/spaces/{space}';
		await conforms(await handleGetSpace(space.id, ctx(hub)), one, 'get');
		await conforms(await handleGetSpace(space.id, ctx(hub, fay.actor)), one, 'get');
		await conforms(await handleGetSpace('missing', ctx(hub)), one, 'get');
		const patch = (value: unknown) =>
			handleUpdateSpace(request('PATCH', one, value), space.id, ctx(hub, fay.actor));
		await conforms(await patch({ published: true }), one, 'patch');
		await conforms(await patch({ status: 'gone' }), one, 'patch');

		await conforms(await handleJoinPreview(space.joinCode, ctx(hub)), '/api/v1/join/{code}', 'get');
		await conforms(await handleJoinPreview('WRONG23456', ctx(hub)), '/api/v1/join/{code}', 'get');
		const participant = newId();
		const join = (code: string) =>
			handleJoin(request('POST', '/api/v1/join', { code, participant }), ctx(hub));
		await conforms(await join(space.joinCode), '/api/v1/join', 'post');
		await conforms(await join('WRONG23456'), '/api/v1/join', 'post');
		await conforms(await join('?'), '/api/v1/join', 'post');
		const list = '/api/v1/spaces/{space}/participants';
		await conforms(await handleListParticipants(space.id, ctx(hub, fay.actor)), list, 'get');
		const revoke = `${list}/{participant}/revoke`;
		await conforms(await handleRevoke(space.id, participant, ctx(hub, fay.actor)), revoke, 'post');
		await conforms(await handleRevoke(space.id, participant, ctx(hub)), revoke, 'post');
		await conforms(await join(space.joinCode), '/api/v1/join', 'post');
	});

	it('organisations, facilitators, display name', async () => {
		const orgs = '/api/v1/organisations';
		const create = (value: unknown, actor = admin.actor) =>
			handleCreateOrganisation(request('POST', orgs, value), ctx(hub, actor));
		await conforms(
			await create({ name: 'Housing North', adminEmail: 'h@example.org' }),
			orgs,
			'post'
		);
		await conforms(
			await create({ name: 'Housing North', adminEmail: 'i@example.org' }),
			orgs,
			'post'
		);
		await conforms(await create({ name: '' }), orgs, 'post');
		await conforms(
			await create({ name: 'X', adminEmail: 'x@example.org' }, fay.actor),
			orgs,
			'post'
		);
		await conforms(await handleListOrganisations(ctx(hub, admin.actor)), orgs, 'get');
		await conforms(await handleListOrganisations(ctx(hub)), orgs, 'get');

		const space = (await (
			await handleCreateSpace(request('POST', '/api/v1/spaces', spaceBody()), ctx(hub, fay.actor))
		).json()) as { space: { id: string; joinCode: string } };
		const id = space.space.id;
		const list = '/api/v1/spaces/{space}/facilitators';
		const add = (value: unknown, actor = fay.actor) =>
			handleAddFacilitator(request('POST', list, value), id, ctx(hub, actor));
		await conforms(await handleListFacilitators(id, ctx(hub, fay.actor)), list, 'get');
		await conforms(await handleListFacilitators(id, ctx(hub)), list, 'get');
		await conforms(await add({ accountId: admin.actor.accountId }), list, 'post');
		await conforms(await add({ accountId: 'nope' }), list, 'post');
		await conforms(await add({ accountId: newId() }), list, 'post');
		const one = `${list}/{account}`;
		const remove = (account: string) => handleRemoveFacilitator(id, account, ctx(hub, fay.actor));
		await conforms(await remove(admin.actor.accountId), one, 'delete');
		await conforms(await remove(fay.actor.accountId), one, 'delete');

		const participant = newId();
		await handleJoin(
			request('POST', '/api/v1/join', { code: space.space.joinCode, participant }),
			ctx(hub)
		);
		const actor = { kind: 'participant' as const, participant, space: id };
		const rename = (value: unknown, who: Parameters<typeof ctx>[1] = actor) =>
			handleUpdateMe(request('PATCH', `/api/v1/me?space=${id}`, value), ctx(hub, who));
		await conforms(await rename({ displayName: 'Ana' }), '/api/v1/me', 'patch');
		await conforms(await rename({ displayName: 7 }), '/api/v1/me', 'patch');
		await conforms(await rename({ displayName: 'Ana' }, fay.actor), '/api/v1/me', 'patch');
		await conforms(await rename({ displayName: 'Ana' }, anonymous), '/api/v1/me', 'patch');
	});
});

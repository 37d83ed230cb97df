import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleAudit, handleListAccounts } from '../../../src/lib/server/auth/admin';
import { handleLogin } from '../../../src/lib/server/auth/handlers';
import {
	handleAcceptInvite,
	handleCreateInvite,
	handleGetInvite
} from '../../../src/lib/server/auth/invites';
import type { Hub } from '../../../src/lib/server/hub';
import { engines, type TestDatabase } from '../engines';
import {
	actorOf,
	cookieOf,
	count,
	ctx,
	invite,
	password,
	request,
	setUpHub,
	type Staff
} from './kit';

const day = 86_400_000;

async function createInvite(hub: Hub, admin: Staff, email: string, now = Date.now()) {
	const response = await handleCreateInvite(
		request('POST', '/api/v1/invites', { email, role: 'facilitator' }),
		ctx(hub, admin.actor, { now })
	);
	expect(response.status).toBe(201);
	return ((await response.json()) as { invite: { token: string; url: string; expiresAt: string } })
		.invite;
}

function accept(hub: Hub, token: string, now = Date.now(), name = 'Fay Facilitator') {
	return handleAcceptInvite(
		request('POST', `/api/v1/invites/${token}/accept`, { name, password }),
		token,
		ctx(hub, undefined, { now })
	);
}

describe.each(engines)('invites, accounts and audit on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let admin: Staff;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		admin = await setUpHub(hub);
	});
	afterAll(() => database.drop());

	it('lets only an admin invite', async () => {
		const body = { email: 'x@example.org', role: 'facilitator' };
		const anonymous = await handleCreateInvite(request('POST', '/api/v1/invites', body), ctx(hub));
		expect(anonymous.status).toBe(401);
		const facilitator = await invite(hub, admin, 'first@example.org');
		const forbidden = await handleCreateInvite(
			request('POST', '/api/v1/invites', body),
			ctx(hub, facilitator.actor)
		);
		expect(forbidden.status).toBe(403);
		expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
		const badRole = await handleCreateInvite(
			request('POST', '/api/v1/invites', { email: 'x@example.org', role: 'owner' }),
			ctx(hub, admin.actor)
		);
		expect(badRole.status).toBe(400);
		expect(await count(hub, "invites WHERE email = 'x@example.org'")).toBe(0);
	});

	it('shows an invite, accepts it once, and the facilitator can log in', async () => {
		const now = Date.now();
		const created = await createInvite(hub, admin, 'Fay@Example.org', now);
		expect(created.url).toBe(`/invite/${created.token}`);
		expect(Date.parse(created.expiresAt)).toBe(now + 7 * day);
		const shown = await handleGetInvite(created.token, ctx(hub));
		expect(await shown.json()).toEqual({
			email: 'fay@example.org',
			role: 'facilitator',
			organisationName: 'City of Example',
			expiresAt: created.expiresAt
		});

		const accepted = await accept(hub, created.token);
		expect(accepted.status).toBe(201);
		expect(await accepted.json()).toMatchObject({
			account: { email: 'fay@example.org', role: 'facilitator', name: 'Fay Facilitator' }
		});
		expect(await actorOf(hub, cookieOf(accepted))).toMatchObject({ role: 'facilitator' });
		const login = await handleLogin(
			request('POST', '/api/v1/auth/login', { email: 'fay@example.org', password }),
			ctx(hub)
		);
		expect(login.status).toBe(200);

		const twice = await accept(hub, created.token, Date.now(), 'Mallory');
		expect(twice.status).toBe(410);
		expect(await twice.json()).toMatchObject({ error: { code: 'invite-expired' } });
		expect(await count(hub, "accounts WHERE email = 'fay@example.org'")).toBe(1);
	});

	it('expires an invite after 7 days', async () => {
		const now = Date.now();
		const created = await createInvite(hub, admin, 'late@example.org', now);
		const expired = await handleGetInvite(
			created.token,
			ctx(hub, undefined, { now: now + 7 * day })
		);
		expect(expired.status).toBe(410);
		expect((await accept(hub, created.token, now + 7 * day + 1)).status).toBe(410);
		expect(await count(hub, "accounts WHERE email = 'late@example.org'")).toBe(0);
		expect((await accept(hub, created.token, now + 6 * day)).status).toBe(201);
	});

	it('answers 404 for an unknown invite and 400 for a weak password', async () => {
		expect((await handleGetInvite('nope', ctx(hub))).status).toBe(404);
		const created = await createInvite(hub, admin, 'weak@example.org');
		const weak = await handleAcceptInvite(
			request('POST', '/api/v1/invites/x/accept', { name: 'Weak', password: 'short' }),
			created.token,
			ctx(hub)
		);
		expect(weak.status).toBe(400);
		expect(await count(hub, "accounts WHERE email = 'weak@example.org'")).toBe(0);
		expect((await handleGetInvite(created.token, ctx(hub))).status).toBe(200);
	});

	it('refuses to invite an email that already has an account', async () => {
		const response = await handleCreateInvite(
			request('POST', '/api/v1/invites', { email: admin.email, role: 'admin' }),
			ctx(hub, admin.actor)
		);
		expect(response.status).toBe(409);
	});

	it('lists accounts and the audit log to admins only, newest entry first', async () => {
		const facilitator = await invite(hub, admin, 'lister@example.org');
		const list = await handleListAccounts(ctx(hub, admin.actor));
		const { accounts } = (await list.json()) as { accounts: { email: string }[] };
		expect(accounts.map((a) => a.email)).toEqual(
			expect.arrayContaining(['admin@example.org', 'fay@example.org', 'lister@example.org'])
		);
		expect((await handleListAccounts(ctx(hub, facilitator.actor))).status).toBe(403);
		expect((await handleListAccounts(ctx(hub))).status).toBe(401);

		const audit = await handleAudit(ctx(hub, admin.actor));
		const { entries } = (await audit.json()) as {
			entries: { action: string; target: string; actorName: string }[];
		};
		expect(entries[0]).toMatchObject({ action: 'invite.accept', target: 'lister@example.org' });
		expect(entries[1]).toMatchObject({ action: 'invite.create', actorName: 'Ada Admin' });
		expect(entries.at(-1)).toMatchObject({ action: 'hub.setup' });
		expect((await handleAudit(ctx(hub, facilitator.actor))).status).toBe(403);
	});
});

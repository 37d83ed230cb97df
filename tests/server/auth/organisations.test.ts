import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, OrganisationView } from '../../../src/lib/domain/auth';
import { handleAudit } from '../../../src/lib/server/auth/admin';
import { handleMe } from '../../../src/lib/server/auth/handlers';
import { handleAcceptInvite, handleGetInvite } from '../../../src/lib/server/auth/invites';
import {
	handleCreateOrganisation,
	handleListOrganisations
} from '../../../src/lib/server/auth/organisations';
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

interface Created {
	organisation: { id: string; name: string };
	invite: { token: string; url: string; expiresAt: string };
}

describe.each(engines)('organisations on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let operator: Staff;
	let otherAdmin: Staff;
	let fay: Staff;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		operator = await setUpHub(hub, 'City of Example');
		otherAdmin = await invite(hub, operator, 'second-admin@example.org', 'admin');
		fay = await invite(hub, operator, 'fay@example.org');
	});
	afterAll(() => database.drop());

	/** As the operator, or as `staff` (null: anonymous). */
	const create = (body: unknown, staff: Staff | null = operator) =>
		handleCreateOrganisation(
			request('POST', '/api/v1/organisations', body),
			ctx(hub, staff?.actor)
		);
	const list = (staff?: Staff) => handleListOrganisations(ctx(hub, staff?.actor));

	async function me(staff: Staff): Promise<AccountView> {
		const response = await handleMe(ctx(hub, staff.actor));
		return ((await response.json()) as { account: AccountView }).account;
	}

	const written = async () => ({
		organisations: await count(hub, 'organisations'),
		invites: await count(hub, 'invites'),
		audit: await count(hub, 'audit_log')
	});

	it('makes the account of setup the operator, and nobody else', async () => {
		expect((await me(operator)).operator).toBe(true);
		expect((await me(otherAdmin)).operator).toBe(false);
		expect((await me(fay)).operator).toBe(false);
	});

	it('lets only the operator list and create organisations', async () => {
		expect((await list()).status).toBe(401);
		expect((await list(otherAdmin)).status).toBe(403);
		expect((await list(fay)).status).toBe(403);
		const body = { name: 'Nobody’s District', adminEmail: 'nobody@example.org' };
		const before = await written();
		expect((await create(body, null)).status).toBe(401);
		expect((await create(body, otherAdmin)).status).toBe(403);
		expect((await create(body, fay)).status).toBe(403);
		expect(await written()).toEqual(before);
	});

	it('refuses bad input with 400 and writes nothing', async () => {
		const before = await written();
		const bad = [
			{ name: 'District', adminEmail: 'not an email' },
			{ name: '   ', adminEmail: 'x@example.org' },
			{ name: 'x'.repeat(101), adminEmail: 'x@example.org' },
			{ name: 'District' },
			{ name: 'District', adminEmail: 'x@example.org', role: 'admin' },
			'District'
		];
		for (const body of bad) {
			const response = await create(body);
			expect(response.status, JSON.stringify(body)).toBe(400);
			const { error } = (await response.json()) as { error: { code: string } };
			expect(error.code).toBe('invalid-request');
		}
		expect(await written()).toEqual(before);
	});

	it('creates an organisation whose invited admin runs it, audited on both sides', async () => {
		const response = await create({ name: '  Housing North ', adminEmail: 'Hana@Example.org' });
		expect(response.status).toBe(201);
		const created = (await response.json()) as Created;
		expect(created.organisation.name).toBe('Housing North');
		expect(created.invite.url).toBe(`/invite/${created.invite.token}`);
		const days = (Date.parse(created.invite.expiresAt) - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(6.9);

		const offered = await handleGetInvite(created.invite.token, ctx(hub));
		expect(await offered.json()).toMatchObject({
			email: 'hana@example.org',
			role: 'admin',
			organisationName: 'Housing North'
		});
		const accepted = await handleAcceptInvite(
			request('POST', '/api/v1/invites/x/accept', { name: 'Hana', password }),
			created.invite.token,
			ctx(hub)
		);
		expect(accepted.status).toBe(201);
		const { account } = (await accepted.json()) as { account: AccountView };
		expect(account).toMatchObject({
			organisation: created.organisation.id,
			organisationName: 'Housing North',
			role: 'admin',
			operator: false
		});
		const hana = await actorOf(hub, cookieOf(accepted));
		expect((await handleListOrganisations(ctx(hub, hana))).status).toBe(403);

		const entries = async (actor: Staff['actor'] | typeof hana) => {
			const answer = await handleAudit(ctx(hub, actor));
			return ((await answer.json()) as { entries: { action: string; target: string }[] }).entries;
		};
		for (const log of [await entries(operator.actor), await entries(hana)])
			expect(log).toContainEqual(
				expect.objectContaining({ action: 'organisation.create', target: created.organisation.id })
			);
		// The new organisation's log holds nothing of the operator's own organisation.
		expect((await entries(hana)).map((entry) => entry.action)).not.toContain('hub.setup');

		const listed = await list(operator);
		expect(listed.status).toBe(200);
		const { organisations } = (await listed.json()) as { organisations: OrganisationView[] };
		expect(organisations.map(({ name, accounts }) => ({ name, accounts }))).toEqual([
			{ name: 'City of Example', accounts: 3 },
			{ name: 'Housing North', accounts: 1 }
		]);
	});

	it('refuses a taken name or admin email with 409 and writes nothing', async () => {
		await create({ name: 'Port Authority', adminEmail: 'port@example.org' });
		const before = await written();
		const taken = [
			{ name: 'port authority', adminEmail: 'someone-new@example.org' },
			{ name: 'Fresh Name', adminEmail: 'fay@example.org' }
		];
		for (const body of taken) expect((await create(body)).status, body.name).toBe(409);
		expect(await written()).toEqual(before);
	});
});

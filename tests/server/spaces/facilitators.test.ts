import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, FacilitatorView } from '../../../src/lib/domain/auth';
import { newId } from '../../../src/lib/domain/ids';
import { auditEntries } from '../../../src/lib/server/audit';
import type { Hub } from '../../../src/lib/server/hub';
import {
	handleAddFacilitator,
	handleListFacilitators,
	handleRemoveFacilitator
} from '../../../src/lib/server/spaces/facilitators';
import { handleGetSpace } from '../../../src/lib/server/spaces/handlers';
import { count, ctx, request } from '../auth/kit';
import { engines, type TestDatabase } from '../engines';
import { createWorld, type World } from '../helpers';

describe.each(engines)('facilitators of a space on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	let elsewhere: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
		elsewhere = await createWorld(hub);
	});
	afterAll(() => database.drop());

	const add = (space: string, body: unknown, actor: Actor = world.facilitator) =>
		handleAddFacilitator(request('POST', `/x`, body), space, ctx(hub, actor));
	const remove = (space: string, account: string, actor: Actor = world.facilitator) =>
		handleRemoveFacilitator(space, account, ctx(hub, actor));
	const ids = async (response: Response) =>
		((await response.json()) as { facilitators: FacilitatorView[] }).facilitators.map((f) => f.id);
	const actions = async () =>
		(await auditEntries(hub.db, world.organisation)).map((entry) => entry.action);

	it('lists the facilitators with name and email, for the space staff only', async () => {
		const space = await world.space();
		const member = await world.member(space);
		const listed = await handleListFacilitators(space, ctx(hub, world.admin));
		expect(listed.status).toBe(200);
		expect(await listed.json()).toEqual({
			facilitators: [
				{ id: world.facilitator.accountId, name: 'Fay', email: world.facilitator.email }
			]
		});
		const status = async (actor: Actor) =>
			(await handleListFacilitators(space, ctx(hub, actor))).status;
		expect(await status(world.facilitator)).toBe(200);
		expect(await status({ kind: 'anonymous' })).toBe(401);
		expect(await status(member.actor)).toBe(403);
		expect(await status(world.otherFacilitator)).toBe(403);
		expect(await status(elsewhere.admin)).toBe(403);
		expect((await handleListFacilitators('no-such-space', ctx(hub, world.admin))).status).toBe(404);
	});

	it('adds an account of the organisation, who then manages the space; audited once', async () => {
		const space = await world.space();
		const otto = world.otherFacilitator;
		const staffView = async () =>
			((await (await handleGetSpace(space, ctx(hub, otto))).json()) as { space: object }).space;
		expect(await staffView()).not.toHaveProperty('joinCode');
		const added = await add(space, { accountId: otto.accountId });
		expect(added.status).toBe(200);
		expect((await ids(added)).sort()).toEqual([world.facilitator.accountId, otto.accountId].sort());
		expect(await staffView()).toHaveProperty('joinCode');
		const entries = await auditEntries(hub.db, world.organisation);
		expect(entries[0]).toMatchObject({
			action: 'facilitator.add',
			actor: world.facilitator.accountId,
			target: `${space}/${otto.accountId}`
		});
		const audits = await count(hub, 'audit_log');
		expect((await add(space, { accountId: otto.accountId.toUpperCase() })).status).toBe(200);
		expect(await count(hub, 'audit_log')).toBe(audits);
	});

	it('refuses bad input, strangers and other organisations, writing nothing', async () => {
		const space = await world.space();
		const member = await world.member(space);
		const before = {
			facilitators: await count(hub, 'space_facilitators'),
			audit: await count(hub, 'audit_log')
		};
		const otto = { accountId: world.otherFacilitator.accountId };
		for (const body of [{}, { accountId: 'otto' }, { ...otto, role: 'admin' }, [otto]]) {
			const response = await add(space, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
		}
		const notFound = async (response: Response) => {
			expect(response.status).toBe(404);
			expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not-found');
		};
		await notFound(await add(space, { accountId: elsewhere.facilitator.accountId }));
		await notFound(await add(space, { accountId: newId() }));
		expect((await add(space, otto, { kind: 'anonymous' })).status).toBe(401);
		expect((await add(space, otto, member.actor)).status).toBe(403);
		expect((await add(space, otto, world.otherFacilitator)).status).toBe(403);
		expect((await add(space, otto, elsewhere.admin)).status).toBe(403);
		expect((await add('no-such-space', otto, world.admin)).status).toBe(404);
		expect({
			facilitators: await count(hub, 'space_facilitators'),
			audit: await count(hub, 'audit_log')
		}).toEqual(before);
	});

	it('removes a facilitator but never the last one', async () => {
		const space = await world.space({ facilitators: [world.facilitator, world.otherFacilitator] });
		const fay = world.facilitator.accountId;
		const otto = world.otherFacilitator.accountId;
		expect((await remove(space, otto, { kind: 'anonymous' })).status).toBe(401);
		expect((await remove(space, otto, elsewhere.admin)).status).toBe(403);
		const removed = await remove(space, otto, world.admin);
		expect(removed.status).toBe(200);
		expect(await ids(removed)).toEqual([fay]);
		expect((await actions())[0]).toBe('facilitator.remove');
		const view = await handleGetSpace(space, ctx(hub, world.otherFacilitator));
		expect(((await view.json()) as { space: object }).space).not.toHaveProperty('joinCode');

		const audits = await count(hub, 'audit_log');
		const last = await remove(space, fay);
		expect(last.status).toBe(409);
		expect(((await last.json()) as { error: { code: string } }).error.code).toBe(
			'last-facilitator'
		);
		expect((await remove(space, otto)).status).toBe(404);
		expect((await remove(space, elsewhere.facilitator.accountId)).status).toBe(404);
		expect((await remove(space, 'not-a-uuid')).status).toBe(404);
		expect(await count(hub, 'audit_log')).toBe(audits);
		expect(await ids(await handleListFacilitators(space, ctx(hub, world.admin)))).toEqual([fay]);
	});
});

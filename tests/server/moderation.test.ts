import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/domain/auth';
import { newId } from '../../src/lib/domain/ids';
import { mergeStates } from '../../src/lib/domain/merge';
import type { RemoteRecord } from '../../src/lib/domain/protocol';
import type { Hub } from '../../src/lib/server/hub';
import {
	handleListReports,
	handleModeration,
	handleReport
} from '../../src/lib/server/moderation/handlers';
import type { ChangeNotice } from '../../src/lib/server/sync/live';
import { engines, type TestDatabase } from './engines';
import { createWorld, ctx, hlc, ideaFields, mutation, pull, push, type World } from './helpers';

const anonymous: Actor = { kind: 'anonymous' };

function post(body: unknown): Request {
	return new Request('http://hub.test/api/v1/x', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

/** What a device that merges every pulled change into its copy ends up with. */
function merged(local: RemoteRecord, pulled: RemoteRecord): RemoteRecord {
	return { ...local, ...mergeStates(local, pulled) };
}

describe.each(engines)('moderation on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	async function contribution(published = false) {
		const space = await world.space({ published });
		const ana = await world.member(space);
		const id = newId();
		await push(hub, ana.body([[mutation(id, space, ideaFields())]]), ana.actor);
		const first = await pull(hub, { space }, ana.actor);
		return { space, ana, id, record: first.changes[0]!, cursor: first.cursor };
	}

	const moderate = (actor: Actor, space: string, record: string, hide: boolean) =>
		handleModeration(
			post({ reason: 'Insults a neighbour' }),
			ctx(hub, actor),
			{ space, record },
			hide
		);

	it('hides a record from participants and the public, keeps it for staff, audits and announces', async () => {
		const { space, ana, id, record, cursor } = await contribution(true);
		const notice = new Promise<ChangeNotice>((resolve) => {
			const stop = hub.live.subscribe(space, (n) => (stop(), resolve(n)));
		});
		const answer = await moderate(world.facilitator, space, id, true);
		expect(answer.status).toBe(200);
		const body = (await answer.json()) as { cursor: string };
		expect(await notice).toEqual({ space, cursor: body.cursor });

		// The device that already had it receives a tombstone after its cursor and drops it.
		const seen = await pull(hub, { space, after: cursor }, ana.actor);
		expect(seen.changes).toHaveLength(1);
		const tombstone = seen.changes[0]!;
		expect(tombstone).toMatchObject({ id, hidden: true, fields: { deleted: true } });
		expect(Object.keys(tombstone.fields)).toEqual(['deleted']);
		expect(merged(record, tombstone).fields.deleted).toBe(true);
		expect(JSON.stringify(seen)).not.toContain(ideaFields().title as string);

		const publicView = await pull(hub, { space }, anonymous);
		expect(publicView.changes[0]).toMatchObject({ hidden: true, fields: { deleted: true } });
		expect(JSON.stringify(publicView)).not.toContain(ideaFields().title as string);

		const staff = (await pull(hub, { space }, world.admin)).changes[0]!;
		expect(staff).toMatchObject({ hidden: true, hiddenReason: 'Insults a neighbour' });
		expect(staff.fields.title).toBe(ideaFields().title);

		const [entry] = await hub.db.query<{ action: string; actor: string; target: string }>(
			"SELECT action, actor, target FROM audit_log WHERE action = 'record.hide' AND target = $1",
			[`${space}/${id}`]
		);
		expect(entry).toEqual({
			action: 'record.hide',
			actor: world.facilitator.accountId,
			target: `${space}/${id}`
		});
	});

	it('gives the record back to devices that dropped it when it is unhidden', async () => {
		const { space, ana, id, record, cursor } = await contribution();
		await moderate(world.facilitator, space, id, true);
		const hidden = await pull(hub, { space, after: cursor }, ana.actor);
		const onDevice = merged(record, hidden.changes[0]!);
		expect((await moderate(world.admin, space, id, false)).status).toBe(200);
		const back = await pull(hub, { space, after: hidden.cursor }, ana.actor);
		expect(back.changes[0]!.hidden).toBeUndefined();
		const restored = merged(onDevice, back.changes[0]!);
		expect(restored.fields).toMatchObject({ deleted: false, title: ideaFields().title });
	});

	it('does not let the author edit a hidden record', async () => {
		const { space, ana, id } = await contribution();
		await moderate(world.facilitator, space, id, true);
		const edit = ana.body([[mutation(id, space, { title: 'Sneaky' }, hlc(50))]], 2);
		const answer = await push(hub, edit, ana.actor);
		expect(answer.results[0]!.mutations[0]).toMatchObject({
			status: 'rejected',
			code: 'forbidden'
		});
	});

	it('refuses moderation to participants (403), strangers (403) and anonymous (401)', async () => {
		const { space, ana, id } = await contribution(true);
		expect((await moderate(ana.actor, space, id, true)).status).toBe(403);
		expect((await moderate(world.otherFacilitator, space, id, true)).status).toBe(403);
		expect((await moderate(anonymous, space, id, true)).status).toBe(401);
		expect((await moderate(world.facilitator, space, newId(), true)).status).toBe(404);
		const staff = (await pull(hub, { space }, world.admin)).changes[0]!;
		expect(staff.hidden).toBeUndefined();
	});

	it('takes reports from participants of the space and lists them for staff', async () => {
		const { space, id } = await contribution();
		const ben = await world.member(space);
		const stranger = await world.member(await world.space());
		const report = (actor: Actor) =>
			handleReport(post({ reason: 'Spam' }), ctx(hub, actor), { space, record: id });
		expect((await report(ben.actor)).status).toBe(201);
		expect((await report(stranger.actor)).status).toBe(403);
		expect((await report(anonymous)).status).toBe(401);
		const list = await handleListReports(ctx(hub, world.facilitator), space);
		expect(list.status).toBe(200);
		const { reports } = (await list.json()) as { reports: { record: string; reporter: string }[] };
		expect(reports).toEqual([
			expect.objectContaining({ record: id, reporter: ben.participant, reason: 'Spam' })
		]);
		expect((await handleListReports(ctx(hub, ben.actor), space)).status).toBe(403);
	});
});

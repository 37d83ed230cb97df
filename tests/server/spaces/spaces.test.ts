import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinCodeAlphabet } from '../../../src/lib/domain/auth';
import type { Hub } from '../../../src/lib/server/hub';
import {
	handleCreateSpace,
	handleGetSpace,
	handleListSpaces,
	handleUpdateSpace
} from '../../../src/lib/server/spaces/handlers';
import { count, ctx, invite, request, setUpHub, type Staff } from '../auth/kit';
import { engines, type TestDatabase } from '../engines';
import { createSpace, spaceBody } from './kit';

describe.each(engines)('spaces on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let admin: Staff;
	let fay: Staff;
	let gus: Staff;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		admin = await setUpHub(hub);
		fay = await invite(hub, admin, 'fay@example.org');
		gus = await invite(hub, admin, 'gus@example.org');
	});
	afterAll(() => database.drop());

	const create = (body: unknown, actor = fay.actor) =>
		handleCreateSpace(request('POST', '/api/v1/spaces', body), ctx(hub, actor));

	it('refuses bad input with 400 and writes nothing', async () => {
		const before = {
			spaces: await count(hub, 'spaces'),
			audit: await count(hub, 'audit_log')
		};
		const bad = [
			spaceBody({ id: 'Bad Id!' }),
			spaceBody({ id: '-dash' }),
			spaceBody({ privacyNotice: '   ' }),
			(({ privacyNotice: _, ...rest }) => rest)(spaceBody()),
			spaceBody({ erasePolicy: 'forget' }),
			spaceBody({ retentionUntil: '2030-02-31' }),
			spaceBody({ published: 'yes' }),
			spaceBody({ extra: true }),
			spaceBody({ kind: 'party' }),
			spaceBody({ date: '2030-13-01' }),
			spaceBody({ place: 'x'.repeat(201) }),
			spaceBody({ languages: ['en', 'en'] }),
			spaceBody({ languages: ['English'] })
		];
		for (const body of bad) {
			const response = await create(body);
			expect(response.status, JSON.stringify(body)).toBe(400);
			const { error } = (await response.json()) as { error: { code: string; message: string } };
			expect(error.code).toBe('invalid-request');
			expect(error.message.length).toBeGreaterThan(5);
		}
		expect({
			spaces: await count(hub, 'spaces'),
			audit: await count(hub, 'audit_log')
		}).toEqual(before);
		const anonymous = await handleCreateSpace(
			request('POST', '/api/v1/spaces', spaceBody()),
			ctx(hub)
		);
		expect(anonymous.status).toBe(401);
	});

	it('creates a space with a join code, its creator as facilitator', async () => {
		const space = await createSpace(hub, fay, { retentionUntil: '2030-12-31', published: true });
		expect(space.joinCode).toMatch(new RegExp(`^[${joinCodeAlphabet}]{10}$`));
		expect(space.facilitators).toEqual([fay.actor.accountId]);
		expect(space).toMatchObject({ status: 'open', retentionUntil: '2030-12-31', published: true });
		const taken = await create(spaceBody({ id: space.id }));
		expect(taken.status).toBe(409);
	});

	it('creates a workshop with its day, place and languages, and changes them', async () => {
		const workshop = {
			kind: 'workshop',
			date: '2030-06-30',
			place: 'Town hall',
			languages: ['de', 'tr']
		};
		const response = await create(spaceBody(workshop));
		expect(response.status).toBe(201);
		const { space } = (await response.json()) as { space: Record<string, unknown> };
		expect(space).toMatchObject(workshop);
		const plain = (await (await create(spaceBody())).json()) as { space: Record<string, unknown> };
		expect(plain.space).toMatchObject({ kind: 'ideas', date: null, place: '', languages: [] });
		const changed = await handleUpdateSpace(
			request('PATCH', `/api/v1/spaces/${String(space.id)}`, { date: null, languages: ['fr'] }),
			String(space.id),
			ctx(hub, fay.actor)
		);
		expect(await changed.json()).toMatchObject({ space: { date: null, languages: ['fr'] } });
	});

	it('shows the public view to everyone and the join code to staff only', async () => {
		const space = await createSpace(hub, fay);
		const publicView = (await (await handleGetSpace(space.id, ctx(hub))).json()) as {
			space: Record<string, unknown>;
		};
		expect(Object.keys(publicView.space).sort()).toEqual(
			[
				'date',
				'erasePolicy',
				'id',
				'impactPublic',
				'kind',
				'language',
				'languages',
				'map',
				'place',
				'pledge',
				'privacyNotice',
				'published',
				'purpose',
				'retentionUntil',
				'status',
				'title',
				'translations'
			].sort()
		);
		const other = (await (await handleGetSpace(space.id, ctx(hub, gus.actor))).json()) as {
			space: Record<string, unknown>;
		};
		expect(other.space.joinCode).toBeUndefined();
		for (const staff of [fay, admin]) {
			const seen = await handleGetSpace(space.id, ctx(hub, staff.actor));
			expect(await seen.json()).toMatchObject({ space: { joinCode: space.joinCode } });
		}
		expect((await handleGetSpace('no-such-space', ctx(hub))).status).toBe(404);
		expect((await handleGetSpace('../etc', ctx(hub))).status).toBe(404);
	});

	it('lists facilitated spaces; admins see the whole organisation', async () => {
		const mine = await createSpace(hub, gus);
		const list = async (staff: Staff) => {
			const response = await handleListSpaces(ctx(hub, staff.actor));
			return ((await response.json()) as { spaces: { id: string }[] }).spaces.map((s) => s.id);
		};
		expect(await list(gus)).toEqual([mine.id]);
		expect(await list(fay)).not.toContain(mine.id);
		expect(await list(admin)).toContain(mine.id);
		expect((await handleListSpaces(ctx(hub))).status).toBe(401);
	});

	it('lets staff update a space, not other facilitators, and audits it', async () => {
		const space = await createSpace(hub, fay);
		const patch = (body: unknown, staff?: Staff) =>
			handleUpdateSpace(
				request('PATCH', `/api/v1/spaces/${space.id}`, body),
				space.id,
				ctx(hub, staff?.actor)
			);
		expect((await patch({ status: 'closed' })).status).toBe(401);
		expect((await patch({ status: 'closed' }, gus)).status).toBe(403);
		expect((await patch({ status: 'paused' }, fay)).status).toBe(400);
		expect((await patch({ title: '' }, fay)).status).toBe(400);
		const updated = await patch({ status: 'closed', title: 'Courtyard (closed)' }, fay);
		expect(updated.status).toBe(200);
		expect(await updated.json()).toMatchObject({
			space: { status: 'closed', title: 'Courtyard (closed)', purpose: 'Ideas for the courtyard.' }
		});
		expect((await patch({ published: true }, admin)).status).toBe(200);
		const [entry] = await hub.db.query<{ action: string; detail: unknown }>(
			"SELECT action, detail FROM audit_log WHERE target = $1 AND action = 'space.update' ORDER BY id",
			[space.id]
		);
		expect(entry).toMatchObject({ detail: { changed: { status: 'closed', title: true } } });
	});
});

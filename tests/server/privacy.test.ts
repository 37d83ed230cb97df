import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErasePolicy } from '../../src/lib/domain/auth';
import { newId } from '../../src/lib/domain/ids';
import { mergeStates } from '../../src/lib/domain/merge';
import type { RemoteRecord } from '../../src/lib/domain/protocol';
import { resolveActor } from '../../src/lib/server/auth/actor';
import type { Hub } from '../../src/lib/server/hub';
import { handleEraseMyData, handleExportMyData } from '../../src/lib/server/privacy/handlers';
import { nilUuid } from '../../src/lib/server/privacy/my-data';
import { engines, type TestDatabase } from './engines';
import {
	createWorld,
	ctx,
	ideaFields,
	mutation,
	pull,
	push,
	stateOf,
	type Member,
	type World
} from './helpers';

const dayMs = 86_400_000;
const meData = (space: string, method = 'GET') =>
	new Request(`http://hub.test/api/v1/me/data?space=${space}`, { method });
const withToken = (token: string) =>
	new Request('http://hub.test/api/v1/sync/pull', {
		headers: { authorization: `Bearer ${token}` }
	});

describe.each(engines)('privacy and retention on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	/** Ana writes two ideas and reports Ben's one; Ben writes one. */
	async function scene(erasePolicy: ErasePolicy) {
		const space = await world.space({ erasePolicy });
		const [ana, ben] = [await world.member(space), await world.member(space)];
		const mine = [newId(), newId()];
		const theirs = newId();
		await push(hub, ana.body([mine.map((id) => mutation(id, space, ideaFields()))]), ana.actor);
		await push(hub, ben.body([[mutation(theirs, space, ideaFields({ title: 'Ben' }))]]), ben.actor);
		await hub.db.query(
			"INSERT INTO reports (space, record, reporter, reason) VALUES ($1, $2, $3, 'meh')",
			[space, theirs, ana.participant]
		);
		const before = await pull(hub, { space }, ana.actor);
		return { space, ana, ben, mine, theirs, before };
	}

	async function erase(member: Member) {
		const response = await handleEraseMyData(
			meData(member.space, 'DELETE'),
			ctx(hub, member.actor)
		);
		expect(response.status).toBe(200);
		return (await response.json()) as { erased: number; policy: string };
	}

	it('exports exactly what the participant contributed, to that participant only', async () => {
		const { space, ana, ben, mine } = await scene('delete');
		const response = await handleExportMyData(meData(space), ctx(hub, ana.actor));
		expect(response.status).toBe(200);
		const data = (await response.json()) as { participant: string; records: RemoteRecord[] };
		expect(data.participant).toBe(ana.participant);
		expect(data.records.map((r) => r.id).sort()).toEqual([...mine].sort());
		expect((await handleExportMyData(meData(space), ctx(hub))).status).toBe(401);
		const stranger = await world.member(await world.space());
		expect((await handleExportMyData(meData(space), ctx(hub, stranger.actor))).status).toBe(403);
		expect((await handleExportMyData(meData(space), ctx(hub, world.admin))).status).toBe(403);
		expect(ben.participant).not.toBe(ana.participant);
	});

	it('erases with the delete policy: tombstones without content, synced, token revoked', async () => {
		const { space, ana, mine, theirs, before } = await scene('delete');
		expect(await erase(ana)).toEqual({ erased: 2, policy: 'delete' });

		const state = await stateOf(hub, space, world.admin);
		for (const id of mine) {
			const record = state.get(id)!;
			expect(record.author).toBe(nilUuid);
			expect(record.fields.deleted).toBe(true);
			expect(record.fields.title).toBeNull();
			expect(record.fields.text).toBeNull();
		}
		expect(state.get(theirs)!.fields.title).toBe('Ben');
		// A device that had her ideas receives the erase after its cursor and drops them.
		const later = await pull(hub, { space, after: before.cursor }, world.admin);
		expect(later.changes.map((r) => r.id).sort()).toEqual([...mine].sort());
		const onDevice = before.changes.find((r) => r.id === mine[0])!;
		const synced = mergeStates(
			onDevice,
			later.changes.find((r) => r.id === mine[0])!
		);
		expect(synced.fields).toMatchObject({ deleted: true, title: null });

		const reports = await hub.db.query('SELECT 1 FROM reports WHERE reporter = $1', [
			ana.participant
		]);
		expect(reports).toEqual([]);
		expect(await resolveActor(withToken(ana.token), hub)).toEqual({ kind: 'anonymous' });
		const [entry] = await hub.db.query<{ actor: string }>(
			"SELECT actor FROM audit_log WHERE action = 'participant.erase' AND target = $1",
			[space]
		);
		expect(entry!.actor).toBe(ana.participant);
	});

	it('erases with the anonymise policy: text kept, author and name gone', async () => {
		const { space, ana, mine } = await scene('anonymise');
		expect(await erase(ana)).toEqual({ erased: 2, policy: 'anonymise' });
		const record = (await stateOf(hub, space, world.admin)).get(mine[0]!)!;
		expect(record.author).toBe(nilUuid);
		expect(record.fields).toMatchObject({ title: ideaFields().title, authorName: '' });
		expect(record.fields.deleted).not.toBe(true);
		const json = JSON.stringify(await stateOf(hub, space, world.admin));
		expect(json).not.toContain(ana.participant);
	});

	it('closes spaces past retention and removes their participant links', async () => {
		const now = Date.now();
		const day = (offset: number) => new Date(now + offset * dayMs).toISOString().slice(0, 10);
		const past = await world.space({ retentionUntil: day(-1) });
		const today = await world.space({ retentionUntil: day(0) });
		const open = await world.space({ retentionUntil: day(30) });
		const members = [await world.member(past), await world.member(today), await world.member(open)];

		expect(await hub.applyRetention(now)).toEqual([past]);
		const statuses = await hub.db.query<{ id: string; status: string }>(
			'SELECT id, status FROM spaces WHERE id = ANY($1::text[]) ORDER BY id',
			[[past, today, open]]
		);
		expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
			[past]: 'closed',
			[today]: 'open',
			[open]: 'open'
		});
		const links = await hub.db.query<{ space: string }>(
			'SELECT space FROM participants WHERE space = ANY($1::text[])',
			[[past, today, open]]
		);
		expect(links.map((l) => l.space).sort()).toEqual([today, open].sort());
		expect(await resolveActor(withToken(members[0]!.token), hub)).toEqual({ kind: 'anonymous' });
		const late = members[0]!.body([[mutation(newId(), past, ideaFields())]]);
		const answer = await push(hub, late, world.facilitator);
		expect(answer.results[0]!.mutations[0]).toMatchObject({ code: 'space-closed' });
		expect(await hub.applyRetention(now)).toEqual([]);
	});
});

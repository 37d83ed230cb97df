import { beforeEach, describe, expect, it } from 'vitest';
import type { PlazaDb } from '$lib/store/db';
import { replaceDb } from '$lib/store/db';
import { ideasInSpace, outboxSummary, rejectedMutations } from '$lib/store/queries';
import { bulkCreateIdeas, createIdea, updateIdea } from '$lib/store/records';
import { spaceMeta, watchSpace } from '$lib/store/remote';
import { setSpaceToken } from '$lib/store/spaces';
import { periodMs, SyncEngine } from '$lib/sync/engine';
import { SyncStatus } from '$lib/sync/status.svelte';
import { ideaForm } from '$tests/fixtures/records';
import { freshDb, newDevice } from '../store/fresh-db';
import { FakeHub } from './fake-hub';
import { FakeEventSource, fakeEnv, type FakeEnv } from './fake-env';

let hub: FakeHub;
let env: FakeEnv;
let engine: SyncEngine;
let status: SyncStatus;
let db: PlazaDb;

beforeEach(() => {
	db = freshDb();
	hub = new FakeHub();
	env = fakeEnv(hub);
	status = new SyncStatus();
	engine = new SyncEngine(() => env, status);
	FakeEventSource.instances = [];
	return () => engine.stop();
});

async function start() {
	engine.start();
	await engine.settled();
}

describe('offline and back online', () => {
	it('keeps the queue and backs off 2, 4, 8 s; then pushes once and pulls', async () => {
		hub.online = false;
		const id = await createIdea('park', ideaForm());
		await start();
		expect(status.current.state).toBe('offline');
		expect(status.current.error?.code).toBe('network');
		expect(env.timers.delays()).toEqual([2000]);
		env.timers.fire();
		await engine.settled();
		expect(env.timers.delays()).toEqual([4000]);
		env.timers.fire();
		await engine.settled();
		expect(env.timers.delays()).toEqual([8000]);
		expect(await outboxSummary()).toMatchObject({ waiting: 1, sent: 0, total: 1 });

		hub.online = true;
		env.goOnline();
		await engine.settled();
		expect(hub.pushes).toHaveLength(1);
		expect(hub.records.get(id)?.fields.title).toBe(ideaForm().title);
		expect(hub.pulls).toContain('park');
		expect(await outboxSummary()).toEqual({ waiting: 0, sent: 0, rejected: 0, total: 0 });
		expect(status.current.state).toBe('synced');
		expect(status.current.lastSyncedAt).toBe(env.now());
		expect(env.timers.delays()).toEqual([periodMs]);
		expect((await spaceMeta('park')).cursor).toBe('e1.1');
	});

	it('a retry resets the backoff', async () => {
		hub.online = false;
		await createIdea('park', ideaForm());
		await start();
		env.timers.fire();
		await engine.settled();
		expect(env.timers.delays()).toEqual([4000]);
		status.retry();
		await engine.settled();
		expect(env.timers.delays()).toEqual([2000]);
	});
});

describe('push results', () => {
	it('a rejected mutation does not block the others', async () => {
		const [bad, good] = await bulkCreateIdeas('park', [ideaForm({ title: 'Bad' }), ideaForm()]);
		const later = await createIdea('park', ideaForm({ title: 'Later' }));
		hub.refuse.add(bad!);
		await start();
		expect(hub.records.has(good!)).toBe(true);
		expect(hub.records.has(later)).toBe(true);
		expect(hub.records.has(bad!)).toBe(false);
		expect(await outboxSummary()).toEqual({ waiting: 0, sent: 0, rejected: 1, total: 1 });
		expect(status.current.state).not.toBe('error');
		engine.nudge();
		env.timers.fire(1000);
		await engine.settled();
		expect(hub.pushes).toHaveLength(1);
	});

	it('426: update required, the outbox is kept and no retry is scheduled', async () => {
		hub.protocol = 99;
		await createIdea('park', ideaForm());
		await start();
		expect(status.current.state).toBe('update-required');
		expect((await outboxSummary()).total).toBe(1);
		expect(env.timers.delays()).toEqual([]);
	});

	it('syncs a second after local writes, several writes in one sync', async () => {
		await start();
		await createIdea('park', ideaForm());
		await createIdea('park', ideaForm({ title: 'Second' }));
		await updateIdea(await createIdea('park', ideaForm({ title: 'Third' })), { text: 'Edited' });
		expect(hub.pushes).toHaveLength(0);
		expect(env.timers.delays().filter((ms) => ms === 1000)).toHaveLength(1);
		env.timers.fire(1000);
		await engine.settled();
		expect(hub.pushes).toHaveLength(1);
	});
});

describe('pull', () => {
	it('pulls page after page until more is false', async () => {
		const other = newDevice();
		replaceDb(other);
		await bulkCreateIdeas(
			'park',
			Array.from({ length: 1100 }, () => ideaForm())
		);
		const writer = new SyncEngine(() => fakeEnv(hub), new SyncStatus());
		writer.start();
		await writer.settled();
		writer.stop();
		expect(hub.records.size).toBe(1100);

		replaceDb(db);
		await watchSpace('park');
		hub.pulls = [];
		await start();
		expect(hub.pulls).toEqual(['park', 'park', 'park']);
		expect(await db.records.count()).toBe(1100);
	});

	it('409 must-refetch: drops synced rows, keeps the outbox, pulls again', async () => {
		await watchSpace('park');
		await createIdea('park', ideaForm({ title: 'Synced' }));
		await start();
		expect(await db.records.count()).toBe(1);
		hub.reset('e2');
		const pending = await createIdea('park', ideaForm({ title: 'Pending' }));
		hub.online = false;
		await engine.syncNow();
		hub.online = true;
		// Pull before push would see 409; the push also refills the hub with the pending idea.
		hub.refuse.add(pending);
		await engine.retry();
		expect((await spaceMeta('park')).cursor?.startsWith('e2.')).toBe(true);
		const titles = (await db.records.toArray()).map((r) => r.fields.title);
		expect(titles).toEqual(['Pending']);
		expect((await outboxSummary()).rejected).toBe(1);
	});

	it('opens a live channel per watched space and pulls on a change event', async () => {
		await start();
		await engine.watch('park');
		const source = FakeEventSource.instances.find((s) => s.url.includes('space=park'));
		expect(source?.url).toBe('http://hub.test/api/v1/events?space=park');
		hub.pulls = [];
		source!.emit('change', { cursor: 'e1.1' });
		await engine.settled();
		expect(hub.pulls).toEqual(['park']);
	});
});

describe('moderation', () => {
	it("a hidden idea leaves a participant's list at the next pull, and comes back", async () => {
		const id = await createIdea('park', ideaForm({ title: 'Rude' }));
		await start();
		hub.setHidden(id, true);
		await engine.syncNow();
		expect(await ideasInSpace('park')).toEqual([]);
		hub.setHidden(id, false);
		await engine.syncNow();
		expect((await ideasInSpace('park'))[0]?.fields.title).toBe('Rude');
	});
});

describe('two devices', () => {
	it('converge through the hub, per field', async () => {
		const dbA = db;
		const dbB = newDevice();
		const engineB = new SyncEngine(() => fakeEnv(hub), new SyncStatus());

		const id = await createIdea('park', ideaForm({ title: 'Start', text: 'A text' }));
		await start();

		replaceDb(dbB);
		await watchSpace('park');
		engineB.start();
		await engineB.settled();
		expect((await dbB.records.get(id))?.fields.title).toBe('Start');

		await updateIdea(id, { text: 'B text' });
		replaceDb(dbA);
		await updateIdea(id, { title: 'A title' });
		await engine.syncNow();
		replaceDb(dbB);
		await engineB.syncNow();
		replaceDb(dbA);
		await engine.syncNow();

		const a = await dbA.records.get(id);
		const b = await dbB.records.get(id);
		expect(a?.fields).toEqual(b?.fields);
		expect(a?.fields).toMatchObject({ title: 'A title', text: 'B text' });
		engineB.stop();
	});
});

describe('tokens per space', () => {
	const authOf = (path: string) =>
		hub.requests.filter((r) => r.path.startsWith(path)).map((r) => r.authorization);

	it('pushes and pulls each space with its own token, one without a token bare', async () => {
		await setSpaceToken('park', hub.grant('park'));
		await setSpaceToken('square', hub.grant('square'));
		await createIdea('park', ideaForm());
		await createIdea('square', ideaForm());
		await createIdea('staff-space', ideaForm());
		await start();
		expect(hub.pushes).toHaveLength(3);
		expect(hub.pushes.map((push) => push.batches[0]!.mutations[0]!.space)).toEqual([
			'park',
			'square',
			'staff-space'
		]);
		expect(authOf('/api/v1/sync/push')).toEqual(['Bearer tok-park', 'Bearer tok-square', null]);
		expect(authOf('/api/v1/sync/pull?space=park')).toEqual(['Bearer tok-park']);
		expect(authOf('/api/v1/sync/pull?space=staff-space')).toEqual([null]);
		expect(status.current.state).toBe('synced');
	});

	it('401 on one space: error unauthorised, its outbox kept, the other space synced', async () => {
		await setSpaceToken('park', 'revoked-token');
		hub.guarded.add('park');
		await setSpaceToken('square', hub.grant('square'));
		const stuck = await createIdea('park', ideaForm());
		const synced = await createIdea('square', ideaForm());
		await start();
		expect(hub.records.has(synced)).toBe(true);
		expect(hub.records.has(stuck)).toBe(false);
		expect(await outboxSummary()).toEqual({ waiting: 1, sent: 0, rejected: 0, total: 1 });
		expect(hub.pulls).toContain('square');
		expect(status.current.state).toBe('error');
		expect(status.current.error?.code).toBe('unauthorised');
		expect(env.timers.delays()).toEqual([2000]);

		await setSpaceToken('park', hub.grant('park'));
		await engine.retry();
		expect(hub.records.has(stuck)).toBe(true);
		expect(status.current.state).toBe('synced');
	});

	it('403 on a pull: error forbidden, other spaces still pulled', async () => {
		hub.forbidden.add('closed');
		await watchSpace('closed');
		await watchSpace('park');
		await start();
		expect(hub.pulls).toEqual(['park']);
		expect(status.current.error?.code).toBe('forbidden');
	});

	it('rejected forbidden mutations land in the rejected list', async () => {
		const id = await createIdea('park', ideaForm());
		hub.refuse.add(id);
		hub.refuseCode = 'forbidden';
		await start();
		const [rejected] = await rejectedMutations();
		expect(rejected?.rejection.code).toBe('forbidden');
		expect(status.current.state).not.toBe('error');
	});

	it('opens the live channel with the token, and reopens it when the token changes', async () => {
		await start();
		await engine.watch('park');
		const bare = FakeEventSource.instances.find((s) => s.url.includes('space=park'));
		expect(bare?.url).toBe('http://hub.test/api/v1/events?space=park');
		await setSpaceToken('park', hub.grant('park', 'p1.x.y'));
		await engine.syncNow();
		expect(bare?.closed).toBe(true);
		const withToken = FakeEventSource.instances.at(-1);
		expect(withToken?.url).toBe('http://hub.test/api/v1/events?space=park&token=p1.x.y');
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/domain/ids';
import { latestClock } from '../../src/lib/domain/merge';
import { limits, type RemoteRecord } from '../../src/lib/domain/protocol';
import { handlePull } from '../../src/lib/server/api';
import type { Db } from '../../src/lib/server/db/client';
import type { Hub } from '../../src/lib/server/hub';
import { engines, type TestDatabase } from './engines';
import {
	createWorld,
	ctx,
	device,
	hlc,
	ideaFields,
	mutation,
	pull,
	pullPages,
	pullRequest,
	push,
	stateOf,
	type World
} from './helpers';

const dayMs = 86_400_000;

/** A database whose transactions, once armed, wait for `release()` before committing. */
function gate() {
	let armed = false;
	let entered = () => {};
	let release = () => {};
	const inside = new Promise<void>((resolve) => (entered = resolve));
	const open = new Promise<void>((resolve) => (release = resolve));
	const wrap = (db: Db): Db => ({
		...db,
		transaction: (fn) =>
			db.transaction(async (tx) => {
				const result = await fn(tx);
				if (armed) {
					entered();
					await open;
				}
				return result;
			})
	});
	return { wrap, arm: () => (armed = true), inside, release: () => release() };
}

/** Resolves once some session of this PostgreSQL database waits for a lock. */
async function lockWaiter(db: Db): Promise<void> {
	for (;;) {
		const [row] = await db.query<{ n: unknown }>(
			`SELECT count(*) AS n FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`
		);
		if (Number(row!.n) > 0) return;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

describe.each(engines)('pull on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	it('pages through every change exactly once, in cursor order', async () => {
		const space = await world.space();
		const ids = Array.from({ length: 12 }, () => newId());
		await push(
			hub,
			device().body([ids.map((id) => mutation(id, space, ideaFields()))]),
			world.facilitator
		);
		const { changes } = await pullPages(hub, space, 5, world.admin);
		expect(changes.map((r) => r.id)).toEqual(ids.map((id) => id.toLowerCase()));
		const { cursor } = await pull(hub, { space }, world.admin);
		const empty = await pull(hub, { space, after: cursor }, world.admin);
		expect(empty).toMatchObject({ changes: [], more: false });
	});

	it('never skips a change committed after a later cursor was handed out', async () => {
		const space = await world.space();
		const seed = await push(
			hub,
			device().body([[mutation(newId(), space, ideaFields())]]),
			world.facilitator
		);
		const start = seed.checkpoints[space]!;
		const held = gate();
		const slow = await database.hub(held.wrap);
		const fast = await database.hub();
		const [first, second] = [newId(), newId()];

		held.arm();
		const slowPush = slow.push(
			device().body([[mutation(first, space, ideaFields())]]) as never,
			world.facilitator
		);
		await held.inside; // the slow writer holds its cursor value, uncommitted
		const fastPush = push(
			fast,
			device().body([[mutation(second, space, ideaFields())]]),
			world.facilitator
		);
		// Let the fast writer commit, or (as here) queue behind the slow one's space lock.
		if (engine.name === 'postgres') await Promise.race([fastPush, lockWaiter(fast.db)]);
		const early = pull(fast, { space, after: start }, world.admin);
		// On PostgreSQL the reader runs while the slow writer is open; PGlite has one connection,
		// so there the reader can only run after it.
		if (engine.name === 'postgres') await early;
		held.release();
		await Promise.all([slowPush, fastPush]);
		const seen = [...(await early).changes];
		seen.push(...(await pullPages(fast, space, 1, world.admin, (await early).cursor)).changes);
		expect(seen.map((r) => r.id).sort()).toEqual([first, second].sort());
	});

	it('gives a reader paging during many concurrent pushes every record, each version once', async () => {
		const space = await world.space();
		const devices = Array.from({ length: 6 }, () => device());
		const ids = devices.map(() => Array.from({ length: 8 }, () => newId()));
		let writing = true;
		const writers = Promise.all(
			devices.map(async (phone, d) => {
				for (let round = 0; round < 4; round++) {
					const batch = ids[d]!.slice(round * 2, round * 2 + 2).map((id) =>
						mutation(id, space, ideaFields(), hlc(round, `dev-${d}`))
					);
					// Also edit a record of the previous device, to move existing rows forward.
					const other = ids[(d + 5) % devices.length]![round]!;
					batch.push(
						mutation(other, space, { text: `edit ${d}.${round}` }, hlc(100 + round, `dev-${d}`))
					);
					await push(hub, phone.body([batch], round + 1), world.facilitator);
				}
			})
		).finally(() => (writing = false));

		const versions: string[] = [];
		const latest = new Map<string, RemoteRecord>();
		let cursor: string | undefined;
		for (;;) {
			const stillWriting = writing;
			const page = await pull(
				hub,
				{ space, limit: '3', ...(cursor ? { after: cursor } : {}) },
				world.admin
			);
			for (const record of page.changes) {
				versions.push(`${record.id}@${latestClock(record)}`);
				latest.set(record.id, record);
			}
			cursor = page.cursor;
			if (!page.more && !stillWriting) break;
			if (!page.more) await new Promise((resolve) => setImmediate(resolve));
		}
		await writers;
		expect(new Set(versions).size).toBe(versions.length);
		expect([...latest.keys()].sort()).toEqual(ids.flat().sort());
		expect(latest).toEqual(await stateOf(hub, space, world.admin));
	});

	it('answers 409 must-refetch for an unknown epoch or a cursor from the future', async () => {
		const space = await world.space();
		await push(hub, device().body([[mutation(newId(), space, ideaFields())]]), world.facilitator);
		for (const after of ['otherepoch.1', `${hub.epoch}.999999`]) {
			const response = await handlePull(pullRequest({ space, after }), ctx(hub, world.admin));
			expect(response.status).toBe(409);
			expect(await response.json()).toEqual({
				error: { code: 'must-refetch', message: expect.any(String) }
			});
		}
	});

	it('purges old tombstones only, and raises the horizon past them', async () => {
		const space = await world.space();
		const phone = device();
		const [kept, gone, young] = [newId(), newId(), newId()];
		const now = Date.now();
		await push(
			hub,
			phone.body([[kept, gone, young].map((id) => mutation(id, space, ideaFields()))]),
			world.facilitator
		);
		const beforeDelete = (await pull(hub, { space }, world.admin)).cursor;
		await push(
			hub,
			phone.body([[mutation(gone, space, { deleted: true }, hlc(10))]], 2),
			world.facilitator
		);
		const afterDelete = (await pull(hub, { space }, world.admin)).cursor;
		const later = now + (limits.tombstoneDays - 1) * dayMs;
		const body = phone.body([[mutation(young, space, { deleted: true }, hlc(20))]], 3);
		await hub.push(body as never, world.facilitator, later);

		expect(await hub.purgeTombstones(now + (limits.tombstoneDays + 1) * dayMs)).toBe(1);
		const state = await stateOf(hub, space, world.admin);
		expect([...state.keys()].sort()).toEqual([kept, young].sort());
		expect(state.get(young)!.fields.deleted).toBe(true);

		const stale = await handlePull(
			pullRequest({ space, after: beforeDelete }),
			ctx(hub, world.admin)
		);
		expect(stale.status).toBe(409);
		expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('must-refetch');
		expect(
			(await pull(hub, { space, after: afterDelete }, world.admin)).changes.map((r) => r.id)
		).toEqual([young]);
	});
});

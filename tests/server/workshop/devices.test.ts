import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/lib/domain/auth';
import { handlePull } from '../../../src/lib/server/api';
import type { Hub } from '../../../src/lib/server/hub';
import { handleEraseMyData } from '../../../src/lib/server/privacy/handlers';
import {
	handleDevices,
	parsePending,
	reportRefreshMs,
	silentAfterMs,
	type DeviceSummary
} from '../../../src/lib/server/workshop/devices';
import { engines, type TestDatabase } from '../engines';
import { createWorld, ctx, type World } from '../helpers';

/** A pull of `space` carrying `Plaza-Pending: pending` (none when undefined). */
function pullWith(space: string, pending?: string): Request {
	const headers: Record<string, string> = pending === undefined ? {} : { 'plaza-pending': pending };
	return new Request(`http://hub.test/api/v1/sync/pull?space=${space}`, { headers });
}

describe('parsePending', () => {
	it('reads plain counts and ignores anything else', () => {
		expect(parsePending('0')).toBe(0);
		expect(parsePending(' 12 ')).toBe(12);
		expect(parsePending('1000000')).toBe(1_000_000);
		for (const bad of [null, '', '-1', '1.5', '3e2', 'lots', '1000001', '99999999'])
			expect(parsePending(bad), String(bad)).toBeUndefined();
	});
});

describe.each(engines)('waiting devices on $name', (engine) => {
	let database: TestDatabase;
	let hub: Hub;
	let world: World;
	beforeAll(async () => {
		database = await engine.create();
		hub = await database.hub();
		world = await createWorld(hub);
	});
	afterAll(() => database.drop());

	async function report(space: string, actor: Actor, pending: string | undefined, now: number) {
		const response = await handlePull(pullWith(space, pending), ctx(hub, actor, now));
		expect(response.status).toBe(200);
	}

	async function summary(space: string, now: number, actor: Actor = world.facilitator) {
		const response = await handleDevices(space, ctx(hub, actor, now));
		expect(response.status).toBe(200);
		return (await response.json()) as DeviceSummary;
	}

	async function reportedAt(participant: string): Promise<number | null> {
		const [row] = await hub.db.query<{ at: Date | null }>(
			'SELECT reported_at AS at FROM participants WHERE participant = $1::uuid',
			[participant]
		);
		return row?.at ? new Date(row.at).getTime() : null;
	}

	it('counts devices whose last report holds changes, and those not heard from for 2 min', async () => {
		const space = await world.space();
		const [ana, ben, carol] = [
			await world.member(space),
			await world.member(space),
			await world.member(space)
		];
		const now = Date.now();
		expect(await summary(space, now)).toEqual({
			joined: 3,
			waiting: 0,
			pendingChanges: 0,
			silent: 0,
			silentAfterSeconds: 120
		});

		await report(space, ana.actor, '3', now);
		await report(space, ben.actor, '0', now);
		expect(await summary(space, now)).toMatchObject({ joined: 3, waiting: 1, pendingChanges: 3 });

		// Ana's next pull says her outbox is empty: she is no longer waiting.
		await report(space, ana.actor, '0', now + 5_000);
		expect(await summary(space, now + 5_000)).toMatchObject({ waiting: 0, pendingChanges: 0 });

		// Two minutes on, only Carol (who joined and never pulled) and Ben are silent; Ana pulled
		// again a minute ago. A device that went offline holding input stays "waiting".
		await report(space, ben.actor, '2', now + 10_000);
		await report(space, ana.actor, '0', now + 70_000);
		const later = now + 10_000 + silentAfterMs + 1_000;
		expect(await summary(space, later)).toEqual({
			joined: 3,
			waiting: 1,
			pendingChanges: 2,
			silent: 2,
			silentAfterSeconds: 120
		});
		expect(carol.participant).toBeDefined();
	});

	it('writes an unchanged report again only after the refresh interval', async () => {
		const space = await world.space();
		const ana = await world.member(space);
		const now = Date.now();
		await report(space, ana.actor, '1', now);
		expect(await reportedAt(ana.participant)).toBe(now);
		await report(space, ana.actor, '1', now + reportRefreshMs - 1_000);
		expect(await reportedAt(ana.participant)).toBe(now);
		await report(space, ana.actor, '2', now + 2_000);
		expect(await reportedAt(ana.participant)).toBe(now + 2_000);
		await report(space, ana.actor, '2', now + 2_000 + reportRefreshMs + 1);
		expect(await reportedAt(ana.participant)).toBe(now + 2_000 + reportRefreshMs + 1);
	});

	it('ignores missing and malformed reports, staff devices and other spaces, and still pulls', async () => {
		const space = await world.space({ published: true });
		const other = await world.space();
		const ana = await world.member(space);
		const stranger = await world.member(other);
		const now = Date.now();
		await report(space, ana.actor, undefined, now);
		await report(space, ana.actor, 'many', now);
		await report(space, ana.actor, '-4', now);
		expect(await reportedAt(ana.participant)).toBeNull();
		// A participant of another space reading this published one reports nothing for either.
		await report(space, stranger.actor, '5', now);
		expect(await reportedAt(stranger.participant)).toBeNull();
		// Staff devices are not participants: their pulls carry a count nobody keeps.
		await report(space, world.facilitator, '7', now);
		expect(await summary(space, now)).toMatchObject({ joined: 1, waiting: 0, pendingChanges: 0 });
	});

	it('leaves out revoked and erased devices', async () => {
		const space = await world.space();
		const [ana, ben] = [await world.member(space), await world.member(space)];
		const now = Date.now();
		await report(space, ana.actor, '4', now);
		await report(space, ben.actor, '1', now);
		const erase = new Request(`http://hub.test/api/v1/me/data?space=${space}`, {
			method: 'DELETE'
		});
		expect((await handleEraseMyData(erase, ctx(hub, ana.actor, now))).status).toBe(200);
		const [row] = await hub.db.query<{ pending: number | null }>(
			'SELECT pending FROM participants WHERE participant = $1::uuid',
			[ana.participant]
		);
		expect(row!.pending).toBeNull();
		await hub.db.query(
			'UPDATE participants SET revoked_at = now() WHERE space = $1 AND participant = $2::uuid',
			[space, ben.participant]
		);
		expect(await summary(space, now)).toMatchObject({ joined: 0, waiting: 0, silent: 0 });
	});

	it('shows the counts to the staff of the space only', async () => {
		const space = await world.space();
		const ana = await world.member(space);
		const now = Date.now();
		expect((await handleDevices(space, ctx(hub, { kind: 'anonymous' }, now))).status).toBe(401);
		expect((await handleDevices(space, ctx(hub, ana.actor, now))).status).toBe(403);
		expect((await handleDevices(space, ctx(hub, world.otherFacilitator, now))).status).toBe(403);
		expect((await handleDevices(space, ctx(hub, world.admin, now))).status).toBe(200);
		expect((await handleDevices('no-such-space', ctx(hub, world.admin, now))).status).toBe(404);
	});
});

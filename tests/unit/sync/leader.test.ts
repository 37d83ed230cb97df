import { beforeEach, describe, expect, it } from 'vitest';
import { createIdea } from '$lib/store/records';
import { SyncEngine } from '$lib/sync/engine';
import { acquireLeadership } from '$lib/sync/leader';
import { SyncStatus } from '$lib/sync/status.svelte';
import { ideaForm } from '$tests/fixtures/records';
import { freshDb } from '../store/fresh-db';
import { channelBus, fakeEnv, fakeLocks } from './fake-env';
import { FakeHub } from './fake-hub';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('acquireLeadership', () => {
	it('leads at once without Web Locks', () => {
		let led = false;
		acquireLeadership(undefined, () => (led = true));
		expect(led).toBe(true);
	});

	it('lets one holder lead and hands over on release', async () => {
		const locks = fakeLocks();
		const order: string[] = [];
		const releaseA = acquireLeadership(locks, () => order.push('a'));
		acquireLeadership(locks, () => order.push('b'));
		await flush();
		expect(order).toEqual(['a']);
		releaseA();
		await flush();
		expect(order).toEqual(['a', 'b']);
	});
});

describe('tabs of one device', () => {
	beforeEach(() => {
		freshDb();
	});

	it('only the leader syncs; a follower nudges it and receives its status', async () => {
		const hub = new FakeHub();
		const locks = fakeLocks();
		const BroadcastChannel = channelBus();
		const envA = fakeEnv(hub, { locks, BroadcastChannel });
		const envB = fakeEnv(hub, { locks, BroadcastChannel });
		const statusB = new SyncStatus();
		const tabA = new SyncEngine(() => envA, new SyncStatus());
		const tabB = new SyncEngine(() => envB, statusB);
		tabA.start();
		tabB.start();
		await flush();
		await tabA.settled();
		expect([tabA.leader, tabB.leader]).toEqual([true, false]);

		await createIdea('park', ideaForm());
		tabB.nudge();
		expect(envB.timers.delays()).toEqual([]);
		expect(envA.timers.delays()).toContain(1000);
		envA.timers.fire(1000);
		await tabA.settled();
		expect(hub.pushes).toHaveLength(1);
		expect(statusB.report.phase).toBe('idle');
		expect(statusB.report.lastSyncedAt).toBe(envA.now());

		tabA.stop();
		await flush();
		await tabB.settled();
		expect(tabB.leader).toBe(true);
		tabB.stop();
	});
});

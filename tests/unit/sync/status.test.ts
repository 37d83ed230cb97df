import { describe, expect, it } from 'vitest';
import { SyncStatus } from '$lib/sync/status.svelte';

describe('SyncStatus', () => {
	it('derives the shown state from the leader phase', () => {
		const status = new SyncStatus();
		expect(status.current).toMatchObject({ state: 'waiting', pending: 0, lastSyncedAt: null });
		status.update({ phase: 'idle', lastSyncedAt: 5 });
		expect(status.current).toMatchObject({ state: 'synced', lastSyncedAt: 5 });
		status.update({ phase: 'behind', lastSyncedAt: 5 });
		expect(status.current.state).toBe('waiting');
		const error = { code: 'network' as const, message: 'Failed to fetch' };
		status.update({ phase: 'offline', lastSyncedAt: 5, error });
		expect(status.current).toMatchObject({ state: 'offline', error });
		status.update({ phase: 'update-required', lastSyncedAt: 5 });
		expect(status.current.state).toBe('update-required');
	});

	it('forwards retry to the engine', () => {
		const status = new SyncStatus();
		let retried = 0;
		status.onRetry(() => retried++);
		status.retry();
		expect(retried).toBe(1);
	});
});

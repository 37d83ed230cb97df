import { describe, expect, it } from 'vitest';
import { combinedSyncState } from '$lib/ui/pledge/sync-state';

describe('combinedSyncState', () => {
	it('shows what needs the person first: rejected, then waiting, then sent', () => {
		expect(combinedSyncState([])).toBe('confirmed');
		expect(combinedSyncState(['confirmed', 'sent'])).toBe('sent');
		expect(combinedSyncState(['confirmed', 'waiting', 'sent'])).toBe('waiting');
		expect(combinedSyncState(['waiting', 'rejected', 'confirmed'])).toBe('rejected');
	});
});

/**
 * One sync state for a pledge card: the pledge's and its check-ins' states together, the one
 * that needs the person first (a refusal, then changes still waiting, then sent ones), so an
 * answer given offline shows as waiting even when the pledge itself was confirmed long ago.
 */
import type { SyncState } from '$lib/store';

const rank: Record<SyncState, number> = { confirmed: 0, sent: 1, waiting: 2, rejected: 3 };

export function combinedSyncState(states: readonly SyncState[]): SyncState {
	return states.reduce<SyncState>(
		(worst, state) => (rank[state] > rank[worst] ? state : worst),
		'confirmed'
	);
}

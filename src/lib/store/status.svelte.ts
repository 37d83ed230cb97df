/**
 * Whether local storage works: `unknown` until opened, `open`, `unavailable` (IndexedDB
 * refused, e.g. a private window: nothing will be kept) or `outdated` (another tab upgraded
 * the database; this tab must reload).
 */
export type DbState = 'unknown' | 'open' | 'unavailable' | 'outdated';

class DbStatus {
	#state = $state<DbState>('unknown');

	get current(): DbState {
		return this.#state;
	}

	set(state: DbState): void {
		this.#state = state;
	}
}

export const dbStatus = new DbStatus();

/**
 * Exactly one tab syncs: the one holding the `plaza-sync` Web Lock, held for the tab's whole
 * life (the browser releases it when the tab closes, and the next tab in line takes over).
 * Without Web Locks (old browsers, Node) the tab simply leads: a single-tab fallback.
 */
export const lockName = 'plaza-sync';

export interface LockManagerLike {
	request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
}

/**
 * Wait for leadership and call `onLead` once it is granted. Returns `release`, which gives
 * the lock up (or stops waiting for it).
 */
export function acquireLeadership(
	locks: LockManagerLike | undefined,
	onLead: () => void
): () => void {
	if (!locks) {
		onLead();
		return () => {};
	}
	let release = () => {};
	let released = false;
	const held = new Promise<void>((resolve) => {
		release = () => {
			released = true;
			resolve();
		};
	});
	void locks
		.request(lockName, async () => {
			if (released) return;
			onLead();
			await held;
		})
		.catch(() => {
			// Locks refused (e.g. an opaque origin): lead anyway, as without Web Locks.
			if (!released) onLead();
		});
	return () => release();
}

/**
 * Keeps the screen on while a kiosk or a full-screen live board is shown (Screen Wake Lock
 * API). The browser drops the lock whenever the page is hidden, so it is asked for again each
 * time the page becomes visible; the returned function gives it back when the view is left.
 * Where the API is missing (older Safari, Firefox) or refuses (battery saver, a hidden page),
 * nothing happens and the screen may sleep as usual.
 */

export interface WakeLockSentinelLike {
	readonly released: boolean;
	release(): Promise<void>;
}

export interface WakeLockLike {
	request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

/** What the lock needs from the browser; tests pass a fake. */
export interface WakeLockEnv {
	wakeLock: WakeLockLike | undefined;
	visible(): boolean;
	/** Calls `listener` on every visibility change; returns a function that stops it. */
	onVisibilityChange(listener: () => void): () => void;
}

export function browserWakeLockEnv(): WakeLockEnv {
	const wakeLock =
		typeof navigator !== 'undefined' && 'wakeLock' in navigator
			? (navigator.wakeLock as WakeLockLike | undefined)
			: undefined;
	return {
		wakeLock,
		visible: () => typeof document === 'undefined' || document.visibilityState === 'visible',
		onVisibilityChange(listener) {
			if (typeof document === 'undefined') return () => {};
			document.addEventListener('visibilitychange', listener);
			return () => document.removeEventListener('visibilitychange', listener);
		}
	};
}

/** Holds a screen wake lock from now until the returned function is called. */
export function keepScreenOn(env: WakeLockEnv = browserWakeLockEnv()): () => void {
	const lock = env.wakeLock;
	if (!lock) return () => {};
	let sentinel: WakeLockSentinelLike | null = null;
	let asking = false;
	let stopped = false;

	const acquire = () => {
		if (stopped || asking || !env.visible() || (sentinel && !sentinel.released)) return;
		asking = true;
		Promise.resolve()
			.then(() => lock.request('screen'))
			.then(
				(got) => {
					if (stopped) return got.release();
					sentinel = got;
				},
				() => undefined // refused: the screen may sleep, nothing else changes
			)
			.catch(() => undefined)
			.finally(() => (asking = false));
	};

	const stopListening = env.onVisibilityChange(acquire);
	acquire();
	return () => {
		stopped = true;
		stopListening();
		const held = sentinel;
		sentinel = null;
		if (held && !held.released) held.release().catch(() => undefined);
	};
}

import type { FetchLike } from './api';
import type { LockManagerLike } from './leader';

export type Timer = ReturnType<typeof setTimeout> | number;

export interface EventSourceLike {
	addEventListener(type: string, listener: (event: MessageEvent) => void): void;
	close(): void;
}

export interface ChannelLike {
	onmessage: ((event: MessageEvent) => void) | null;
	postMessage(message: unknown): void;
	close(): void;
}

/** Everything the engine needs from the browser; tests pass fakes. */
export interface SyncEnvironment {
	fetch: FetchLike;
	baseUrl: string;
	now: () => number;
	random: () => number;
	setTimeout: (callback: () => void, ms: number) => Timer;
	clearTimeout: (timer: Timer) => void;
	EventSource?: new (url: string) => EventSourceLike;
	BroadcastChannel?: new (name: string) => ChannelLike;
	locks?: LockManagerLike;
	/** Subscribe to the `online` event; returns unsubscribe. */
	onOnline: (listener: () => void) => () => void;
	/** Subscribe to the tab becoming visible; returns unsubscribe. */
	onVisible: (listener: () => void) => () => void;
}

function listen(target: EventTarget | undefined, type: string, listener: () => void) {
	target?.addEventListener(type, listener);
	return () => target?.removeEventListener(type, listener);
}

/** The real browser, read when the engine starts (never at import: SSR imports this). */
export function defaultEnvironment(): SyncEnvironment {
	const g = globalThis;
	const doc = typeof document === 'undefined' ? undefined : document;
	return {
		fetch: (input, init) => g.fetch(input, init),
		baseUrl: '',
		now: () => Date.now(),
		random: Math.random,
		setTimeout: (callback, ms) => g.setTimeout(callback, ms),
		clearTimeout: (timer) => g.clearTimeout(timer),
		EventSource: g.EventSource,
		BroadcastChannel: g.BroadcastChannel,
		locks: typeof navigator === 'undefined' ? undefined : navigator.locks,
		onOnline: (listener) =>
			listen(typeof window === 'undefined' ? undefined : window, 'online', listener),
		onVisible: (listener) =>
			listen(doc, 'visibilitychange', () => {
				if (doc?.visibilityState === 'visible') listener();
			})
	};
}

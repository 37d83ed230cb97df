import type { ChannelLike, EventSourceLike, SyncEnvironment } from '$lib/sync/environment';
import type { LockManagerLike } from '$lib/sync/leader';
import type { FakeHub } from './fake-hub';

/** Timers that run only when the test says so. */
export class ManualTimers {
	#next = 1;
	pending = new Map<number, { callback: () => void; ms: number }>();

	setTimeout = (callback: () => void, ms: number): number => {
		const id = this.#next++;
		this.pending.set(id, { callback, ms });
		return id;
	};

	clearTimeout = (id: unknown): void => {
		this.pending.delete(id as number);
	};

	/** The delays of the timers now waiting. */
	delays(): number[] {
		return [...this.pending.values()].map((t) => t.ms);
	}

	/** Fire every waiting timer with this delay (default: all). */
	fire(ms?: number): void {
		for (const [id, timer] of [...this.pending]) {
			if (ms !== undefined && timer.ms !== ms) continue;
			this.pending.delete(id);
			timer.callback();
		}
	}
}

export class FakeEventSource implements EventSourceLike {
	static instances: FakeEventSource[] = [];
	listeners = new Map<string, ((event: MessageEvent) => void)[]>();
	closed = false;

	constructor(readonly url: string) {
		FakeEventSource.instances.push(this);
	}

	addEventListener(type: string, listener: (event: MessageEvent) => void): void {
		this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
	}

	emit(type: string, data: unknown): void {
		const event = new MessageEvent(type, { data: JSON.stringify(data) });
		this.listeners.get(type)?.forEach((listener) => listener(event));
	}

	close(): void {
		this.closed = true;
	}
}

/** BroadcastChannel between fake tabs: delivers to every other channel of the same name. */
export function channelBus() {
	const open = new Set<FakeChannel>();
	class FakeChannel implements ChannelLike {
		onmessage: ((event: MessageEvent) => void) | null = null;
		constructor(readonly name: string) {
			open.add(this);
		}
		postMessage(message: unknown): void {
			for (const other of open)
				if (other !== this && other.name === this.name)
					other.onmessage?.(new MessageEvent('message', { data: message }));
		}
		close(): void {
			open.delete(this);
		}
	}
	return FakeChannel;
}

/** Web Locks with one queue per name; a lock passes on when its holder's promise settles. */
export function fakeLocks(): LockManagerLike {
	const tails = new Map<string, Promise<unknown>>();
	return {
		request(name, callback) {
			const previous = tails.get(name) ?? Promise.resolve();
			const held = previous.then(() => callback());
			tails.set(
				name,
				held.catch(() => {})
			);
			return held;
		}
	};
}

export interface FakeEnv extends SyncEnvironment {
	timers: ManualTimers;
	goOnline: () => void;
	becomeVisible: () => void;
}

export function fakeEnv(hub: FakeHub, extra: Partial<SyncEnvironment> = {}): FakeEnv {
	const timers = new ManualTimers();
	const online = new Set<() => void>();
	const visible = new Set<() => void>();
	return {
		fetch: hub.fetch,
		baseUrl: 'http://hub.test',
		now: () => 1_800_000_000_000,
		random: () => 0.5,
		setTimeout: timers.setTimeout,
		clearTimeout: timers.clearTimeout,
		EventSource: FakeEventSource,
		onOnline: (listener) => (online.add(listener), () => online.delete(listener)),
		onVisible: (listener) => (visible.add(listener), () => visible.delete(listener)),
		timers,
		goOnline: () => online.forEach((listener) => listener()),
		becomeVisible: () => visible.forEach((listener) => listener()),
		...extra
	};
}

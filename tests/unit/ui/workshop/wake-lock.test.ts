import { describe, expect, it } from 'vitest';
import {
	browserWakeLockEnv,
	keepScreenOn,
	type WakeLockEnv,
	type WakeLockSentinelLike
} from '$lib/ui/workshop/wake-lock';

class FakeSentinel implements WakeLockSentinelLike {
	released = false;
	async release() {
		this.released = true;
	}
}

/** A page with a fake `navigator.wakeLock`: records requests, can hide and refuse. */
class FakePage implements WakeLockEnv {
	sentinels: FakeSentinel[] = [];
	hidden = false;
	refuse = false;
	listeners = new Set<() => void>();
	/** Resolvers of requests held back by `hold`. */
	held: (() => void)[] = [];
	hold = false;

	wakeLock = {
		request: (type: 'screen') => {
			expect(type).toBe('screen');
			if (this.refuse) return Promise.reject(new DOMException('no', 'NotAllowedError'));
			const sentinel = new FakeSentinel();
			this.sentinels.push(sentinel);
			if (!this.hold) return Promise.resolve(sentinel);
			return new Promise<FakeSentinel>((resolve) => this.held.push(() => resolve(sentinel)));
		}
	};

	visible = () => !this.hidden;

	onVisibilityChange(listener: () => void) {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** The page is hidden (the browser drops the lock) or shown again. */
	setHidden(hidden: boolean) {
		this.hidden = hidden;
		if (hidden) for (const sentinel of this.sentinels) sentinel.released = true;
		for (const listener of this.listeners) listener();
	}

	get active() {
		return this.sentinels.filter((s) => !s.released).length;
	}
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keepScreenOn', () => {
	it('holds one lock, takes it again when the page comes back, and gives it up on leave', async () => {
		const page = new FakePage();
		const release = keepScreenOn(page);
		await settle();
		expect(page.sentinels).toHaveLength(1);
		expect(page.active).toBe(1);

		page.setHidden(false); // a visibility change while the lock is held asks for nothing
		await settle();
		expect(page.sentinels).toHaveLength(1);

		page.setHidden(true);
		await settle();
		expect(page.active).toBe(0);
		expect(page.sentinels).toHaveLength(1); // a hidden page cannot have one

		page.setHidden(false);
		await settle();
		expect(page.sentinels).toHaveLength(2);
		expect(page.active).toBe(1);

		release();
		await settle();
		expect(page.active).toBe(0);
		expect(page.listeners.size).toBe(0);
		page.setHidden(false);
		await settle();
		expect(page.sentinels).toHaveLength(2);
	});

	it('releases a lock that arrives after the view was left', async () => {
		const page = new FakePage();
		page.hold = true;
		const release = keepScreenOn(page);
		await settle();
		expect(page.sentinels).toHaveLength(1);
		release();
		page.held.forEach((resolve) => resolve());
		await settle();
		expect(page.active).toBe(0);
	});

	it('does not ask while hidden, and lives with a refusal', async () => {
		const page = new FakePage();
		page.hidden = true;
		const release = keepScreenOn(page);
		await settle();
		expect(page.sentinels).toHaveLength(0);
		page.refuse = true;
		page.setHidden(false);
		await settle();
		expect(page.active).toBe(0);
		page.refuse = false;
		page.setHidden(true);
		page.setHidden(false);
		await settle();
		expect(page.active).toBe(1);
		release();
	});

	it('does nothing where the browser has no wake lock', async () => {
		const env = browserWakeLockEnv();
		expect(env.wakeLock).toBeUndefined(); // Node has no navigator.wakeLock
		const page = new FakePage();
		const missing: WakeLockEnv = {
			wakeLock: undefined,
			visible: page.visible,
			onVisibilityChange: (listener) => page.onVisibilityChange(listener)
		};
		const release = keepScreenOn(missing);
		expect(page.listeners.size).toBe(0);
		expect(() => release()).not.toThrow();
		expect(() => keepScreenOn()()).not.toThrow();
	});
});

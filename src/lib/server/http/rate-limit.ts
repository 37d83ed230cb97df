/**
 * In-memory sliding-window rate limits, one set per hub instance (a WeakMap keyed by the hub,
 * so tests with their own hub never share counters). Each key keeps the times of its accepted
 * hits inside the window; a refused hit is not recorded, so `Retry-After` is exact. Several hub
 * processes each count on their own: the limits are per process, which still stops guessing.
 */
import { HttpError } from '../http';

export class RateLimiter {
	readonly #hits = new Map<string, number[]>();

	constructor(
		readonly limit: number,
		readonly windowMs: number
	) {}

	/** Counts one hit for `key` at `now` (ms); the seconds to wait when over the limit, else 0. */
	take(key: string, now: number = Date.now()): number {
		const since = now - this.windowMs;
		const hits = (this.#hits.get(key) ?? []).filter((at) => at > since);
		if (hits.length >= this.limit) {
			this.#hits.set(key, hits);
			return Math.max(1, Math.ceil((hits[0]! + this.windowMs - now) / 1000));
		}
		hits.push(now);
		this.#hits.set(key, hits);
		if (this.#hits.size > 10_000) this.#sweep(since);
		return 0;
	}

	/** Throws a 429 `rate-limited` with `Retry-After` when `key` is over its limit. */
	enforce(key: string, now: number = Date.now()): void {
		throwIfWaiting(this.take(key, now));
	}

	/**
	 * Throws like `enforce` when `key` is over its limit, without counting a hit: for limits
	 * that count only failures (`recordFailure`).
	 */
	enforceFailures(key: string, now: number = Date.now()): void {
		const since = now - this.windowMs;
		const hits = (this.#hits.get(key) ?? []).filter((at) => at > since);
		if (hits.length < this.limit) return;
		throwIfWaiting(Math.max(1, Math.ceil((hits[0]! + this.windowMs - now) / 1000)));
	}

	/** Counts one failure for `key`; see `enforceFailures`. */
	recordFailure(key: string, now: number = Date.now()): void {
		this.take(key, now);
	}

	/** Drops keys whose hits all left the window, so memory follows the active keys only. */
	#sweep(since: number): void {
		for (const [key, hits] of this.#hits)
			if (hits.every((at) => at <= since)) this.#hits.delete(key);
	}
}

function throwIfWaiting(wait: number): void {
	if (wait === 0) return;
	throw new HttpError('rate-limited', `Too many requests. Try again in ${wait} seconds.`, 429, {
		'retry-after': String(wait)
	});
}

const minute = 60_000;

export interface HubLimits {
	loginPerIp: RateLimiter;
	loginPerEmail: RateLimiter;
	/**
	 * Wrong join codes per address. Only failures count: a workshop hall puts every phone
	 * behind one address, and forty people joining in a minute is the point of the hall.
	 */
	joinFailures: RateLimiter;
	push: RateLimiter;
	setup: RateLimiter;
}

const byHub = new WeakMap<object, HubLimits>();

/** The rate limiters of `hub` (docs: i3 contract): made on first use. */
export function rateLimits(hub: object): HubLimits {
	let limits = byHub.get(hub);
	if (!limits) {
		limits = {
			loginPerIp: new RateLimiter(10, minute),
			loginPerEmail: new RateLimiter(5, minute),
			joinFailures: new RateLimiter(10, minute),
			push: new RateLimiter(120, minute),
			setup: new RateLimiter(5, minute)
		};
		byHub.set(hub, limits);
	}
	return limits;
}

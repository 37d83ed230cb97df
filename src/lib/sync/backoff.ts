/** Longest wait between failed attempts. */
export const maxBackoffMs = 300_000;
export const jitter = 0.2;

/**
 * How long to wait after `failures` consecutive failures: min(2^n, 300) s, ±20% jitter so a
 * hall full of phones that lost the Wi-Fi together do not come back in lockstep.
 * `random` is injectable for tests (0..1; 0.5 means no jitter).
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
	const base = Math.min(2 ** Math.max(failures, 0) * 1000, maxBackoffMs);
	return Math.round(base * (1 + (random() * 2 - 1) * jitter));
}

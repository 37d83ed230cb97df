import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, maxBackoffMs } from '$lib/sync/backoff';

describe('backoffDelay', () => {
	it('doubles from 2 s and stops at 300 s without jitter', () => {
		const delays = [1, 2, 3, 4, 8, 9, 20].map((n) => backoffDelay(n, () => 0.5));
		expect(delays).toEqual([2000, 4000, 8000, 16000, 256000, 300000, 300000]);
	});

	it('stays within ±20% of min(2^n, 300) s', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 60 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(n, r) => {
					const base = Math.min(2 ** n * 1000, maxBackoffMs);
					const delay = backoffDelay(n, () => r);
					expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
					expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.2));
				}
			)
		);
		expect(backoffDelay(3, () => 0)).toBe(6400);
		expect(backoffDelay(3, () => 1)).toBe(9600);
	});
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultTimings, idleTimer, kioskTimings } from '$lib/ui/workshop/kiosk/timing';

const params = (query: string) => new URLSearchParams(query);

describe('kioskTimings', () => {
	it('uses a minute of idleness and a few seconds of thanks by default', () => {
		expect(kioskTimings(params(''))).toEqual(defaultTimings);
		expect(defaultTimings.idleMs).toBe(60_000);
	});

	it('reads idle and thanks in seconds, fractions included', () => {
		expect(kioskTimings(params('idle=2&thanks=0.5'))).toEqual({ idleMs: 2000, thanksMs: 500 });
	});

	it('falls back to the defaults for values that are not sensible', () => {
		for (const query of ['idle=0', 'idle=abc', 'idle=-5', 'idle=99999', 'idle=', 'thanks=600']) {
			expect(kioskTimings(params(query)), query).toEqual(defaultTimings);
		}
	});
});

describe('idleTimer', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('does nothing until poked', () => {
		const onIdle = vi.fn();
		idleTimer(1000, onIdle);
		vi.advanceTimersByTime(5000);
		expect(onIdle).not.toHaveBeenCalled();
	});

	it('fires once after the pause, and each poke restarts the countdown', () => {
		const onIdle = vi.fn();
		const timer = idleTimer(1000, onIdle);
		timer.poke();
		vi.advanceTimersByTime(900);
		timer.poke();
		vi.advanceTimersByTime(900);
		expect(onIdle).not.toHaveBeenCalled();
		vi.advanceTimersByTime(100);
		expect(onIdle).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(5000);
		expect(onIdle).toHaveBeenCalledTimes(1);
	});

	it('never fires once stopped', () => {
		const onIdle = vi.fn();
		const timer = idleTimer(1000, onIdle);
		timer.poke();
		timer.stop();
		vi.advanceTimersByTime(5000);
		expect(onIdle).not.toHaveBeenCalled();
	});
});

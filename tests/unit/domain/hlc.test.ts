import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	clampHlc,
	compareHlc,
	formatHlc,
	maxDriftMs,
	parseHlc,
	receive,
	tick,
	zeroHlc,
	type Hlc
} from '$lib/domain/hlc';

const start = 1_700_000_000_000;
type Step = { kind: 'tick'; jump: number } | { kind: 'receive'; jump: number; offset: number };

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({
		kind: fc.constant('tick' as const),
		jump: fc.integer({ min: -600_000, max: 600_000 })
	}),
	fc.record({
		kind: fc.constant('receive' as const),
		jump: fc.integer({ min: -600_000, max: 600_000 }),
		offset: fc.integer({ min: -3_600_000, max: 3_600_000 })
	})
);

describe('hybrid logical clock', () => {
	it('is strictly increasing whatever the wall clock does, and never runs ahead by more than maxDrift', () => {
		fc.assert(
			fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
				let now = start;
				let clock: Hlc = zeroHlc('device-a');
				let previous = formatHlc(clock);
				let maxNow = now;
				for (const s of steps) {
					now += s.jump;
					maxNow = Math.max(maxNow, now);
					if (s.kind === 'tick') clock = tick(clock, now);
					else {
						const remote = { wall: now + s.offset, counter: 3, node: 'device-b' };
						clock = receive(clock, remote, now);
					}
					const value = formatHlc(clock);
					expect(compareHlc(value, previous)).toBe(1);
					expect(clock.wall).toBeLessThanOrEqual(maxNow + maxDriftMs + 1);
					previous = value;
				}
			})
		);
	});

	it('ticks past a remote clock it received', () => {
		const remote = { wall: start + 5000, counter: 7, node: 'b' };
		const after = receive(zeroHlc('a'), remote, start);
		expect(after.wall).toBe(start + 5000);
		expect(after.counter).toBe(8);
		expect(formatHlc(tick(after, start)) > formatHlc(remote)).toBe(true);
	});

	it('round-trips through its string form and sorts like the values', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 2 ** 45 }),
				fc.integer({ min: 0, max: 36 ** 6 - 1 }),
				(wall, counter) => {
					const hlc = { wall, counter, node: 'n' };
					expect(parseHlc(formatHlc(hlc))).toEqual(hlc);
					const later = formatHlc({ wall: wall + 1, counter: 0, node: 'n' });
					expect(formatHlc(hlc) < later).toBe(true);
				}
			)
		);
	});

	it('clampHlc pulls a far-future clock down to now + maxDrift, keeping its node', () => {
		const far = formatHlc({ wall: start + 3_600_000, counter: 2, node: 'liar' });
		const clamped = parseHlc(clampHlc(far, start));
		expect(clamped).toEqual({ wall: start + maxDriftMs, counter: 2, node: 'liar' });
		const near = formatHlc({ wall: start + 1000, counter: 0, node: 'ok' });
		expect(clampHlc(near, start)).toBe(near);
	});

	it('refuses a value that is not a clock', () => {
		expect(() => parseHlc('yesterday')).toThrow(/Not a hybrid logical clock/);
	});
});

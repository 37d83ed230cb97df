import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '$lib/domain/hlc';
import { changes, latestClock, mergeStates, patchState, type RecordState } from '$lib/domain/merge';

const hlc = fc
	.record({
		wall: fc.integer({ min: 0, max: 50 }),
		counter: fc.integer({ min: 0, max: 3 }),
		node: fc.constantFrom('a', 'b', 'c')
	})
	.map(formatHlc);
const value = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null));
/** One write: a value per field at one clock. Equal clocks only ever come from the same write. */
const write = fc.record({
	hlc,
	patch: fc.dictionary(fc.constantFrom('title', 'text', 'deleted'), value, { minKeys: 1 })
});
/** A state built from writes, with a value fixed per clock so equal clocks agree. */
const state: fc.Arbitrary<RecordState> = fc
	.array(write, { maxLength: 4 })
	.map((writes) =>
		writes
			.map(({ hlc, patch }) =>
				patchState(Object.fromEntries(Object.keys(patch).map((k) => [k, `${k}@${hlc}`])), hlc)
			)
			.reduce(mergeStates, { fields: {}, clocks: {} })
	);

describe('mergeStates', () => {
	it('is commutative', () => {
		fc.assert(
			fc.property(state, state, (a, b) => {
				expect(mergeStates(a, b)).toEqual(mergeStates(b, a));
			})
		);
	});

	it('is associative', () => {
		fc.assert(
			fc.property(state, state, state, (a, b, c) => {
				expect(mergeStates(mergeStates(a, b), c)).toEqual(mergeStates(a, mergeStates(b, c)));
			})
		);
	});

	it('is idempotent', () => {
		fc.assert(
			fc.property(state, state, (a, b) => {
				expect(mergeStates(a, a)).toEqual(a);
				const ab = mergeStates(a, b);
				expect(mergeStates(ab, b)).toEqual(ab);
			})
		);
	});

	it('keeps the later write per field', () => {
		const older = patchState(
			{ title: 'old', text: 'kept' },
			formatHlc({ wall: 1, counter: 0, node: 'a' })
		);
		const newer = patchState({ title: 'new' }, formatHlc({ wall: 2, counter: 0, node: 'b' }));
		expect(mergeStates(older, newer).fields).toEqual({ title: 'new', text: 'kept' });
		expect(changes(older, newer)).toBe(true);
		expect(changes(mergeStates(older, newer), newer)).toBe(false);
		expect(latestClock(mergeStates(older, newer))).toBe(newer.clocks.title);
	});
});

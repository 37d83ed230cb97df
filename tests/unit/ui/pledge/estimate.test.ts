import { describe, expect, it } from 'vitest';
import { estimateParts, scaleLevels } from '$lib/ui/pledge/estimate';

describe('estimateParts', () => {
	it('says 3 of 5 commuting days ≈ 60% of 2.4 t = 1.44 t', () => {
		expect(estimateParts(2.4, 3, { reference: 5 })).toEqual({
			level: 3,
			percent: 60,
			figure: 2.4,
			estimate: 1.44
		});
	});

	it('scales above the reference (two flights) and rounds to two decimals', () => {
		expect(estimateParts(1.6, 2, { reference: 1 })).toMatchObject({ percent: 200, estimate: 3.2 });
		expect(estimateParts(0.1, 1, { reference: 3 })).toMatchObject({ percent: 33, estimate: 0.03 });
	});
});

describe('scaleLevels', () => {
	it('lists the levels of a scale, with fractional steps exact', () => {
		expect(scaleLevels({ min: 1, max: 5, step: 1 })).toEqual([1, 2, 3, 4, 5]);
		expect(scaleLevels({ min: 0.5, max: 1.5, step: 0.5 })).toEqual([0.5, 1, 1.5]);
		expect(scaleLevels({ min: 0, max: 1000, step: 1 })).toHaveLength(60);
	});
});

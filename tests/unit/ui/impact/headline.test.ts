import { describe, expect, it } from 'vitest';
import type { ImpactSummary } from '$lib/domain/pledge/impact';
import { headlineItems, isEmptyImpact } from '$lib/ui/impact/headline';

const summary = (overrides: Partial<ImpactSummary> = {}): ImpactSummary => ({
	threshold: 5,
	people: 1200,
	activePledges: 900,
	keptPledges: 300,
	checkIns: 4000,
	tco2e: 38.04,
	themes: [],
	...overrides
});

describe('headline numbers', () => {
	it('formats each number in order, tonnes with one decimal', () => {
		expect(headlineItems(summary(), 'en').map((item) => [item.key, item.text])).toEqual([
			['people', '1,200'],
			['activePledges', '900'],
			['keptPledges', '300'],
			['checkIns', '4,000'],
			['tco2e', '38']
		]);
	});

	it('keeps a suppressed number as null with no text, never as zero', () => {
		const items = headlineItems(summary({ people: null, tco2e: null }), 'en');
		expect(items[0]).toEqual({ key: 'people', value: null, text: '' });
		expect(items[4]).toEqual({ key: 'tco2e', value: null, text: '' });
	});

	it('is empty only when nobody pledged, not when the count is hidden', () => {
		expect(isEmptyImpact(summary({ people: 0 }))).toBe(true);
		expect(isEmptyImpact(summary({ people: null }))).toBe(false);
	});
});

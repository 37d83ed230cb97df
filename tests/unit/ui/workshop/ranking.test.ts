import { describe, expect, it } from 'vitest';
import { formatRemaining, rankBars } from '$lib/ui/workshop/staff/ranking';

describe('rankBars', () => {
	it('sorts highest first with widths relative to the leader', () => {
		const bars = rankBars([
			{ id: 'a', label: 'Bikes', value: 2 },
			{ id: 'b', label: 'Trees', value: 8 },
			{ id: 'c', label: 'Solar', value: 4 }
		]);
		expect(bars.map((bar) => [bar.label, bar.percent, bar.rank])).toEqual([
			['Trees', 100, 1],
			['Solar', 50, 2],
			['Bikes', 25, 3]
		]);
	});

	it('gives ties the same rank and a stable order by label', () => {
		const bars = rankBars([
			{ id: 'z', label: 'Zebra crossing', value: 3 },
			{ id: 'a', label: 'Allotments', value: 3 },
			{ id: 'm', label: 'Market', value: 1 }
		]);
		expect(bars.map((bar) => [bar.id, bar.rank])).toEqual([
			['a', 1],
			['z', 1],
			['m', 3]
		]);
	});

	it('draws empty bars when nothing has a value yet', () => {
		const bars = rankBars([{ id: 'a', label: 'A', value: 0 }]);
		expect(bars[0]?.percent).toBe(0);
		expect(rankBars([])).toEqual([]);
	});
});

describe('formatRemaining', () => {
	it('shows minutes and seconds, rounding up, and stops at 0:00', () => {
		expect(formatRemaining(10_000 + 125_400, 10_000)).toBe('2:06');
		expect(formatRemaining(5_000, 10_000)).toBe('0:00');
		expect(formatRemaining(3_725_000, 0)).toBe('1:02:05');
		expect(formatRemaining(null, 0)).toBe('');
	});
});

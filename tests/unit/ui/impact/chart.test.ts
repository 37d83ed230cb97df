import { describe, expect, it } from 'vitest';
import { pledgeThemes } from '$lib/domain/pledge/catalogue';
import type { ShownThemeTotals } from '$lib/domain/pledge/impact';
import { barPatterns, chartBoxFor, themeChart } from '$lib/ui/impact/chart';

const row = (theme: ShownThemeTotals['theme'], tco2e: number | null): ShownThemeTotals => ({
	theme,
	people: tco2e === null ? null : 10,
	pledges: tco2e === null ? null : 12,
	tco2e
});
const box = { width: 500, labelWidth: 100, valueWidth: 100, barHeight: 20, gap: 10 };

describe('theme chart', () => {
	it('scales bars to the largest value and stacks them', () => {
		const chart = themeChart(
			[row('mobility', 30), row('home-energy', 15), row('food', 0), row('consumption', null)],
			pledgeThemes,
			box
		);
		expect(chart.bars.map((bar) => bar.width)).toEqual([300, 150, 0, 0]);
		expect(chart.bars.map((bar) => bar.y)).toEqual([5, 35, 65, 95]);
		expect(chart.height).toBe(120);
		expect(chart.bars[1]).toMatchObject({ x: 100, valueX: 258, textY: 45, value: 15 });
		expect(chart.bars[3]?.value).toBeNull();
	});

	it('gives every theme its own pattern, so colour is not the only difference', () => {
		const chart = themeChart(
			pledgeThemes.map((theme) => row(theme, 1)),
			pledgeThemes,
			box
		);
		const patterns = chart.bars.map((bar) => bar.pattern);
		expect(new Set(patterns).size).toBe(pledgeThemes.length);
		patterns.forEach((pattern) => expect(barPatterns).toContain(pattern));
	});

	it('keeps a tiny value visible and draws nothing when all are zero', () => {
		const chart = themeChart([row('mobility', 1000), row('food', 0.01)], pledgeThemes, box);
		expect(chart.bars[1]?.width).toBe(2);
		const empty = themeChart([row('mobility', 0)], pledgeThemes, box);
		expect(empty.bars[0]?.width).toBe(0);
	});

	it('puts theme names above the bars on a narrow screen, drawn at one unit per pixel', () => {
		const wide = chartBoxFor(800);
		expect(wide).toMatchObject({ width: 800, labelWidth: 210 });
		const narrow = chartBoxFor(360);
		expect(narrow).toMatchObject({ width: 360, labelWidth: 0, labelAbove: 24 });
		const chart = themeChart([row('mobility', 10), row('food', 5)], pledgeThemes, narrow);
		const [first, second] = chart.bars;
		expect(first).toMatchObject({ x: 0, labelY: 8 + 12, y: 8 + 24 });
		expect(first!.labelY).toBeLessThan(first!.y);
		expect(second!.y - first!.y).toBe(24 + 32 + 16);
		expect(first!.valueX + 190).toBeLessThanOrEqual(360 + 8);
	});

	it('mirrors right-to-left: names on the right, bars grow from the right edge, values left of them', () => {
		const rows = [row('mobility', 30), row('home-energy', 15), row('food', null)];
		const ltr = themeChart(rows, pledgeThemes, box);
		const rtl = themeChart(rows, pledgeThemes, box, 'rtl');
		expect(rtl.bars.map((bar) => bar.labelX)).toEqual([500, 500, 500]);
		// Both bars end where the name column begins (500 - 100) and grow leftwards.
		expect(rtl.bars.map((bar) => bar.x + bar.width)).toEqual([400, 400, 400]);
		expect(rtl.bars.map((bar) => bar.x)).toEqual([100, 250, 400]);
		// The value starts 8 units left of its bar and runs leftwards (text-anchor start, rtl).
		expect(rtl.bars.map((bar) => bar.valueX)).toEqual([92, 242, 392]);
		// Only x changes: sizes, rows, patterns and values stay as left-to-right.
		rtl.bars.forEach((bar, i) => {
			const { x, valueX, labelX, ...rest } = ltr.bars[i]!;
			expect(bar).toMatchObject(rest);
			expect([bar.x + bar.width, bar.valueX, bar.labelX]).toEqual([
				500 - x,
				500 - valueX,
				500 - labelX
			]);
		});
		expect(ltr.bars.map((bar) => bar.labelX)).toEqual([0, 0, 0]);
	});

	it('mirrors the narrow layout too, names above the bars at the right edge', () => {
		const chart = themeChart([row('mobility', 10)], pledgeThemes, chartBoxFor(360), 'rtl');
		const [bar] = chart.bars;
		expect(bar).toMatchObject({ labelX: 360, x: 360 - bar!.width });
		expect(bar!.valueX - 190).toBeGreaterThanOrEqual(-8);
	});
});

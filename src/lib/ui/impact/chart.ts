/**
 * Geometry of the per-theme bar chart, shared by the inline SVG and the canvas image. Bars are
 * horizontal, scaled to the largest shown value; a suppressed value (null) gets no bar, and the
 * label says why. Each theme has its own fill pattern so the bars differ without colour.
 * Right-to-left, the chart is mirrored: names on the right, bars growing from the right edge of
 * the plot towards the left, each value left of its bar. Text x positions are the start edge of
 * the text in the chart's direction (SVG `text-anchor="start"` with the same `direction`).
 */
import type { PledgeTheme } from '$lib/domain/pledge/catalogue';
import type { ShownThemeTotals } from '$lib/domain/pledge/impact';
import type { TextDirection } from '$lib/i18n/languages';

export const barPatterns = ['diagonal', 'dots', 'cross', 'horizontal', 'vertical'] as const;
export type BarPattern = (typeof barPatterns)[number];

export interface ChartBox {
	/** Width of the whole chart. */
	width: number;
	/** Width of the theme-name column before the bars (left of them, right of them in RTL). */
	labelWidth: number;
	/** Width kept after the longest bar for its value. */
	valueWidth: number;
	barHeight: number;
	gap: number;
	/** Height of a label line above each bar; 0 puts the label beside the bar instead. */
	labelAbove?: number;
}

export const defaultChartBox: ChartBox = {
	width: 720,
	labelWidth: 210,
	valueWidth: 200,
	barHeight: 32,
	gap: 16
};

/** Below this width the theme names go above the bars, so the text keeps its size. */
export const narrowChart = 560;

/** The box for a chart drawn `width` CSS pixels wide, at 1 unit per pixel. */
export function chartBoxFor(width: number): ChartBox {
	const usable = Math.max(240, Math.round(width));
	if (usable >= narrowChart) return { ...defaultChartBox, width: usable };
	return { ...defaultChartBox, width: usable, labelWidth: 0, valueWidth: 190, labelAbove: 24 };
}

export interface ChartBar {
	theme: PledgeTheme;
	/** The shown value; null when it stands for too few people. */
	value: number | null;
	pattern: BarPattern;
	x: number;
	y: number;
	width: number;
	height: number;
	/** Where the value text starts (after the bar, in the reading direction) and its middle line. */
	valueX: number;
	textY: number;
	/** Where the theme name starts: the chart's left edge, or its right edge in RTL. */
	labelX: number;
	/** The middle line of the theme name (beside the bar, or above it). */
	labelY: number;
}

export interface ChartLayout {
	width: number;
	height: number;
	bars: ChartBar[];
}

/** The pattern of a theme: fixed per theme, so a theme looks the same on every dashboard. */
export function patternOf(theme: PledgeTheme, themes: readonly PledgeTheme[]): BarPattern {
	const index = Math.max(0, themes.indexOf(theme));
	return barPatterns[index % barPatterns.length]!;
}

/** The bar seen in a mirror: every x measured from the right edge of a chart `width` wide. */
export function mirrorBar(bar: ChartBar, width: number): ChartBar {
	return {
		...bar,
		x: width - bar.x - bar.width,
		valueX: width - bar.valueX,
		labelX: width - bar.labelX
	};
}

/** Bars for the tCO2e a year of each theme, laid out in the reading direction `dir`. */
export function themeChart(
	rows: readonly ShownThemeTotals[],
	themes: readonly PledgeTheme[],
	box: ChartBox = defaultChartBox,
	dir: TextDirection = 'ltr'
): ChartLayout {
	const values = rows.map((row) => row.tco2e ?? 0);
	const largest = Math.max(0, ...values);
	const room = Math.max(0, box.width - box.labelWidth - box.valueWidth);
	const above = box.labelAbove ?? 0;
	const pitch = above + box.barHeight + box.gap;
	const bars = rows.map((row, i): ChartBar => {
		const top = box.gap / 2 + i * pitch;
		const y = top + above;
		const value = row.tco2e;
		// A zero total draws no bar; a tiny non-zero one still shows a sliver.
		const width = value && largest > 0 ? Math.max(2, (value / largest) * room) : 0;
		return {
			theme: row.theme,
			value,
			pattern: patternOf(row.theme, themes),
			x: box.labelWidth,
			y,
			width,
			height: box.barHeight,
			valueX: box.labelWidth + width + 8,
			textY: y + box.barHeight / 2,
			labelX: 0,
			labelY: above ? top + above / 2 : y + box.barHeight / 2
		};
	});
	const shown = dir === 'rtl' ? bars.map((bar) => mirrorBar(bar, box.width)) : bars;
	return { width: box.width, height: rows.length * pitch, bars: shown };
}

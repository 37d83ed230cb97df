/**
 * The shareable image of a dashboard (1200 × 630, the size link previews use): the title, the
 * headline numbers, the per-theme bars and the estimate note with the link. `imageLayout` is
 * pure (text is already translated and formatted by the caller), so the tests check what ends
 * up where; `drawImage` only replays the operations on a canvas. Right-to-left, the whole image
 * is mirrored (as the page's chart is): every text starts at its right edge and runs leftwards.
 */
import { themeChart, type BarPattern } from './chart';
import type { PledgeTheme } from '$lib/domain/pledge/catalogue';
import type { ShownThemeTotals } from '$lib/domain/pledge/impact';
import type { TextDirection } from '$lib/i18n/languages';

export const imageSize = { width: 1200, height: 630 } as const;

export interface ImageText {
	title: string;
	/** "Computed at …" */
	subtitle: string;
	headline: { label: string; value: string }[];
	chartTitle: string;
	themes: { row: ShownThemeTotals; label: string; value: string }[];
	note: string;
	link: string;
}

export type ImageOp =
	| { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
	| {
			kind: 'text';
			x: number;
			y: number;
			text: string;
			size: number;
			bold: boolean;
			maxWidth: number;
			/** The text's direction; `x` is where it starts (its right edge in 'rtl'). Default 'ltr'. */
			dir?: TextDirection;
	  }
	| { kind: 'bar'; x: number; y: number; width: number; height: number; pattern: BarPattern };

const margin = 56;
export const imageColours = { background: '#ffffff', ink: '#1a1a1a', bar: '#1d5c3a' } as const;

function headlineOps(items: ImageText['headline'], top: number): ImageOp[] {
	const column = (imageSize.width - 2 * margin) / Math.max(1, items.length);
	return items.flatMap((item, i): ImageOp[] => {
		const x = margin + i * column;
		const maxWidth = column - 16;
		return [
			{ kind: 'text', x, y: top, text: item.value, size: 40, bold: true, maxWidth },
			{ kind: 'text', x, y: top + 34, text: item.label, size: 20, bold: false, maxWidth }
		];
	});
}

function chartOps(text: ImageText, themes: readonly PledgeTheme[], top: number): ImageOp[] {
	const box = { width: imageSize.width - 2 * margin, labelWidth: 260, valueWidth: 260 };
	const chart = themeChart(
		text.themes.map((item) => item.row),
		themes,
		{ ...box, barHeight: 34, gap: 14 }
	);
	const ops: ImageOp[] = [
		{
			kind: 'text',
			x: margin,
			y: top,
			text: text.chartTitle,
			size: 24,
			bold: true,
			maxWidth: box.width
		}
	];
	chart.bars.forEach((bar, i) => {
		const y = top + 20 + bar.y;
		const item = text.themes[i]!;
		const textY = y + bar.height / 2 + 8;
		ops.push({
			kind: 'text',
			x: margin,
			y: textY,
			text: item.label,
			size: 22,
			bold: false,
			maxWidth: box.labelWidth - 12
		});
		if (bar.width > 0)
			ops.push({
				kind: 'bar',
				x: margin + bar.x,
				y,
				width: bar.width,
				height: bar.height,
				pattern: bar.pattern
			});
		ops.push({
			kind: 'text',
			x: margin + bar.valueX,
			y: textY,
			text: item.value,
			size: 22,
			bold: true,
			maxWidth: box.valueWidth - 8
		});
	});
	return ops;
}

/** The operation seen in a mirror of the image: right-to-left texts start at their right edge. */
export function mirrorOp(op: ImageOp): ImageOp {
	const { width } = imageSize;
	if (op.kind === 'text') return { ...op, x: width - op.x, dir: 'rtl' };
	return { ...op, x: width - op.x - op.width };
}

/** Every drawing operation of the image, in painting order, laid out for reading in `dir`. */
export function imageLayout(
	text: ImageText,
	themes: readonly PledgeTheme[],
	dir: TextDirection = 'ltr'
): ImageOp[] {
	const ops = ltrLayout(text, themes);
	return dir === 'rtl' ? ops.map(mirrorOp) : ops;
}

function ltrLayout(text: ImageText, themes: readonly PledgeTheme[]): ImageOp[] {
	const { width, height } = imageSize;
	const full = width - 2 * margin;
	return [
		{ kind: 'rect', x: 0, y: 0, width, height, fill: imageColours.background },
		{ kind: 'text', x: margin, y: 76, text: text.title, size: 40, bold: true, maxWidth: full },
		{ kind: 'text', x: margin, y: 112, text: text.subtitle, size: 20, bold: false, maxWidth: full },
		...headlineOps(text.headline, 182),
		...chartOps(text, themes, 282),
		{
			kind: 'text',
			x: margin,
			y: height - 56,
			text: text.note,
			size: 18,
			bold: false,
			maxWidth: full
		},
		{
			kind: 'text',
			x: margin,
			y: height - 28,
			text: text.link,
			size: 18,
			bold: true,
			maxWidth: full
		}
	];
}

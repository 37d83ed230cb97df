import { describe, expect, it } from 'vitest';
import { pledgeThemes } from '$lib/domain/pledge/catalogue';
import { drawImage, type Ctx } from '$lib/ui/impact/draw';
import { imageLayout, imageSize, type ImageOp, type ImageText } from '$lib/ui/impact/image';

const text: ImageText = {
	title: 'Car-free May',
	subtitle: 'Computed 3 May 2026',
	headline: [
		{ label: 'people', value: '120' },
		{ label: 't CO2e a year', value: '38' }
	],
	chartTitle: 'By theme',
	themes: [
		{
			row: { theme: 'mobility', people: 100, pledges: 110, tco2e: 30 },
			label: 'Mobility',
			value: '30 t'
		},
		{
			row: { theme: 'food', people: null, pledges: null, tco2e: null },
			label: 'Food',
			value: 'hidden'
		}
	],
	note: 'These are estimates.',
	link: 'https://plaza.example/impact/may'
};

const texts = (ops: ImageOp[]) => ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));

describe('impact image layout', () => {
	const ops = imageLayout(text, pledgeThemes);

	it('paints the background first and every text once', () => {
		expect(ops[0]).toMatchObject({
			kind: 'rect',
			width: imageSize.width,
			height: imageSize.height
		});
		expect(texts(ops)).toEqual([
			'Car-free May',
			'Computed 3 May 2026',
			'120',
			'people',
			'38',
			't CO2e a year',
			'By theme',
			'Mobility',
			'30 t',
			'Food',
			'hidden',
			'These are estimates.',
			'https://plaza.example/impact/may'
		]);
	});

	it('draws a patterned bar only for a shown value, all inside the image', () => {
		const bars = ops.filter((op) => op.kind === 'bar');
		expect(bars).toHaveLength(1);
		expect(bars[0]).toMatchObject({ pattern: 'diagonal' });
		for (const op of ops) {
			if (op.kind === 'rect') continue;
			expect(op.x).toBeGreaterThanOrEqual(0);
			expect(op.y).toBeLessThanOrEqual(imageSize.height);
			if (op.kind === 'bar') expect(op.x + op.width).toBeLessThanOrEqual(imageSize.width);
		}
	});

	it('replays the operations on a canvas context', () => {
		const calls: string[] = [];
		const record =
			(name: string) =>
			(...args: unknown[]) =>
				calls.push(`${name}:${String(args[0])}`);
		const ctx = {
			fillStyle: '',
			strokeStyle: '',
			font: '',
			lineWidth: 1,
			fillRect: record('fillRect'),
			fillText: record('fillText'),
			strokeRect: record('strokeRect'),
			beginPath: record('beginPath'),
			moveTo: record('moveTo'),
			lineTo: record('lineTo'),
			arc: record('arc'),
			fill: record('fill'),
			stroke: record('stroke'),
			save: record('save'),
			restore: record('restore'),
			rect: record('rect'),
			clip: record('clip')
		} as unknown as Ctx;
		drawImage(ctx, ops);
		expect(calls.filter((c) => c.startsWith('fillText'))).toHaveLength(texts(ops).length);
		expect(calls).toContain('fillText:Car-free May');
		expect(calls.filter((c) => c.startsWith('stroke:'))).toHaveLength(1);
		expect(ctx).toMatchObject({ direction: 'ltr', textAlign: 'start' });
		drawImage(ctx, imageLayout(text, pledgeThemes, 'rtl'));
		expect(ctx).toMatchObject({ direction: 'rtl', textAlign: 'start' });
	});

	it('is mirrored right-to-left: texts start at the right, bars grow from the right', () => {
		const rtl = imageLayout(text, pledgeThemes, 'rtl');
		const { width } = imageSize;
		expect(texts(rtl)).toEqual(texts(ops));
		rtl.forEach((op, i) => {
			const ltr = ops[i]!;
			expect(op.kind).toBe(ltr.kind);
			expect(op.y).toBe(ltr.y);
			if (op.kind === 'text') expect(op).toMatchObject({ x: width - ltr.x, dir: 'rtl' });
			else if (ltr.kind !== 'text') expect(op.x + op.width).toBe(width - ltr.x);
		});
		const title = rtl.find((op) => op.kind === 'text' && op.text === 'Car-free May');
		expect(title).toMatchObject({ x: width - 56 });
		const [bar] = rtl.filter((op) => op.kind === 'bar');
		const label = rtl.find((op) => op.kind === 'text' && op.text === 'Mobility');
		const value = rtl.find((op) => op.kind === 'text' && op.text === '30 t');
		// The name is right of its bar, the value left of it.
		expect(label!.x).toBeGreaterThan(bar!.x + bar!.width);
		expect(value!.x).toBeLessThan(bar!.x);
		expect(ops.every((op) => op.kind !== 'text' || op.dir === undefined)).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { qrMatrix, qrRects, qrViewBox, quietZone } from '$lib/ui/workshop/staff/qr';

/** Paints rects back into a matrix, to compare with the source. */
function paint(size: number, rects: ReturnType<typeof qrRects>): number[] {
	const out = Array<number>(size * size).fill(0);
	for (const { x, y, width } of rects) for (let i = 0; i < width; i++) out[y * size + x + i] = 1;
	return out;
}

describe('qrRects', () => {
	it('merges a run of dark modules into one rect and skips light ones', () => {
		const data = [1, 1, 0, 0, 0, 1, 1, 1, 1];
		expect(qrRects({ size: 3, data })).toEqual([
			{ x: 0, y: 0, width: 2 },
			{ x: 2, y: 1, width: 1 },
			{ x: 0, y: 2, width: 3 }
		]);
	});

	it('never lets a run wrap onto the next row', () => {
		const rects = qrRects({ size: 2, data: [0, 1, 1, 0] });
		expect(rects).toEqual([
			{ x: 1, y: 0, width: 1 },
			{ x: 0, y: 1, width: 1 }
		]);
	});

	it('redraws the exact matrix of a real join link', async () => {
		const matrix = await qrMatrix('https://hub.example.org/join/K7MR2XQ9TB');
		const rects = qrRects(matrix);
		expect(paint(matrix.size, rects)).toEqual(Array.from(matrix.data, Number));
		expect(rects.length).toBeLessThan(matrix.size * matrix.size);
		// Finder pattern: the top-left 7 modules of the first row are one dark run.
		expect(rects[0]).toEqual({ x: 0, y: 0, width: 7 });
	});
});

describe('qrViewBox', () => {
	it('leaves the quiet zone around the code', () => {
		expect(qrViewBox(21)).toBe(`-${quietZone} -${quietZone} 29 29`);
	});
});

/**
 * A QR code as SVG rectangles. The `qrcode` package computes the module matrix on the device
 * (so the code works offline); we draw it ourselves as `<rect>`s instead of injecting its SVG
 * string, which would need {@html}. Dark modules in a row are merged into one rectangle, which
 * keeps a version-10 code at a few hundred elements instead of a few thousand.
 */

/** The module matrix as `qrcode` gives it: `size`×`size`, row-major, 1 = dark. */
export interface QrMatrix {
	size: number;
	data: ArrayLike<number | boolean>;
}

export interface QrRect {
	x: number;
	y: number;
	width: number;
}

/** One rectangle (height 1) per horizontal run of dark modules, row by row. */
export function qrRects(matrix: QrMatrix): QrRect[] {
	const rects: QrRect[] = [];
	const { size, data } = matrix;
	for (let y = 0; y < size; y++) {
		let start = -1;
		for (let x = 0; x <= size; x++) {
			const dark = x < size && Boolean(data[y * size + x]);
			if (dark && start < 0) start = x;
			if (!dark && start >= 0) {
				rects.push({ x: start, y, width: x - start });
				start = -1;
			}
		}
	}
	return rects;
}

/** Scanners need a light margin of four modules around the code. */
export const quietZone = 4;

/** The SVG viewBox for a matrix of `size` modules with its quiet zone. */
export function qrViewBox(size: number): string {
	return `${-quietZone} ${-quietZone} ${size + 2 * quietZone} ${size + 2 * quietZone}`;
}

/**
 * The matrix for `text`, computing it with `qrcode` loaded on first use: the participant's pages
 * never carry the library, only the facilitator's join panel does.
 */
export async function qrMatrix(text: string): Promise<QrMatrix> {
	const { create } = await import('qrcode');
	const { modules } = create(text, { errorCorrectionLevel: 'M' });
	return { size: modules.size, data: modules.data };
}

/**
 * Replays the image operations (image.ts) on a 2D canvas and makes the PNG. Bars get a solid
 * fill plus their theme's pattern in white, so they differ without relying on colour.
 */
import type { BarPattern } from './chart';
import { imageColours, imageSize, type ImageOp } from './image';

/** The part of CanvasRenderingContext2D the drawing uses (a fake one in the tests). */
export type Ctx = Pick<
	CanvasRenderingContext2D,
	| 'fillRect'
	| 'fillText'
	| 'strokeRect'
	| 'beginPath'
	| 'moveTo'
	| 'lineTo'
	| 'arc'
	| 'fill'
	| 'stroke'
	| 'save'
	| 'restore'
	| 'rect'
	| 'clip'
> & {
	fillStyle: unknown;
	strokeStyle: unknown;
	font: string;
	lineWidth: number;
	direction: CanvasDirection;
	textAlign: CanvasTextAlign;
};

function patternLines(ctx: Ctx, op: Extract<ImageOp, { kind: 'bar' }>, pattern: BarPattern) {
	const { x, y, width, height } = op;
	const step = 10;
	ctx.beginPath();
	if (pattern === 'dots') {
		for (let px = x + 5; px < x + width; px += step)
			for (let py = y + 5; py < y + height; py += step) {
				ctx.moveTo(px + 2, py);
				ctx.arc(px, py, 2, 0, 2 * Math.PI);
			}
		ctx.fill();
		return;
	}
	const diagonal = pattern === 'diagonal' || pattern === 'cross';
	if (diagonal)
		for (let d = -height; d < width; d += step) {
			ctx.moveTo(x + d, y + height);
			ctx.lineTo(x + d + height, y);
		}
	if (pattern === 'cross')
		for (let d = 0; d < width + height; d += step) {
			ctx.moveTo(x + d - height, y);
			ctx.lineTo(x + d, y + height);
		}
	if (pattern === 'horizontal')
		for (let py = y + 5; py < y + height; py += 8) {
			ctx.moveTo(x, py);
			ctx.lineTo(x + width, py);
		}
	if (pattern === 'vertical')
		for (let px = x + 5; px < x + width; px += 8) {
			ctx.moveTo(px, y);
			ctx.lineTo(px, y + height);
		}
	ctx.stroke();
}

function drawBar(ctx: Ctx, op: Extract<ImageOp, { kind: 'bar' }>) {
	ctx.save();
	ctx.fillStyle = imageColours.bar;
	ctx.fillRect(op.x, op.y, op.width, op.height);
	ctx.beginPath();
	ctx.rect(op.x, op.y, op.width, op.height);
	ctx.clip();
	ctx.fillStyle = '#ffffff';
	ctx.strokeStyle = '#ffffff';
	ctx.lineWidth = 2;
	patternLines(ctx, op, op.pattern);
	ctx.restore();
}

/** Paints the operations in order. */
export function drawImage(ctx: Ctx, ops: readonly ImageOp[]): void {
	for (const op of ops) {
		if (op.kind === 'rect') {
			ctx.fillStyle = op.fill;
			ctx.fillRect(op.x, op.y, op.width, op.height);
		} else if (op.kind === 'text') {
			ctx.fillStyle = imageColours.ink;
			ctx.font = `${op.bold ? '700 ' : ''}${op.size}px system-ui, sans-serif`;
			// `x` is where the text starts: its left edge, or its right edge right-to-left.
			ctx.direction = op.dir ?? 'ltr';
			ctx.textAlign = 'start';
			ctx.fillText(op.text, op.x, op.y, op.maxWidth);
		} else drawBar(ctx, op);
	}
}

/** The image as a PNG file; rejects when the browser cannot draw or encode it. */
export async function renderPng(ops: readonly ImageOp[], name: string): Promise<File> {
	const canvas = document.createElement('canvas');
	canvas.width = imageSize.width;
	canvas.height = imageSize.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('No 2D canvas.');
	drawImage(ctx, ops);
	const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
	if (!blob) throw new Error('The image could not be encoded.');
	return new File([blob], name, { type: 'image/png' });
}

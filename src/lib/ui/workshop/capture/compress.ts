/**
 * Making a photo small on the device before it is stored: decoded with `createImageBitmap`
 * (EXIF orientation applied), scaled so its longest side is at most `maxSide`, and re-encoded
 * as JPEG. Re-encoding also drops the camera's metadata (place, device) from the bytes.
 */
import { photoLimits } from '$lib/domain/records';

export const maxSide = 1600;
export const quality = 0.8;

export class PhotoError extends Error {
	constructor(readonly reason: 'unreadable' | 'too-large') {
		super(reason);
	}
}

/** The size that fits `width × height` within `max` on its longest side, never enlarged. */
export function fitWithin(width: number, height: number, max = maxSide) {
	const scale = Math.min(1, max / Math.max(width, height));
	return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

function toJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new PhotoError('unreadable'))),
			'image/jpeg',
			quality
		)
	);
}

/** The compressed bytes of an image file, as JPEG; throws `PhotoError`. */
export async function compressImage(file: Blob): Promise<{ bytes: Uint8Array; type: string }> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		throw new PhotoError('unreadable');
	}
	const size = fitWithin(bitmap.width, bitmap.height);
	const canvas = document.createElement('canvas');
	canvas.width = size.width;
	canvas.height = size.height;
	const context = canvas.getContext('2d');
	if (!context) throw new PhotoError('unreadable');
	context.drawImage(bitmap, 0, 0, size.width, size.height);
	bitmap.close();
	const bytes = new Uint8Array(await (await toJpeg(canvas)).arrayBuffer());
	if (bytes.byteLength > photoLimits.blobBytes) throw new PhotoError('too-large');
	return { bytes, type: 'image/jpeg' };
}

/**
 * Reads a QR code the way a phone camera would: from the pixels of a screenshot, decoded with
 * jsQR. Nothing of the app's own QR code is reused, so a wrong matrix or a wrong link fails.
 */
import { expect, type Locator } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text encoded in the QR code shown by `element` (an `<svg>`, `<canvas>` or `<img>`). */
export async function decodeQr(element: Locator): Promise<string> {
	await expect(element).toBeVisible();
	let decoded = '';
	// A frame taken while the page is still settling can be unreadable, as it can for a camera:
	// look again for a few seconds before giving up.
	await expect(async () => {
		// Device pixels: at a high scale factor each module spans many pixels, so rounding at
		// module edges cannot blur the finder patterns.
		const png = PNG.sync.read(
			await element.screenshot({ animations: 'disabled', scale: 'device' })
		);
		// White around the code (a quiet zone) helps the decoder find the finder patterns.
		const framed = withMargin(png, 24);
		const code = jsQR(new Uint8ClampedArray(framed.data), framed.width, framed.height);
		if (!code) throw new Error(`no QR code found in a ${png.width}×${png.height} screenshot`);
		decoded = code.data;
	}).toPass({ timeout: 10_000 });
	return decoded;
}

/** A copy of `image` with a white border of `margin` pixels on every side. */
function withMargin(image: PNG, margin: number): PNG {
	const framed = new PNG({ width: image.width + 2 * margin, height: image.height + 2 * margin });
	framed.data.fill(255);
	PNG.bitblt(image, framed, 0, 0, image.width, image.height, margin, margin);
	return framed;
}

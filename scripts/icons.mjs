// Renders Plaza's icons: writes static/icons/icon.svg and PNGs (192, 512, maskable 512) drawn
// by the installed Chromium. Run from the repository root: `node scripts/icons.mjs`. The PNGs
// are committed; rerun only when the artwork changes.
import { writeFile, mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const out = 'static/icons';
const green = '#1f6f4a';
// A speech bubble with three dots: many voices in one place. It sits inside the central 80%
// circle, so the maskable variant survives any launcher mask.
const glyph = `<path d="M140 150h232a44 44 0 0 1 44 44v120a44 44 0 0 1-44 44H262l-70 56v-56h-52a44 44 0 0 1-44-44V194a44 44 0 0 1 44-44z" fill="#fff"/>
<circle cx="186" cy="254" r="22" fill="${green}"/><circle cx="256" cy="254" r="22" fill="${green}"/><circle cx="326" cy="254" r="22" fill="${green}"/>`;
const svg = (body) =>
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${body}</svg>\n`;
const icon = svg(`<rect width="512" height="512" rx="96" fill="${green}"/>${glyph}`);
const maskable = svg(
	`<rect width="512" height="512" fill="${green}"/><g transform="translate(51.2 51.2) scale(0.8)">${glyph}</g>`
);

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	await mkdir(out, { recursive: true });
	await writeFile(`${out}/icon.svg`, icon);
	const page = await browser.newPage();
	for (const [source, size, file] of [
		[icon, 192, 'icon-192.png'],
		[icon, 512, 'icon-512.png'],
		[maskable, 512, 'maskable-512.png']
	]) {
		await page.setViewportSize({ width: size, height: size });
		const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
		await page.setContent(
			`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`
		);
		await page.locator('img').screenshot({ path: `${out}/${file}`, omitBackground: true });
	}
} finally {
	await browser.close();
}

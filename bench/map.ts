/**
 * Map benchmark: builds bench/map with Vite, serves it on a local static server and renders
 * the participant map with 10,000 ideas against 100 in the same run, in Chromium. Reports the
 * time to the first full render and the redraw after a pan and after a zoom (until painted, and
 * the redraw's main-thread work), each as a ratio against the 100-idea baseline (median of the
 * runs).
 *
 *   npx tsx bench/map.ts [large=10000] [small=100] [runs=7]
 */
import { chromium } from '@playwright/test';
import path from 'node:path';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../tests/e2e/harness/chromium';
import { median, serveStatic } from './static-server';
import type { MapBenchResult, MapTimes } from './map/main';

const outDir = path.resolve(import.meta.dirname, 'out/map');

const list = (values: number[]) => values.map((ms) => ms.toFixed(1)).join(', ');

function report(label: string, pick: (t: MapTimes) => number, result: MapBenchResult): string {
	const small = result.small.map(pick);
	const large = result.large.map(pick);
	const ratio = median(large) / median(small);
	console.log(
		`  ${label.padEnd(13)} ${median(small).toFixed(1).padStart(7)} ms  ${median(large)
			.toFixed(1)
			.padStart(7)} ms  ${ratio.toFixed(2)}×   (small: ${list(small)}; large: ${list(large)})`
	);
	return ratio.toFixed(2);
}

export async function runMapBench(large = 10_000, small = 100, runs = 7): Promise<void> {
	await build({ configFile: path.resolve(import.meta.dirname, 'map/vite.config.ts') });
	const { server, url } = await serveStatic(outDir);
	const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		const foreign: string[] = [];
		page.on('request', (request) => {
			if (!request.url().startsWith(url) && !request.url().startsWith('data:'))
				foreign.push(request.url());
		});
		await page.goto(url);
		await page.getByText('ready').waitFor();
		const result = await page.evaluate(
			([l, s, r]) =>
				(
					window as unknown as {
						plazaMapBench: { run(s: number, l: number, r: number): Promise<MapBenchResult> };
					}
				).plazaMapBench.run(s, l, r),
			[large, small, runs] as const
		);
		if (foreign.length) throw new Error(`the bench page left 127.0.0.1: ${foreign.join(', ')}`);
		const shapes = (times: MapTimes[]) => median(times.map((t) => t.shapes));
		const zoomed = (times: MapTimes[]) => median(times.map((t) => t.zoomShapes));
		console.log(
			`map bench: ${large} vs ${small} ideas, ${runs} runs each, Chromium, canvas + clusters`
		);
		console.log(
			`  shapes drawn in the first view: ${shapes(result.small)} vs ${shapes(result.large)}; ` +
				`after the zoom: ${zoomed(result.small)} vs ${zoomed(result.large)}`
		);
		console.log(`  ${''.padEnd(13)} ${`${small}`.padStart(10)}  ${`${large}`.padStart(10)}  ratio`);
		report('first render', (t) => t.first, result);
		report('pan redraw', (t) => t.pan, result);
		report('zoom redraw', (t) => t.zoom, result);
		report('pan work', (t) => t.panWork, result);
		report('zoom work', (t) => t.zoomWork, result);
	} finally {
		await browser.close();
		server.close();
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
	const [large, small, runs] = process.argv.slice(2).map(Number);
	await runMapBench(large || undefined, small || undefined, runs || undefined);
}

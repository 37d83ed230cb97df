/**
 * Browser store benchmark: builds bench/store with Vite, serves it on a local static server
 * and runs it in Chromium with a persistent profile — Playwright's default context keeps
 * IndexedDB in memory, which would hide the real disk cost.
 *
 *   npx tsx bench/store/run.ts [count=10000] [runs=5]
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../../tests/e2e/harness/chromium';
import { median, serveStatic } from '../static-server';
import type { BenchResult } from './main';

const outDir = path.resolve(import.meta.dirname, '../out/store');

const format = (values: number[]) => values.map((ms) => ms.toFixed(0)).join(', ');

export async function runStoreBench(count = 10_000, runs = 5): Promise<void> {
	await build({ configFile: path.resolve(import.meta.dirname, 'vite.config.ts') });
	const { server, url } = await serveStatic(outDir);
	const profile = mkdtempSync(path.join(tmpdir(), 'plaza-bench-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		...chromiumLaunchOptions,
		headless: true
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(url);
		await page.getByText('ready').waitFor();
		const result = await page.evaluate(
			([n, r]) =>
				(
					window as unknown as { plazaBench: { run(n: number, r: number): Promise<BenchResult> } }
				).plazaBench.run(n, r),
			[count, runs] as const
		);
		const store = median(result.store);
		const raw = median(result.raw);
		console.log(`store bench: ${count} ideas, ${runs} runs each, persistent Chromium profile`);
		console.log(`  bulkCreateIdeas  median ${store.toFixed(0)} ms  (${format(result.store)})`);
		console.log(`  raw Dexie bulkPut median ${raw.toFixed(0)} ms  (${format(result.raw)})`);
		console.log(`  ratio store/raw  ${(store / raw).toFixed(2)}×`);
	} finally {
		await context.close();
		server.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
	const [count, runs] = process.argv.slice(2).map(Number);
	await runStoreBench(count || undefined, runs || undefined);
}

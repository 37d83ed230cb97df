/**
 * Browser store benchmark: builds bench/store with Vite, serves it on a local static server
 * and runs it in Chromium with a persistent profile — Playwright's default context keeps
 * IndexedDB in memory, which would hide the real disk cost.
 *
 *   npx tsx bench/store/run.ts [count=10000] [runs=5]
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../../tests/e2e/harness/chromium';
import type { BenchResult } from './main';

const outDir = path.resolve(import.meta.dirname, '../out/store');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

function serve(): Promise<{ server: Server; url: string }> {
	const server = createServer((request, response) => {
		const file = new URL(request.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html');
		const full = path.join(outDir, path.normalize(file));
		try {
			const body = readFileSync(full);
			response.writeHead(200, { 'content-type': types[path.extname(full)] ?? 'text/plain' });
			response.end(body);
		} catch {
			response.writeHead(404).end();
		}
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolve({ server, url: `http://127.0.0.1:${port}/` });
		})
	);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const format = (values: number[]) => values.map((ms) => ms.toFixed(0)).join(', ');

export async function runStoreBench(count = 10_000, runs = 5): Promise<void> {
	await build({ configFile: path.resolve(import.meta.dirname, 'vite.config.ts') });
	const { server, url } = await serve();
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

/**
 * `npm run bench`: the hub benchmark (bench/hub.ts, owned by the hub) in its own process, then
 * the browser store benchmark. Prints ratios; never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runStoreBench } from './store/run';

const hubBench = path.resolve(import.meta.dirname, 'hub.ts');
let failed = false;
if (existsSync(hubBench)) {
	const hub = spawnSync(process.execPath, ['--import', 'tsx', hubBench], { stdio: 'inherit' });
	failed = hub.status !== 0;
	if (failed) console.error(`bench/hub.ts failed (exit ${hub.status})`);
} else {
	console.warn('bench/hub.ts not found: skipping the hub benchmark');
}
await runStoreBench();
process.exitCode = failed ? 1 : 0;

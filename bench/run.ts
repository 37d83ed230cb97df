/**
 * `npm run bench`: the hub benchmark (bench/hub.ts), the workshop board benchmark
 * (bench/workshop.ts) and the impact benchmark (bench/impact.ts), each in its own process,
 * then the browser store and map benchmarks.
 * Prints times and ratios against a baseline measured in the same run; never part of
 * `npm test`. Set DATABASE_URL to include PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runMapBench } from './map';
import { runStoreBench } from './store/run';

/** Runs one bench file under tsx; true when it exited cleanly. */
function runFile(file: string): boolean {
	const script = path.resolve(import.meta.dirname, file);
	const run = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
	if (run.status !== 0) console.error(`bench/${file} failed (exit ${run.status})`);
	return run.status === 0;
}

const hubOk = runFile('hub.ts');
const workshopOk = runFile('workshop.ts');
const impactOk = runFile('impact.ts');
await runStoreBench();
await runMapBench();
process.exitCode = hubOk && workshopOk && impactOk ? 0 : 1;

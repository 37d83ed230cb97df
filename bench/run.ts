/**
 * `npm run bench`: the hub benchmark (bench/hub.ts) in its own process, then the browser
 * store benchmark. Prints times and ratios against a baseline measured in the same run;
 * never part of `npm test`. Set DATABASE_URL to include PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runStoreBench } from './store/run';

const hubBench = path.resolve(import.meta.dirname, 'hub.ts');
const hub = spawnSync(process.execPath, ['--import', 'tsx', hubBench], { stdio: 'inherit' });
if (hub.status !== 0) console.error(`bench/hub.ts failed (exit ${hub.status})`);
await runStoreBench();
process.exitCode = hub.status === 0 ? 0 : 1;

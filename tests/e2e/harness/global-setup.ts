/**
 * Builds the app twice before the e2e run (see builds.ts). The builds run one after the other:
 * both rewrite .svelte-kit/output. PLAZA_E2E_SKIP_BUILD=1 reuses existing builds.
 */
import { execFileSync } from 'node:child_process';
import { rootDir } from '../../fixtures/hub';
import { buildA, buildB, buildExists, type BuildSpec } from './builds';

function build(spec: BuildSpec): void {
	const started = Date.now();
	execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		cwd: rootDir,
		stdio: 'inherit',
		env: { ...process.env, PLAZA_OUT: spec.dir, PLAZA_VERSION: spec.version }
	});
	console.log(`e2e: built ${spec.version} into ${spec.dir} in ${Date.now() - started} ms`);
}

export default function globalSetup(): void {
	const reuse = process.env.PLAZA_E2E_SKIP_BUILD === '1';
	for (const spec of [buildA, buildB]) {
		if (reuse && buildExists(spec)) continue;
		build(spec);
	}
}
